package dev.schemagate.gateway.sql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import tools.jackson.databind.json.JsonMapper;

/** Reads typed values out of r2dbc rows. */
final class Rows {

    private static final JsonMapper JSON = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                    .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder().maxNestingDepth(10_000).build())
                    .build())
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Rows() {
    }

    static UUID uuid(Readable row, String column) {
        return row.get(column, UUID.class);
    }

    static String text(Readable row, String column) {
        return row.get(column, String.class);
    }

    /** Earliest and latest instants served; PostgreSQL's -infinity and infinity are clamped to them. */
    static final OffsetDateTime EARLIEST = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC);

    static OffsetDateTime timestamp(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        if (value == null) {
            return null;
        }
        if (value.isBefore(EARLIEST)) {
            return EARLIEST;
        }
        return value.isAfter(LATEST) ? LATEST : value;
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
        double real = value instanceof Float single ? Double.parseDouble(single.toString()) : value.doubleValue();
        return Double.isFinite(real) ? real : 0;
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
            list.add(value == null || !Float.isFinite(value) ? null : Double.parseDouble(value.toString()));
        }
        return list;
    }

    /** Binds a collection of uuids as a text array; SQL casts it with {@code cast(:x as uuid[])}. */
    static String[] uuids(java.util.Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
