package dev.schemagate.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.schemagate.gateway.routing.CatalogReader.CatalogTable;
import dev.schemagate.gateway.routing.CatalogReader.ForbiddenDependency;
import dev.schemagate.gateway.routing.RoutingProperties.ConversationRoute;
import dev.schemagate.gateway.routing.RoutingProperties.FileRoute;
import dev.schemagate.gateway.routing.RoutingProperties.MemoryRoute;
import dev.schemagate.gateway.routing.RoutingProperties.MessageRoute;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Checks {@link RoutingProperties} against the database catalog and produces the {@link Routing}
 * the SQL layer builds on. Every problem found is reported at once, so one failed start-up
 * names everything there is to fix.
 */
public class RoutingValidator {

    /** One routed table and the use the routing puts it to. */
    private record Use(TableRole role, String relation, TableName table) {
        String describe() {
            return role.field() + " " + relation + " " + table;
        }
    }

    private final CatalogReader catalog;

    public RoutingValidator(DatabaseClient db) {
        this.catalog = new CatalogReader(db);
    }

    public Mono<Routing> validate(RoutingProperties properties) {
        List<String> problems = new ArrayList<>();
        List<Use> uses = uses(properties, problems);
        for (Use use : uses) {
            if (ForbiddenTables.contains(use.table())) {
                problems.add(use.describe() + ": " + use.table() + " holds credentials and is never routed");
            }
        }
        if (!problems.isEmpty()) {
            return Mono.error(new RoutingMismatchException(problems));
        }
        Set<TableName> names = new LinkedHashSet<>();
        uses.forEach(u -> names.add(u.table()));
        return Mono.zip(catalog.tables(names), catalog.forbiddenDependencies(names))
                .map(found -> check(properties, uses, found.getT1(), found.getT2()));
    }

    private Routing check(RoutingProperties properties, List<Use> uses, Map<TableName, CatalogTable> tables,
            List<ForbiddenDependency> dependencies) {
        List<String> problems = new ArrayList<>();
        for (ForbiddenDependency dependency : dependencies) {
            problems.add(dependency.routed() + " reads " + dependency.forbidden()
                    + ", which holds credentials and is never routed");
        }
        uses.forEach(use -> checkColumns(use, tables.get(use.table()), problems));
        if (!problems.isEmpty()) {
            throw new RoutingMismatchException(problems);
        }
        Map<TableName, PhysicalTable> physical = new LinkedHashMap<>();
        tables.forEach((name, table) -> physical.put(name, new PhysicalTable(name, table.columnTypes(), table.enumLabels())));
        return build(properties, physical);
    }

    private static void checkColumns(Use use, CatalogTable table, List<String> problems) {
        if (table == null) {
            problems.add(use.describe() + ": no such table or view");
            return;
        }
        if (!table.readable()) {
            problems.add(use.describe() + ": the gateway's database role may not select from it");
        }
        use.role().required().forEach((column, type) -> {
            String actual = table.columnTypes().get(column);
            if (actual == null) {
                problems.add(use.describe() + ": column " + column + " is missing");
            }
            else if (!type.accepts(actual)) {
                problems.add(use.describe() + ": column " + column + " is " + actual + ", expected " + type.expected());
            }
        });
        use.role().optional().forEach((column, type) -> {
            String actual = table.columnTypes().get(column);
            if (actual != null && !type.accepts(actual)) {
                problems.add(use.describe() + ": column " + column + " is " + actual + ", expected " + type.expected());
            }
        });
    }

    private static List<Use> uses(RoutingProperties properties, List<String> problems) {
        List<Use> uses = new ArrayList<>();
        ConversationRoute conversation = properties.conversation();
        MessageRoute message = properties.message();
        FileRoute file = properties.file();
        MemoryRoute memory = properties.memory();
        if (conversation == null || message == null || file == null || memory == null) {
            problems.add("gateway.routing needs conversation, message, file and memory routes");
            return uses;
        }
        reads(TableRole.CONVERSATION, conversation.reads(), conversation.writes(), uses, problems);
        single(TableRole.CONVERSATION_AI_STATE, "reads", conversation.aiState(), uses, problems);
        reads(TableRole.MESSAGE, message.reads(), message.writes(), uses, problems);
        reads(TableRole.FILE, file.reads(), null, uses, problems);
        if (file.links() != null) {
            file.links().forEach(link -> uses.add(new Use(TableRole.FILE_LINK, "links through", link)));
        }
        single(TableRole.FILE_UPLOAD, "reads", file.uploads(), uses, problems);
        reads(TableRole.MEMORY, memory.reads(), memory.writes(), uses, problems);
        return uses;
    }

    private static void reads(TableRole role, List<TableName> reads, TableName writes, List<Use> uses,
            List<String> problems) {
        if (reads == null || reads.isEmpty()) {
            problems.add(role.field() + " reads no table: set at least one");
            return;
        }
        if (new LinkedHashSet<>(reads).size() != reads.size()) {
            problems.add(role.field() + " reads the same table twice: " + reads);
        }
        reads.forEach(table -> uses.add(new Use(role, "reads", table)));
        if (writes != null && !reads.contains(writes)) {
            problems.add(role.field() + " writes " + writes + ", which is not among the tables it reads " + reads);
        }
    }

    private static void single(TableRole role, String relation, TableName table, List<Use> uses, List<String> problems) {
        if (table == null) {
            problems.add(role.field() + " " + relation + " no table: set one");
            return;
        }
        uses.add(new Use(role, relation, table));
    }

    private static Routing build(RoutingProperties properties, Map<TableName, PhysicalTable> tables) {
        ConversationRoute conversation = properties.conversation();
        MessageRoute message = properties.message();
        FileRoute file = properties.file();
        MemoryRoute memory = properties.memory();
        return new Routing(
                all(conversation.reads(), tables),
                one(conversation.writes(), tables),
                one(conversation.aiState(), tables),
                all(message.reads(), tables),
                one(message.writes(), tables),
                all(file.reads(), tables),
                file.links() == null ? List.of() : all(file.links(), tables),
                one(file.uploads(), tables),
                all(memory.reads(), tables),
                one(memory.writes(), tables));
    }

    private static List<PhysicalTable> all(List<TableName> names, Map<TableName, PhysicalTable> tables) {
        return names.stream().map(tables::get).toList();
    }

    private static PhysicalTable one(TableName name, Map<TableName, PhysicalTable> tables) {
        return name == null ? null : tables.get(name);
    }
}
