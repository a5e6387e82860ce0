package dev.schemagate.gateway.sql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import tools.jackson.databind.json.JsonMapper;

/** Reads typed values out of r2dbc rows. */
final class Rows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Rows() {
    }

    static UUID uuid(Readable row, String column) {
        return row.get(column, UUID.class);
    }

    static String text(Readable row, String column) {
        return row.get(column, String.class);
    }

    static OffsetDateTime timestamp(Readable row, String column) {
        return row.get(column, OffsetDateTime.class);
    }

    static Long bigint(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? null : value.longValue();
    }

    static int integer(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.intValue();
    }

    /** A real or double; a real keeps the digits PostgreSQL prints for it (0.3, not 0.30000001192092896). */
    static double real(Readable row, String column) {
        Number value = row.get(column, Number.class);
        if (value == null) {
            return 0;
        }
        return value instanceof Float single ? Double.parseDouble(single.toString()) : value.doubleValue();
    }

    /** A jsonb value as maps, lists and scalars, so GraphQL serves it as JSON rather than a string. */
    static Object json(Readable row, String column) {
        Json value = row.get(column, Json.class);
        return value == null ? null : JSON.readValue(value.asString(), Object.class);
    }

    static List<Double> floats(Readable row, String column) {
        Float[] values = row.get(column, Float[].class);
        if (values == null) {
            return null;
        }
        List<Double> list = new ArrayList<>(values.length);
        for (Float value : values) {
            list.add(value == null ? null : Double.parseDouble(value.toString()));
        }
        return list;
    }

    /** Binds a collection of uuids as a text array; SQL casts it with {@code cast(:x as uuid[])}. */
    static String[] uuids(java.util.Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
