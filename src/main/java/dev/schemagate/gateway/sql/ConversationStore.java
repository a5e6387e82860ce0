package dev.schemagate.gateway.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.model.AiState;
import dev.schemagate.gateway.model.Conversation;
import dev.schemagate.gateway.paging.Cursor;
import dev.schemagate.gateway.paging.Page;
import dev.schemagate.gateway.paging.PageRequest;
import dev.schemagate.gateway.paging.SortOrder;
import dev.schemagate.gateway.routing.PhysicalTable;
import dev.schemagate.gateway.routing.Routing;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Conversations over every routed conversation table, and their AI state. */
@Component
public class ConversationStore {

    /** Conversations page by {@code updatedAt} descending, then {@code id}, unless asked otherwise. */
    public static final SortOrder DEFAULT_ORDER = order("UPDATED_AT", false);

    private final DatabaseClient db;
    private final Routing routing;

    public ConversationStore(DatabaseClient db, Routing routing) {
        this.db = db;
        this.routing = routing;
    }

    public Mono<Map<UUID, Conversation>> byIds(Collection<UUID> ids) {
        String sql = PrecedenceUnion.of(routing.conversations(), ConversationStore::columns,
                t -> "t.id = any(cast(:ids as uuid[]))");
        return db.sql(sql).bind("ids", Rows.uuids(ids))
                .map(ConversationStore::conversation)
                .all()
                .collectMap(Conversation::id);
    }

    public Mono<Page<Conversation>> page(ConversationCriteria criteria, PageRequest page) {
        return UnionQueries.page(db, routing.conversations(), ConversationStore::columns, conditions(criteria), page, ConversationStore::conversation);
    }

    public Mono<Integer> count(ConversationCriteria criteria) {
        return UnionQueries.count(db, routing.conversations(), conditions(criteria));
    }

    public Mono<Map<UUID, AiState>> aiStates(Collection<UUID> ids) {
        String sql = """
                select id, model, summary, token_count from %s where id = any(cast(:ids as uuid[]))
                """.formatted(routing.conversationAiState().sql());
        return db.sql(sql).bind("ids", Rows.uuids(ids))
                .map(row -> Map.entry(Rows.uuid(row, "id"),
                        new AiState(Rows.text(row, "model"), Rows.text(row, "summary"), Rows.integer(row, "token_count"))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * The conversations each file belongs to, through the file's own {@code conversation_id} or a
     * link row; a conversation no routed table holds is left out.
     */
    public Mono<Map<UUID, List<Conversation>>> byFiles(Collection<UUID> fileIds) {
        List<String> owners = new ArrayList<>();
        routing.files().forEach(f -> owners.add("select f.conversation_id from " + f.sql() + " f where f.id = k.file_id"));
        routing.fileLinks().forEach(l -> owners.add("select l.conversation_id from " + l.sql() + " l where l.file_id = k.file_id"));
        String union = PrecedenceUnion.of(routing.conversations(), ConversationStore::columns,
                t -> "t.id in (" + String.join(" union ", owners) + ")");
        String sql = """
                select k.file_id as key_id, c.* from unnest(cast(:ids as uuid[])) as k(file_id)
                cross join lateral (select * from (%s) u order by u.updated_at desc, u.id) c
                """.formatted(union);
        return db.sql(sql).bind("ids", Rows.uuids(fileIds))
                .map(row -> Map.entry(Rows.uuid(row, "key_id"), conversation(row)))
                .all()
                .collectList()
                .map(Batches::groupByKey);
    }

    /** An ordering by {@code UPDATED_AT}, {@code CREATED_AT} or {@code TITLE}. */
    public static SortOrder order(String field, boolean ascending) {
        return switch (field) {
            case "UPDATED_AT" -> SortOrder.of("conversations", field, "updated_at", false, ascending);
            case "CREATED_AT" -> SortOrder.of("conversations", field, "created_at", false, ascending);
            case "TITLE" -> SortOrder.of("conversations", field, "title", true, ascending);
            default -> throw new IllegalArgumentException("No conversation ordering " + field);
        };
    }

    public static Cursor cursor(Conversation conversation, SortOrder order) {
        return switch (order.column()) {
            case "created_at" -> Cursor.of(order.name(), conversation.createdAt(), conversation.id());
            case "title" -> Cursor.of(order.name(), conversation.title(), conversation.id());
            default -> Cursor.of(order.name(), conversation.updatedAt(), conversation.id());
        };
    }

    static SqlConditions conditions(ConversationCriteria criteria) {
        SqlConditions where = new SqlConditions();
        if (criteria.continuationId() != null) {
            where.add("t.continuation_id = :continuationId", "continuationId", criteria.continuationId());
        }
        if (criteria.sessionId() != null) {
            where.addOnColumn("session_id", "t.session_id = :sessionId", "sessionId", criteria.sessionId());
        }
        if (criteria.titleContains() != null) {
            where.add("strpos(lower(t.title), lower(:titleContains)) > 0", "titleContains", criteria.titleContains());
        }
        if (criteria.updatedAfter() != null) {
            where.add("t.updated_at > :updatedAfter", "updatedAfter", criteria.updatedAfter());
        }
        if (criteria.updatedBefore() != null) {
            where.add("t.updated_at < :updatedBefore", "updatedBefore", criteria.updatedBefore());
        }
        return where;
    }

    static String columns(PhysicalTable table) {
        String session = table.has("session_id") ? "t.session_id" : "null::uuid as session_id";
        return "t.id, t.continuation_id, t.title, t.metadata, " + session + ", t.created_at, t.updated_at";
    }

    static Conversation conversation(Readable row) {
        return new Conversation(
                Rows.uuid(row, "id"),
                Rows.text(row, "continuation_id"),
                Rows.text(row, "title"),
                Rows.json(row, "metadata"),
                Rows.uuid(row, "session_id"),
                Rows.timestamp(row, "created_at"),
                Rows.timestamp(row, "updated_at"));
    }
}
