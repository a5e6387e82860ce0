package dev.schemagate.gateway.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.model.PlatformUpload;
import dev.schemagate.gateway.model.StoredFile;
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

/**
 * Files of the file store. A file belongs to a conversation through its own
 * {@code conversation_id} or through a link table; either counts, and the file appears once.
 */
@Component
public class FileStore {

    /** Files page by {@code createdAt} descending, then {@code id}. */
    public static final SortOrder ORDER = SortOrder.of("files", "CREATED_AT", "created_at", false, false);

    static final String NOT_EXPIRED = "(t.expires_at is null or t.expires_at > now())";

    private final DatabaseClient db;
    private final Routing routing;

    public FileStore(DatabaseClient db, Routing routing) {
        this.db = db;
        this.routing = routing;
    }

    public Mono<Map<UUID, StoredFile>> byIds(Collection<UUID> ids) {
        String sql = PrecedenceUnion.of(routing.files(), FileStore::columns, t -> "t.id = any(cast(:ids as uuid[]))");
        return db.sql(sql).bind("ids", Rows.uuids(ids))
                .map(FileStore::file)
                .all()
                .collectMap(StoredFile::id);
    }

    public Mono<Page<StoredFile>> page(FileCriteria criteria, PageRequest page) {
        return UnionQueries.page(db, routing.files(), FileStore::columns, conditions(criteria), page, FileStore::file);
    }

    public Mono<Integer> count(FileCriteria criteria) {
        return UnionQueries.count(db, routing.files(), conditions(criteria));
    }

    /** Files of many conversations in one statement, newest first. */
    public Mono<Map<ConversationFilesKey, List<StoredFile>>> byConversations(List<ConversationFilesKey> keys) {
        String union = PrecedenceUnion.of(routing.files(), FileStore::columns,
                t -> belongsTo(t, "k.conversation_id") + " and (k.include_expired or " + NOT_EXPIRED + ")");
        String sql = """
                select k.ord, f.* from unnest(cast(:ids as uuid[]), cast(:includeExpired as bool[]))
                     with ordinality as k(conversation_id, include_expired, ord)
                cross join lateral (select * from (%s) u order by u.created_at desc, u.id) f
                """.formatted(union);
        String[] ids = keys.stream().map(k -> k.conversationId().toString()).toArray(String[]::new);
        String[] includeExpired = keys.stream().map(k -> String.valueOf(k.includeExpired())).toArray(String[]::new);
        return db.sql(sql).bind("ids", ids).bind("includeExpired", includeExpired)
                .map(row -> Map.entry(row.get("ord", Long.class).intValue() - 1, file(row)))
                .all()
                .collectList()
                .map(rows -> Batches.byIndex(keys, rows));
    }

    public Mono<Map<UUID, List<PlatformUpload>>> uploads(Collection<UUID> fileIds) {
        String sql = """
                select file_id, platform, platform_file_id, uploaded_at from %s
                where file_id = any(cast(:ids as uuid[]))
                order by uploaded_at, platform, platform_file_id
                """.formatted(routing.fileUploads().sql());
        return db.sql(sql).bind("ids", Rows.uuids(fileIds))
                .map(row -> Map.entry(Rows.uuid(row, "file_id"), new PlatformUpload(
                        Rows.text(row, "platform"), Rows.text(row, "platform_file_id"), Rows.timestamp(row, "uploaded_at"))))
                .all()
                .collectList()
                .map(Batches::groupByKey);
    }

    public static Cursor cursor(StoredFile file) {
        return Cursor.of(ORDER.name(), file.createdAt(), file.id());
    }

    private SqlConditions conditions(FileCriteria criteria) {
        return conditions(routing, criteria);
    }

    static SqlConditions conditions(Routing routing, FileCriteria criteria) {
        SqlConditions where = new SqlConditions();
        if (!criteria.includeExpired()) {
            where.add(NOT_EXPIRED);
        }
        if (criteria.conversationId() != null) {
            where.add(table -> belongsTo(routing, table, ":conversationId"), "conversationId", criteria.conversationId());
        }
        return where;
    }

    /**
     * The file row {@code t} belongs to the conversation, by its own column or any link table:
     * one id list, each part read by index (an {@code or} across them would scan every file).
     */
    private String belongsTo(PhysicalTable table, String conversation) {
        return belongsTo(routing, table, conversation);
    }

    static String belongsTo(Routing routing, PhysicalTable table, String conversation) {
        List<String> ways = new ArrayList<>();
        ways.add("select f.id from " + table.sql() + " f where f.conversation_id = " + conversation);
        routing.fileLinks().forEach(link -> ways.add(
                "select l.file_id from " + link.sql() + " l where l.conversation_id = " + conversation));
        return "t.id in (" + String.join(" union all ", ways) + ")";
    }

    static String columns(PhysicalTable table) {
        return """
                t.id, t.filename, t.mime_type, t.size_bytes, t.sha256, t.created_at, t.expires_at, \
                (t.expires_at is not null and t.expires_at <= now()) as expired""";
    }

    private static StoredFile file(Readable row) {
        return new StoredFile(
                Rows.uuid(row, "id"),
                Rows.text(row, "filename"),
                Rows.text(row, "mime_type"),
                Rows.bigint(row, "size_bytes"),
                Rows.text(row, "sha256"),
                Rows.timestamp(row, "created_at"),
                Rows.timestamp(row, "expires_at"),
                Boolean.TRUE.equals(row.get("expired", Boolean.class)));
    }
}
