package dev.schemagate.gateway.routing;

import java.util.Set;

/** Tables that hold credentials: never routed, whatever the configuration says. */
public final class ForbiddenTables {

    public static final Set<TableName> TABLES = Set.of(
            new TableName("public", "secrets"),
            new TableName("public", "jwt_tokens"));

    private ForbiddenTables() {
    }

    public static boolean contains(TableName name) {
        return TABLES.contains(name);
    }
}
