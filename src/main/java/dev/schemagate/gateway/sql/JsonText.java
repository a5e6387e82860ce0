package dev.schemagate.gateway.sql;

/**
 * SQL expressions that print values exactly as the GraphQL scalars and cursors of the
 * resolvers print them, for statements that build JSON in PostgreSQL.
 */
final class JsonText {

    /** ISO 8601 basic format: no colons, so the statements replay through pgbench unchanged. */
    private static final String EARLIEST = "timestamptz '00010101T000000Z'";
    private static final String LATEST = "timestamptz '99991231T235959.999999Z'";

    private JsonText() {
    }

    /** A SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** RFC 3339 in UTC with a fraction only where there is one, clamped like {@link Rows#timestamp}. */
    static String timestamp(String column) {
        return "(rtrim(rtrim(to_char(" + clamped(column) + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24\":\"MI\":\"SS.US'), '0'), '.') || 'Z')";
    }

    /** A GraphQL {@code Float}: whole numbers keep a {@code .0}, as graphql-java prints a double. */
    static String floating(String column) {
        return "(case when " + column + " = trunc(" + column + ") and abs(" + column + ") < 1e15 then (" + column
                + "::numeric::text || '.0')::json else to_json(" + column + ") end)";
    }

    /** Microseconds since the epoch, the key of a timestamp cursor. */
    static String epochMicros(String column) {
        return "(extract(epoch from " + clamped(column) + ") * 1000000)::bigint::text";
    }

    /** The opaque cursor text: base64url, without padding, of {@code ordering|id|key}. */
    static String cursor(String ordering, String id, String key) {
        return "rtrim(translate(encode(convert_to(" + literal(ordering + "|") + " || " + id + "::text || '|' || " + key
                + ", 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')";
    }

    private static String clamped(String column) {
        return "(case when " + column + " < " + EARLIEST + " then " + EARLIEST + " when " + column + " > " + LATEST
                + " then " + LATEST + " else " + column + " end)";
    }
}
