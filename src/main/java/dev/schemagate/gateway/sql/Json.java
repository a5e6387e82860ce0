package dev.schemagate.gateway.sql;

import java.util.Map;

import dev.schemagate.gateway.errors.BadRequestException;
import tools.jackson.databind.json.JsonMapper;

/** JSON values of inputs, checked and written as text for a {@code cast(... as jsonb)}. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** A metadata object as JSON text; absent is an empty object, anything but an object is a bad request. */
    static String object(String argument, Object value) {
        if (value == null) {
            return "{}";
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new BadRequestException(argument + " must be a JSON object");
        }
        if (!finite(value)) {
            throw new BadRequestException(argument + " must not hold numbers JSON cannot represent (NaN, Infinity)");
        }
        return MAPPER.writeValueAsString(value);
    }

    private static boolean finite(Object value) {
        if (value instanceof Double number) {
            return Double.isFinite(number);
        }
        if (value instanceof Float number) {
            return Float.isFinite(number);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().allMatch(Json::finite);
        }
        if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                if (!finite(item)) {
                    return false;
                }
            }
        }
        return true;
    }
}
