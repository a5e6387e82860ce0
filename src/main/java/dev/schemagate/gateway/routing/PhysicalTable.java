package dev.schemagate.gateway.routing;

import java.util.Map;

/**
 * A routed table as the catalog describes it: its columns and their type names
 * ({@code pg_type.typname}, e.g. {@code uuid}, {@code _float4}, {@code vector}).
 */
public record PhysicalTable(TableName name, Map<String, String> columnTypes) {

    public PhysicalTable {
        columnTypes = Map.copyOf(columnTypes);
    }

    public boolean has(String column) {
        return columnTypes.containsKey(column);
    }

    public String sql() {
        return name.sql();
    }

    @Override
    public String toString() {
        return name.toString();
    }
}
