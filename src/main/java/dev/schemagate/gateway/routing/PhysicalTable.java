package dev.schemagate.gateway.routing;

import java.util.List;
import java.util.Map;

/**
 * A routed table as the catalog describes it: its columns and their type names
 * ({@code pg_type.typname}, e.g. {@code uuid}, {@code _float4}, {@code vector}; enums as
 * {@code enum:schema.name}) and the labels of its enum columns.
 */
public record PhysicalTable(TableName name, Map<String, String> columnTypes, Map<String, List<String>> enumLabels) {

    public PhysicalTable {
        columnTypes = Map.copyOf(columnTypes);
        enumLabels = enumLabels == null ? Map.of() : Map.copyOf(enumLabels);
    }

    public PhysicalTable(TableName name, Map<String, String> columnTypes) {
        this(name, columnTypes, Map.of());
    }

    public boolean has(String column) {
        return columnTypes.containsKey(column);
    }

    /** Whether {@code value} can be stored in the column: any value for text, a label for an enum. */
    public boolean accepts(String column, String value) {
        List<String> labels = enumLabels.get(column);
        return labels == null || labels.contains(value);
    }

    /** A cast of a bound text parameter to the column's type, e.g. {@code cast(:role as "chat"."message_role")}. */
    public String castTo(String column, String parameter) {
        String type = columnTypes.get(column);
        if (type == null || !type.startsWith("enum:")) {
            return parameter;
        }
        String[] parts = type.substring("enum:".length()).split("\\.", 2);
        return "cast(" + parameter + " as \"" + parts[0].replace("\"", "\"\"") + "\".\"" + parts[1].replace("\"", "\"\"") + "\")";
    }

    public String sql() {
        return name.sql();
    }

    @Override
    public String toString() {
        return name.toString();
    }
}
