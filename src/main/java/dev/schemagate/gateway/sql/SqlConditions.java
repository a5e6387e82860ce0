package dev.schemagate.gateway.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Where conditions and the values bound to their named parameters. Conditions are fixed SQL
 * fragments chosen by which filters are present; values are only ever bound.
 */
final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    SqlConditions add(String condition) {
        conditions.add(condition);
        return this;
    }

    SqlConditions add(String condition, String name, Object value) {
        conditions.add(condition);
        values.put(name, value);
        return this;
    }

    SqlConditions bind(String name, Object value) {
        values.put(name, value);
        return this;
    }

    String sql() {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    GenericExecuteSpec bindTo(GenericExecuteSpec spec) {
        GenericExecuteSpec bound = spec;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            bound = bound.bind(value.getKey(), value.getValue());
        }
        return bound;
    }
}
