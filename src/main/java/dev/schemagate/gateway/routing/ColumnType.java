package dev.schemagate.gateway.routing;

import java.util.Set;

/** The catalog types the gateway accepts for a logical column. */
enum ColumnType {
    UUID("uuid"),
    TEXT("text", "varchar", "bpchar"),
    JSON("jsonb", "json"),
    TIMESTAMPTZ("timestamptz"),
    INTEGER("int2", "int4", "int8"),
    REAL("float4", "float8", "numeric"),
    ROLE("text", "varchar"),
    EMBEDDING("vector", "_float4", "_float8");

    private final Set<String> typeNames;

    ColumnType(String... typeNames) {
        this.typeNames = Set.of(typeNames);
    }

    boolean accepts(String catalogType) {
        if (this == ROLE && catalogType.startsWith("enum:")) {
            return true;
        }
        return typeNames.contains(catalogType);
    }

    String expected() {
        if (this == ROLE) {
            return "an enum or text";
        }
        return String.join(" or ", typeNames);
    }
}
