package dev.schemagate.gateway.sql;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.schemagate.gateway.model.Message;
import dev.schemagate.gateway.model.Role;
import dev.schemagate.gateway.paging.Cursor;
import dev.schemagate.gateway.paging.Page;
import dev.schemagate.gateway.routing.PhysicalTable;
import dev.schemagate.gateway.routing.Routing;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Messages over every routed message table, merged by id in precedence order. */
@Component
public class MessageStore {

    /** Messages page by {@code createdAt} ascending, then {@code id}. */
    public static final String ORDERING = "message:createdAt";

    private static final String NO_CURSOR_AT = "-infinity";
    private static final String NO_CURSOR_ID = "00000000-0000-0000-0000-000000000000";

    private final DatabaseClient db;
    private final Routing routing;

    public MessageStore(DatabaseClient db, Routing routing) {
        this.db = db;
        this.routing = routing;
    }

    public Mono<Map<UUID, Message>> byIds(Collection<UUID> ids) {
        String sql = PrecedenceUnion.of(routing.messages(), MessageStore::columns, t -> "t.id = any(cast(:ids as uuid[]))");
        return db.sql(sql).bind("ids", Rows.uuids(ids))
                .map(MessageStore::message)
                .all()
                .collectMap(Message::id);
    }

    /**
     * Pages of messages for many conversations in one statement: each key carries its own
     * limit, cursor and role, unnested side by side and applied per conversation in a lateral join.
     */
    public Mono<Map<MessagePageKey, Page<Message>>> pages(List<MessagePageKey> keys) {
        String union = PrecedenceUnion.of(routing.messages(), MessageStore::columns, t -> """
                t.conversation_id = k.conversation_id and (t.created_at, t.id) > (k.after_at, k.after_id) \
                and (k.role = '' or t.role::text = k.role)""");
        String sql = """
                select k.ord, m.* from unnest(cast(:ids as uuid[]), cast(:limits as int[]), cast(:afterAt as timestamptz[]),
                                              cast(:afterId as uuid[]), cast(:roles as text[]))
                     with ordinality as k(conversation_id, row_limit, after_at, after_id, role, ord)
                cross join lateral (select * from (%s) u order by u.created_at, u.id limit k.row_limit) m
                """.formatted(union);
        List<String> ids = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        List<String> afterAt = new ArrayList<>();
        List<String> afterId = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (MessagePageKey key : keys) {
            Cursor after = key.page().after();
            ids.add(key.conversationId().toString());
            limits.add(key.page().first() + 1);
            afterAt.add(after == null ? NO_CURSOR_AT : after.at().withOffsetSameInstant(ZoneOffset.UTC).toString());
            afterId.add(after == null ? NO_CURSOR_ID : after.id().toString());
            roles.add(key.role() == null ? "" : key.role().label());
        }
        return db.sql(sql)
                .bind("ids", ids.toArray(String[]::new))
                .bind("limits", limits.toArray(Integer[]::new))
                .bind("afterAt", afterAt.toArray(String[]::new))
                .bind("afterId", afterId.toArray(String[]::new))
                .bind("roles", roles.toArray(String[]::new))
                .map(row -> Map.entry(row.get("ord", Long.class), message(row)))
                .all()
                .collectList()
                .map(rows -> pagesByKey(keys, rows));
    }

    /** Distinct message counts for many conversations (and roles) in one statement. */
    public Mono<Map<MessageCountKey, Integer>> counts(List<MessageCountKey> keys) {
        String union = PrecedenceUnion.of(routing.messages(), t -> "t.id", t -> """
                t.conversation_id = k.conversation_id and (k.role = '' or t.role::text = k.role)""");
        String sql = """
                select k.ord, (select count(*) from (%s) u) as total
                from unnest(cast(:ids as uuid[]), cast(:roles as text[])) with ordinality as k(conversation_id, role, ord)
                """.formatted(union);
        String[] ids = keys.stream().map(k -> k.conversationId().toString()).toArray(String[]::new);
        String[] roles = keys.stream().map(k -> k.role() == null ? "" : k.role().label()).toArray(String[]::new);
        return db.sql(sql).bind("ids", ids).bind("roles", roles)
                .map(row -> Map.entry(keys.get(row.get("ord", Long.class).intValue() - 1), Rows.integer(row, "total")))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Embeddings of messages, from the table that wins each message id; null where it stores none. */
    public Mono<Map<UUID, List<Double>>> embeddings(Collection<UUID> ids) {
        String sql = PrecedenceUnion.of(routing.messages(), MessageStore::embeddingColumns,
                t -> "t.id = any(cast(:ids as uuid[]))");
        return db.sql(sql).bind("ids", Rows.uuids(ids))
                .map(row -> Map.entry(Rows.uuid(row, "id"), Optional.ofNullable(Rows.floats(row, "embedding"))))
                .all()
                .filter(entry -> entry.getValue().isPresent())
                .collectMap(Map.Entry::getKey, entry -> entry.getValue().get());
    }

    public static Cursor cursor(Message message) {
        return new Cursor(ORDERING, message.createdAt(), message.id());
    }

    private static Map<MessagePageKey, Page<Message>> pagesByKey(List<MessagePageKey> keys, List<Map.Entry<Long, Message>> rows) {
        Map<MessagePageKey, List<Message>> grouped = Batches.byOrdinal(keys, rows);
        Map<MessagePageKey, Page<Message>> pages = new HashMap<>();
        grouped.forEach((key, messages) -> pages.put(key, Page.of(messages, key.page())));
        return pages;
    }

    private static String columns(PhysicalTable table) {
        return "t.id, t.conversation_id, t.role::text as role, t.content, t.metadata, t.created_at, t.idempotency_key";
    }

    private static String embeddingColumns(PhysicalTable table) {
        String embedding = table.has("embedding") ? "t.embedding::real[]" : "null::real[]";
        return "t.id, " + embedding + " as embedding";
    }

    private static Message message(Readable row) {
        return new Message(
                Rows.uuid(row, "id"),
                Rows.uuid(row, "conversation_id"),
                Role.fromLabel(Rows.text(row, "role")),
                Rows.text(row, "content"),
                Rows.json(row, "metadata"),
                Rows.timestamp(row, "created_at"),
                Rows.text(row, "idempotency_key"));
    }
}
