package dev.schemagate.gateway.sql;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.schemagate.gateway.model.Message;
import dev.schemagate.gateway.model.Role;
import dev.schemagate.gateway.paging.Cursor;
import dev.schemagate.gateway.paging.Page;
import dev.schemagate.gateway.paging.PageRequest;
import dev.schemagate.gateway.paging.SortOrder;
import dev.schemagate.gateway.routing.PhysicalTable;
import dev.schemagate.gateway.routing.Routing;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Messages over every routed message table, merged by id in precedence order. */
@Component
public class MessageStore {

    /** Messages page by {@code createdAt} ascending, then {@code id}, unless asked otherwise. */
    public static final SortOrder DEFAULT_ORDER = order(true);

    private static final String NO_ID = "00000000-0000-0000-0000-000000000000";

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
     * Pages of messages for many conversations in one statement. Each key carries its own size,
     * cursors, role and order, unnested side by side and applied per conversation in a lateral
     * join; keys that read in different directions get their own branch of one union.
     */
    public Mono<Map<MessagePageKey, Page<Message>>> pages(List<MessagePageKey> keys) {
        Map<String, List<Integer>> variants = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            MessagePageKey key = keys.get(i);
            variants.computeIfAbsent(key.page().order().ascending() + ":" + key.page().backward(), v -> new ArrayList<>()).add(i);
        }
        List<String> branches = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        int variant = 0;
        for (List<Integer> indexes : variants.values()) {
            branches.add(pagesBranch(keys, indexes, variant++, binds));
        }
        String sql = String.join("\nunion all\n", branches) + "\norder by idx, pos";
        GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(row -> Map.entry(row.get("idx", Integer.class), message(row)))
                .all()
                .collectList()
                .map(rows -> pagesByKey(keys, rows));
    }

    private String pagesBranch(List<MessagePageKey> keys, List<Integer> indexes, int variant, Map<String, Object> binds) {
        PageRequest first = keys.get(indexes.get(0)).page();
        SortOrder order = first.order();
        boolean backward = first.backward();
        String union = PrecedenceUnion.of(routing.messages(), MessageStore::columns, t -> "t.conversation_id = k.conversation_id and "
                + order.after("t", "k.after_at", "k.after_id") + " and " + order.before("t", "k.before_at", "k.before_id")
                + " and (k.role = '' or t.role::text = k.role)");
        String afterSentinel = order.ascending() ? "-infinity" : "infinity";
        String beforeSentinel = order.ascending() ? "infinity" : "-infinity";
        List<Integer> idx = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        List<String> afterAt = new ArrayList<>();
        List<String> afterId = new ArrayList<>();
        List<String> beforeAt = new ArrayList<>();
        List<String> beforeId = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (int i : indexes) {
            MessagePageKey key = keys.get(i);
            idx.add(i);
            ids.add(key.conversationId().toString());
            limits.add(key.page().size() + 1);
            afterAt.add(key.page().after() == null ? afterSentinel : timestamp(key.page().after()));
            afterId.add(key.page().after() == null ? NO_ID : key.page().after().id().toString());
            beforeAt.add(key.page().before() == null ? beforeSentinel : timestamp(key.page().before()));
            beforeId.add(key.page().before() == null ? NO_ID : key.page().before().id().toString());
            roles.add(key.role() == null ? "" : key.role().label());
        }
        String v = "v" + variant;
        binds.put(v + "idx", idx.toArray(Integer[]::new));
        binds.put(v + "ids", ids.toArray(String[]::new));
        binds.put(v + "limits", limits.toArray(Integer[]::new));
        binds.put(v + "afterAt", afterAt.toArray(String[]::new));
        binds.put(v + "afterId", afterId.toArray(String[]::new));
        binds.put(v + "beforeAt", beforeAt.toArray(String[]::new));
        binds.put(v + "beforeId", beforeId.toArray(String[]::new));
        binds.put(v + "roles", roles.toArray(String[]::new));
        return """
                select k.idx, m.* from unnest(cast(:%1$sidx as int[]), cast(:%1$sids as uuid[]), cast(:%1$slimits as int[]),
                       cast(:%1$safterAt as timestamptz[]), cast(:%1$safterId as uuid[]),
                       cast(:%1$sbeforeAt as timestamptz[]), cast(:%1$sbeforeId as uuid[]), cast(:%1$sroles as text[]))
                     as k(idx, conversation_id, row_limit, after_at, after_id, before_at, before_id, role)
                cross join lateral (
                  select u.*, row_number() over (order by %2$s) as pos from (%3$s) u
                  order by %2$s limit k.row_limit) m""".formatted(v, order.orderBy("u", backward), union);
    }

    private static String timestamp(Cursor cursor) {
        return cursor.at().withOffsetSameInstant(ZoneOffset.UTC).toString();
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

    public static SortOrder order(boolean ascending) {
        return SortOrder.of("messages", "CREATED_AT", "created_at", false, ascending);
    }

    public static Cursor cursor(Message message, SortOrder order) {
        return Cursor.of(order.name(), message.createdAt(), message.id());
    }

    private static Map<MessagePageKey, Page<Message>> pagesByKey(List<MessagePageKey> keys, List<Map.Entry<Integer, Message>> rows) {
        Map<MessagePageKey, List<Message>> grouped = Batches.byIndex(keys, rows);
        Map<MessagePageKey, Page<Message>> pages = new HashMap<>();
        grouped.forEach((key, messages) -> pages.put(key, Page.of(messages, key.page())));
        return pages;
    }

    static String columns(PhysicalTable table) {
        return "t.id, t.conversation_id, t.role::text as role, t.content, t.metadata, t.created_at, t.idempotency_key";
    }

    private static String embeddingColumns(PhysicalTable table) {
        String embedding = table.has("embedding") ? "t.embedding::real[]" : "null::real[]";
        return "t.id, " + embedding + " as embedding";
    }

    static Message message(Readable row) {
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
