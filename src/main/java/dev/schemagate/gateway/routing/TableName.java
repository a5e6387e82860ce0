package dev.schemagate.gateway.routing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A schema-qualified table name such as {@code chat.conversations}.
 * Only plain lower-case identifiers are accepted, so a name can be quoted into SQL safely.
 */
public record TableName(String schema, String table) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public TableName {
        if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("'" + schema + "' is not a plain lower-case schema name");
        }
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("'" + table + "' is not a plain lower-case table name");
        }
    }

    /** Parses {@code schema.table}; the schema is required so that no search_path decides. */
    public static TableName parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int dot = trimmed.indexOf('.');
        if (dot < 0 || dot != trimmed.lastIndexOf('.')) {
            throw new IllegalArgumentException("'" + text + "' must be a schema-qualified table name such as chat.conversations");
        }
        return new TableName(trimmed.substring(0, dot), trimmed.substring(dot + 1));
    }

    /** The name quoted for SQL: {@code "chat"."conversations"}. */
    public String sql() {
        return '"' + schema + "\".\"" + table + '"';
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
