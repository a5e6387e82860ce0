package dev.schemagate.gateway.sql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.schemagate.gateway.errors.BadRequestException;
import dev.schemagate.gateway.model.Ids;
import dev.schemagate.gateway.model.Role;
import dev.schemagate.gateway.paging.PageRequest;
import dev.schemagate.gateway.paging.Paging;
import dev.schemagate.gateway.paging.SortOrder;
import dev.schemagate.gateway.routing.PhysicalTable;
import dev.schemagate.gateway.routing.Routing;
import graphql.normalized.ExecutableNormalizedField;
import org.springframework.stereotype.Component;

/**
 * Compiles a whole query into one SQL statement that builds the response's {@code data} as
 * JSON in PostgreSQL, the way PostGraphile and Hasura do: nested fields become correlated
 * subqueries over the same precedence unions the stores read, so the result is the same and
 * the gateway only passes text through.
 * <p>
 * It declines (an empty result) whenever a selection needs something it does not compile: an
 * abstract type, a field listed nowhere below, more than 50 keys in one object, or an argument
 * the resolvers would refuse. The resolvers then run the query with their DataLoaders, and
 * give the same answer or the same error.
 */
@Component
public class JsonCompiler {

    private static final int MAX_KEYS = 50;

    private final Routing routing;
    private final Paging paging;

    public JsonCompiler(Routing routing, Paging paging) {
        this.routing = routing;
        this.paging = paging;
    }

    /** The statement for the root fields of a query, or empty where it declines. */
    public Optional<JsonStatement> compile(List<ExecutableNormalizedField> roots) {
        try {
            Build build = new Build();
            String sql = "select " + build.object(roots, build::root) + " as data";
            return Optional.of(new JsonStatement(sql, build.bindsUsedIn(sql)));
        }
        catch (Declined | BadRequestException ex) {
            return Optional.empty();
        }
    }

    /** Thrown inside a compilation that cannot continue; cheap, as it is control flow. */
    private static final class Declined extends RuntimeException {

        Declined() {
            super(null, null, false, false);
        }
    }

    /** The state of one compilation: bound values and the aliases handed out. */
    private final class Build {

        private final Map<String, Object> binds = new LinkedHashMap<>();
        private int names;

        /** Values of selections that were not asked for (a page size without nodes, say) are left out. */
        private Map<String, Object> bindsUsedIn(String sql) {
            Map<String, Object> used = new LinkedHashMap<>();
            binds.forEach((name, value) -> {
                if (mentions(sql, ":" + name)) {
                    used.put(name, value);
                }
            });
            return used;
        }

        private String bind(Object value) {
            String name = "p" + (++names);
            binds.put(name, value);
            return ":" + name;
        }

        private String alias() {
            return "a" + (++names);
        }

        private String prefix() {
            return "q" + (++names) + "_";
        }

        private String object(List<ExecutableNormalizedField> fields, Function<ExecutableNormalizedField, String> value) {
            if (fields.size() > MAX_KEYS) {
                throw new Declined();
            }
            List<String> pairs = new ArrayList<>();
            for (ExecutableNormalizedField field : fields) {
                if (field.getObjectTypeNames().size() != 1) {
                    throw new Declined();
                }
                pairs.add(JsonText.literal(field.getResultKey()) + ", " + value.apply(field));
            }
            return "json_build_object(" + String.join(", ", pairs) + ")";
        }

        private String root(ExecutableNormalizedField field) {
            Map<String, Object> args = field.getResolvedArguments();
            return switch (field.getFieldName()) {
                case "conversation" -> single(routing.conversations(), ConversationStore::columns, id(args.get("id")),
                        a -> object(field.getChildren(), f -> conversation(a, f)));
                case "message" -> single(routing.messages(), MessageStore::columns, id(args.get("id")),
                        a -> object(field.getChildren(), f -> message(a, f)));
                case "conversations" -> conversations(field);
                case "file" -> single(routing.files(), FileStore::columns, id(args.get("id")),
                        a -> object(field.getChildren(), f -> file(a, f)));
                case "memory" -> single(routing.memories(), MemoryStore::columns, id(args.get("id")),
                        a -> object(field.getChildren(), f -> memory(a, f)));
                case "files" -> filesPage(field);
                case "memories" -> memoriesPage(field);
                case "__typename" -> JsonText.literal("Query");
                default -> throw new Declined();
            };
        }

        private String single(List<PhysicalTable> tables, Function<PhysicalTable, String> columns, UUID id,
                Function<String, String> object) {
            return byIdColumn(tables, columns, bind(id), object);
        }

        /** The row of the given id (a bound value or a column of the row around it), as an object; null where none. */
        private String byIdColumn(List<PhysicalTable> tables, Function<PhysicalTable, String> columns, String idColumn,
                Function<String, String> object) {
            String a = alias();
            return "(select " + object.apply(a) + " from (" + PrecedenceUnion.of(tables, columns, t -> "t.id = " + idColumn)
                    + ") " + a + ")";
        }

        private String conversations(ExecutableNormalizedField field) {
            Map<String, Object> args = field.getResolvedArguments();
            SortOrder order = conversationOrder(args.get("orderBy"));
            PageRequest page = pageRequest(args, order);
            SqlConditions where = ConversationStore.conditions(criteria(args.get("filter")));
            Function<PhysicalTable, String> filter = where.prefixed(prefix(), binds);
            return connection(field, new Source(routing.conversations(), ConversationStore::columns, filter), page,
                    "Conversation", (a, f) -> conversation(a, f));
        }

        private String filesPage(ExecutableNormalizedField field) {
            Map<String, Object> args = field.getResolvedArguments();
            Map<?, ?> filter = map(args.get("filter"));
            FileCriteria criteria = new FileCriteria(Ids.parse("filter.conversationId", text(filter.get("conversationId"))),
                    Boolean.TRUE.equals(filter.get("includeExpired")));
            Function<PhysicalTable, String> where = FileStore.conditions(routing, criteria).prefixed(prefix(), binds);
            return connection(field, new Source(routing.files(), FileStore::columns, where), pageRequest(args, FileStore.ORDER),
                    "File", (a, f) -> file(a, f));
        }

        private String memoriesPage(ExecutableNormalizedField field) {
            Map<String, Object> args = field.getResolvedArguments();
            Map<?, ?> filter = map(args.get("filter"));
            MemoryCriteria criteria = new MemoryCriteria(Ids.parse("filter.conversationId", text(filter.get("conversationId"))),
                    text(filter.get("userId")), text(filter.get("kind")));
            Function<PhysicalTable, String> where = MemoryStore.conditions(criteria).prefixed(prefix(), binds);
            return connection(field, new Source(routing.memories(), MemoryStore::columns, where),
                    pageRequest(args, MemoryStore.ORDER), "Memory", (a, f) -> memory(a, f));
        }

        private String conversation(String a, ExecutableNormalizedField field) {
            return switch (field.getFieldName()) {
                case "id" -> a + ".id";
                case "continuationId" -> a + ".continuation_id";
                case "title" -> a + ".title";
                case "metadata" -> a + ".metadata";
                case "sessionId" -> a + ".session_id";
                case "createdAt" -> JsonText.timestamp(a + ".created_at");
                case "updatedAt" -> JsonText.timestamp(a + ".updated_at");
                case "model" -> aiState(a, "s.model");
                case "summary" -> aiState(a, "s.summary");
                case "tokenCount" -> "coalesce(" + aiState(a, "s.token_count") + ", 0)";
                case "messages" -> messages(a, field);
                case "messageCount" -> count(new Source(routing.messages(), t -> "t.id",
                        t -> "t.conversation_id = " + a + ".id"));
                case "files" -> files(a, field);
                case "memories" -> memories(a, field);
                case "__typename" -> JsonText.literal("Conversation");
                default -> throw new Declined();
            };
        }

        private String aiState(String a, String column) {
            return "(select " + column + " from " + routing.conversationAiState().sql() + " s where s.id = " + a + ".id)";
        }

        private String messages(String parent, ExecutableNormalizedField field) {
            Map<String, Object> args = field.getResolvedArguments();
            SortOrder order = MessageStore.order(!"DESC".equals(direction(args.get("orderBy"))));
            PageRequest page = pageRequest(args, order);
            SqlConditions where = new SqlConditions().add("t.conversation_id = " + parent + ".id");
            if (args.get("role") != null) {
                where.add("t.role::text = :role", "role", role(args.get("role")));
            }
            Function<PhysicalTable, String> filter = where.prefixed(prefix(), binds);
            return connection(field, new Source(routing.messages(), MessageStore::columns, filter), page, "Message",
                    (a, f) -> message(a, f));
        }

        private String message(String a, ExecutableNormalizedField field) {
            return switch (field.getFieldName()) {
                case "id" -> a + ".id";
                case "role" -> "upper(" + a + ".role)";
                case "content" -> a + ".content";
                case "metadata" -> a + ".metadata";
                case "createdAt" -> JsonText.timestamp(a + ".created_at");
                case "idempotencyKey" -> a + ".idempotency_key";
                case "conversation" -> required(a + ".conversation_id", byIdColumn(routing.conversations(),
                        ConversationStore::columns, a + ".conversation_id", c -> object(field.getChildren(), f -> conversation(c, f))));
                case "__typename" -> JsonText.literal("Message");
                default -> throw new Declined();
            };
        }

        /**
         * A non-null field whose row no routed table holds makes the statement fail (a division
         * by zero, evaluated only then), so the resolvers run the query and report the field.
         */
        private String required(String key, String value) {
            return "coalesce(" + value + ", json_build_object('missing', 1 / (length(" + key + "::text) * 0)))";
        }

        private String files(String parent, ExecutableNormalizedField field) {
            boolean includeExpired = Boolean.TRUE.equals(field.getResolvedArguments().get("includeExpired"));
            String a = alias();
            String union = PrecedenceUnion.of(routing.files(), FileStore::columns,
                    t -> FileStore.belongsTo(routing, t, parent + ".id") + (includeExpired ? "" : " and " + FileStore.NOT_EXPIRED));
            return "(select coalesce(json_agg(" + object(field.getChildren(), f -> file(a, f)) + " order by " + a
                    + ".created_at desc, " + a + ".id), '[]'::json) from (" + union + ") " + a + ")";
        }

        private String file(String a, ExecutableNormalizedField field) {
            return switch (field.getFieldName()) {
                case "id" -> a + ".id";
                case "filename" -> a + ".filename";
                case "mimeType" -> a + ".mime_type";
                case "sizeBytes" -> a + ".size_bytes";
                case "sha256" -> a + ".sha256";
                case "createdAt" -> JsonText.timestamp(a + ".created_at");
                case "expiresAt" -> JsonText.timestamp(a + ".expires_at");
                case "expired" -> a + ".expired";
                case "__typename" -> JsonText.literal("File");
                default -> throw new Declined();
            };
        }

        private String memories(String parent, ExecutableNormalizedField field) {
            String limit = bind(paging.size("first", (Integer) field.getResolvedArguments().get("first")));
            String a = alias();
            String union = PrecedenceUnion.of(routing.memories(), MemoryStore::columns,
                    t -> "t.conversation_id = " + parent + ".id", "order by t.created_at desc, t.id limit " + limit);
            return "(select coalesce(json_agg(" + object(field.getChildren(), f -> memory(a, f)) + " order by " + a
                    + ".created_at desc, " + a + ".id), '[]'::json) from (select * from (" + union
                    + ") u order by u.created_at desc, u.id limit " + limit + ") " + a + ")";
        }

        private String memory(String a, ExecutableNormalizedField field) {
            return switch (field.getFieldName()) {
                case "id" -> a + ".id";
                case "userId" -> a + ".user_id";
                case "kind" -> a + ".kind";
                case "content" -> a + ".content";
                case "importance" -> JsonText.floating(a + ".importance");
                case "metadata" -> a + ".metadata";
                case "createdAt" -> JsonText.timestamp(a + ".created_at");
                case "lastAccessedAt" -> JsonText.timestamp(a + ".last_accessed_at");
                case "conversation" -> byIdColumn(routing.conversations(), ConversationStore::columns, a + ".conversation_id",
                        c -> object(field.getChildren(), f -> conversation(c, f)));
                case "__typename" -> JsonText.literal("Memory");
                default -> throw new Declined();
            };
        }

        /**
         * A Relay connection over a source: one page read by keyset with a look-ahead row, each
         * branch of the union cut to its own first rows, aggregated in one row. {@code rn} numbers
         * the rows in reading order; a page read from the end is put back in order by it.
         */
        private String connection(ExecutableNormalizedField field, Source source, PageRequest page, String nodeType,
                NodeObject node) {
            String a = alias();
            SqlConditions keyset = new SqlConditions().keyset(page);
            Function<PhysicalTable, String> bounds = keyset.prefixed(prefix(), binds);
            String limit = bind(page.size() + 1);
            String size = bind(page.size());
            SortOrder order = page.order();
            String union = PrecedenceUnion.of(source.tables(), source.columns(),
                    t -> source.filter().apply(t) + " and " + bounds.apply(t),
                    "order by " + order.orderBy("t", page.backward()) + " limit " + limit);
            String rows = "select u.*, row_number() over (order by " + order.orderBy("u", page.backward()) + ") as rn from ("
                    + union + ") u order by " + order.orderBy("u", page.backward()) + " limit " + limit;
            PageRows p = new PageRows(a, size, page, order, nodeType);
            String value = object(field.getChildren(), f -> connectionField(f, p, source, node));
            return "(select " + value + " from (" + rows + ") " + a + " having true)";
        }

        private String connectionField(ExecutableNormalizedField field, PageRows p, Source source, NodeObject node) {
            return switch (field.getFieldName()) {
                case "nodes" -> p.aggregate(object(field.getChildren(), f -> node.value(p.alias(), f)));
                case "edges" -> p.aggregate(object(field.getChildren(), f -> edge(f, p, node)));
                case "pageInfo" -> object(field.getChildren(), f -> pageInfo(f, p));
                case "totalCount" -> count(source);
                case "__typename" -> JsonText.literal(p.nodeType() + "Connection");
                default -> throw new Declined();
            };
        }

        private String edge(ExecutableNormalizedField field, PageRows p, NodeObject node) {
            return switch (field.getFieldName()) {
                case "cursor" -> p.cursor();
                case "node" -> object(field.getChildren(), f -> node.value(p.alias(), f));
                case "__typename" -> JsonText.literal(p.nodeType() + "Edge");
                default -> throw new Declined();
            };
        }

        private String pageInfo(ExecutableNormalizedField field, PageRows p) {
            boolean backward = p.request().backward();
            String more = "(count(*) > " + p.size() + ")";
            return switch (field.getFieldName()) {
                case "hasNextPage" -> backward ? String.valueOf(p.request().before() != null) : more;
                case "hasPreviousPage" -> backward ? more : String.valueOf(p.request().after() != null);
                case "startCursor" -> p.edgeCursor(!backward);
                case "endCursor" -> p.edgeCursor(backward);
                case "__typename" -> JsonText.literal("PageInfo");
                default -> throw new Declined();
            };
        }

        private String count(Source source) {
            return "(select count(*) from (" + PrecedenceUnion.of(source.tables(), t -> "t.id", source.filter()) + ") c)";
        }

        private PageRequest pageRequest(Map<String, Object> args, SortOrder order) {
            return paging.request((Integer) args.get("first"), (String) args.get("after"), (Integer) args.get("last"),
                    (String) args.get("before"), order);
        }
    }

    /** The rows a connection pages over: routed tables, their columns, and the filter of each branch. */
    private record Source(List<PhysicalTable> tables, Function<PhysicalTable, String> columns,
            Function<PhysicalTable, String> filter) {
    }

    /** The JSON value of one field of a node, over the alias of its row. */
    @FunctionalInterface
    private interface NodeObject {

        String value(String alias, ExecutableNormalizedField field);
    }

    /** One page of a connection, aggregated over the alias of its rows. */
    private record PageRows(String alias, String size, PageRequest request, SortOrder order, String nodeType) {

        /** The page's rows in order, without the look-ahead row. */
        String aggregate(String value) {
            return "coalesce(json_agg(" + value + " order by " + alias + ".rn " + (request.backward() ? "desc" : "asc")
                    + ") filter (where " + alias + ".rn <= " + size + "), '[]'::json)";
        }

        /** The cursor of the first row in reading order, or of the last. */
        String edgeCursor(boolean first) {
            return "(array_agg(" + cursor() + " order by " + alias + ".rn " + (first ? "asc" : "desc") + ") filter (where "
                    + alias + ".rn <= " + size + "))[1]";
        }

        String cursor() {
            String key = order.text() ? "coalesce(" + alias + "." + order.column() + ", '')"
                    : JsonText.epochMicros(alias + "." + order.column());
            return JsonText.cursor(order.name(), alias + ".id", key);
        }
    }

    /** Whether the statement names this parameter, and not one that merely starts the same. */
    private static boolean mentions(String sql, String parameter) {
        for (int at = sql.indexOf(parameter); at >= 0; at = sql.indexOf(parameter, at + 1)) {
            int end = at + parameter.length();
            if (end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end))) {
                return true;
            }
        }
        return false;
    }

    private static UUID id(Object value) {
        if (!(value instanceof String text)) {
            throw new Declined();
        }
        return Ids.parse("id", text);
    }

    private static SortOrder conversationOrder(Object orderBy) {
        if (!(orderBy instanceof Map<?, ?> order)) {
            return ConversationStore.DEFAULT_ORDER;
        }
        return ConversationStore.order(String.valueOf(order.get("field")), "ASC".equals(order.get("direction")));
    }

    private static String direction(Object orderBy) {
        return orderBy instanceof Map<?, ?> order ? String.valueOf(order.get("direction")) : "ASC";
    }

    private static String role(Object value) {
        try {
            return Role.valueOf(String.valueOf(value)).label();
        }
        catch (IllegalArgumentException ex) {
            throw new Declined();
        }
    }

    private static ConversationCriteria criteria(Object filter) {
        if (filter == null) {
            return ConversationCriteria.NONE;
        }
        if (!(filter instanceof Map<?, ?> map)) {
            throw new Declined();
        }
        return new ConversationCriteria(text(map.get("continuationId")), Ids.parse("filter.sessionId", text(map.get("sessionId"))),
                text(map.get("titleContains")), instant(map.get("updatedAfter")), instant(map.get("updatedBefore")));
    }

    private static Map<?, ?> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new Declined();
        }
        return map;
    }

    private static String text(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new Declined();
        }
        return (String) value;
    }

    private static OffsetDateTime instant(Object value) {
        if (value != null && !(value instanceof OffsetDateTime)) {
            throw new Declined();
        }
        return (OffsetDateTime) value;
    }
}
