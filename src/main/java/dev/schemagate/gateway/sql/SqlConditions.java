package dev.schemagate.gateway.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.schemagate.gateway.routing.PhysicalTable;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Where conditions and the values bound to their named parameters. Conditions are fixed SQL
 * fragments chosen by which filters are present; values are only ever bound.
 */
final class SqlConditions {

    private final List<Function<PhysicalTable, String>> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    SqlConditions add(String condition) {
        conditions.add(table -> condition);
        return this;
    }

    SqlConditions add(String condition, String name, Object value) {
        conditions.add(table -> condition);
        values.put(name, value);
        return this;
    }

    /** A condition that depends on the routed table it applies to. */
    SqlConditions add(Function<PhysicalTable, String> condition, String name, Object value) {
        conditions.add(condition);
        values.put(name, value);
        return this;
    }

    /** A condition on a column some routed tables lack: no row of those tables matches it. */
    SqlConditions addOnColumn(String column, String condition, String name, Object value) {
        conditions.add(table -> table.has(column) ? condition : "false");
        values.put(name, value);
        return this;
    }

    SqlConditions bind(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** The keyset bounds of a page: rows strictly between its cursors, in its order. */
    SqlConditions keyset(dev.schemagate.gateway.paging.PageRequest page) {
        if (page.after() != null) {
            add(page.order().after("t", ":afterKey", ":afterId"))
                    .bind("afterKey", page.order().bindValue(page.after()))
                    .bind("afterId", page.after().id());
        }
        if (page.before() != null) {
            add(page.order().before("t", ":beforeKey", ":beforeId"))
                    .bind("beforeKey", page.order().bindValue(page.before()))
                    .bind("beforeId", page.before().id());
        }
        return this;
    }

    /** The conditions for one branch of a union, over the alias {@code t}. */
    String sql(PhysicalTable table) {
        if (conditions.isEmpty()) {
            return "true";
        }
        return String.join(" and ", conditions.stream().map(condition -> condition.apply(table)).toList());
    }

    /**
     * The same conditions with each parameter renamed {@code prefix + name}, so several sets can
     * share one statement; the renamed values are put into {@code binds}.
     */
    Function<PhysicalTable, String> prefixed(String prefix, Map<String, Object> binds) {
        Map<Pattern, String> renames = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            renames.put(Pattern.compile(":" + Pattern.quote(name) + "\\b"), Matcher.quoteReplacement(":" + prefix + name));
            binds.put(prefix + name, value);
        });
        return table -> {
            String sql = sql(table);
            for (Map.Entry<Pattern, String> rename : renames.entrySet()) {
                sql = rename.getKey().matcher(sql).replaceAll(rename.getValue());
            }
            return sql;
        };
    }

    GenericExecuteSpec bindTo(GenericExecuteSpec spec) {
        GenericExecuteSpec bound = spec;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            bound = bound.bind(value.getKey(), value.getValue());
        }
        return bound;
    }
}
