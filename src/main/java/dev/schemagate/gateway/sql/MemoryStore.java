package dev.schemagate.gateway.sql;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.model.Memory;
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

/** Memories over every routed memory table. */
@Component
public class MemoryStore {

    /** Memories page by {@code createdAt} descending, then {@code id}. */
    public static final SortOrder ORDER = SortOrder.of("memories", "CREATED_AT", "created_at", false, false);

    private final DatabaseClient db;
    private final Routing routing;

    public MemoryStore(DatabaseClient db, Routing routing) {
        this.db = db;
        this.routing = routing;
    }

    public Mono<Map<UUID, Memory>> byIds(Collection<UUID> ids) {
        String sql = PrecedenceUnion.of(routing.memories(), MemoryStore::columns, t -> "t.id = any(cast(:ids as uuid[]))");
        return db.sql(sql).bind("ids", Rows.uuids(ids))
                .map(MemoryStore::memory)
                .all()
                .collectMap(Memory::id);
    }

    public Mono<Page<Memory>> page(MemoryCriteria criteria, PageRequest page) {
        return UnionQueries.page(db, routing.memories(), MemoryStore::columns, conditions(criteria), page, MemoryStore::memory);
    }

    public Mono<Integer> count(MemoryCriteria criteria) {
        return UnionQueries.count(db, routing.memories(), conditions(criteria));
    }

    /** The newest memories of many conversations in one statement, each with its own limit. */
    public Mono<Map<ConversationMemoriesKey, List<Memory>>> byConversations(List<ConversationMemoriesKey> keys) {
        String union = PrecedenceUnion.of(routing.memories(), MemoryStore::columns, t -> "t.conversation_id = k.conversation_id");
        String sql = """
                select k.ord, m.* from unnest(cast(:ids as uuid[]), cast(:limits as int[]))
                     with ordinality as k(conversation_id, row_limit, ord)
                cross join lateral (select * from (%s) u order by u.created_at desc, u.id limit k.row_limit) m
                """.formatted(union);
        String[] ids = keys.stream().map(k -> k.conversationId().toString()).toArray(String[]::new);
        Integer[] limits = keys.stream().map(ConversationMemoriesKey::first).toArray(Integer[]::new);
        return db.sql(sql).bind("ids", ids).bind("limits", limits)
                .map(row -> Map.entry(row.get("ord", Long.class).intValue() - 1, memory(row)))
                .all()
                .collectList()
                .map(rows -> Batches.byIndex(keys, rows));
    }

    public static Cursor cursor(Memory memory) {
        return Cursor.of(ORDER.name(), memory.createdAt(), memory.id());
    }

    static SqlConditions conditions(MemoryCriteria criteria) {
        SqlConditions where = new SqlConditions();
        if (criteria.conversationId() != null) {
            where.add("t.conversation_id = :conversationId", "conversationId", criteria.conversationId());
        }
        if (criteria.userId() != null) {
            where.add("t.user_id = :userId", "userId", criteria.userId());
        }
        if (criteria.kind() != null) {
            where.add("t.kind = :kind", "kind", criteria.kind());
        }
        return where;
    }

    static String columns(PhysicalTable table) {
        return """
                t.id, t.conversation_id, t.user_id, t.kind, t.content, t.importance, \
                t.metadata, t.created_at, t.last_accessed_at""";
    }

    static Memory memory(Readable row) {
        return new Memory(
                Rows.uuid(row, "id"),
                Rows.uuid(row, "conversation_id"),
                Rows.text(row, "user_id"),
                Rows.text(row, "kind"),
                Rows.text(row, "content"),
                Rows.real(row, "importance"),
                Rows.json(row, "metadata"),
                Rows.timestamp(row, "created_at"),
                Rows.timestamp(row, "last_accessed_at"));
    }
}
