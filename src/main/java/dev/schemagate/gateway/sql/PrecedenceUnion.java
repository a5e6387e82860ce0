package dev.schemagate.gateway.sql;

import java.util.List;
import java.util.function.Function;

import dev.schemagate.gateway.routing.PhysicalTable;

/**
 * The union of the routed tables of one type in precedence order: a row of a later table is
 * left out when an earlier table holds the same id, so each id appears once and the first
 * table wins all of its fields. Each branch gets its own filter, so filters are applied to
 * the row that wins and every branch can use its table's indexes.
 */
final class PrecedenceUnion {

    private PrecedenceUnion() {
    }

    /**
     * @param tables  the routed tables, highest precedence first
     * @param columns the select list of one branch, over the alias {@code t}
     * @param filter  the where condition of one branch, over the alias {@code t}
     */
    static String of(List<PhysicalTable> tables, Function<PhysicalTable, String> columns,
            Function<PhysicalTable, String> filter) {
        return of(tables, columns, filter, null);
    }

    /**
     * The same union, each branch cut to its own first rows: the first N rows of a union are
     * among the first N of each branch, and each branch can read them off its index in order.
     *
     * @param topN an {@code order by ... limit ...} over the alias {@code t}, or null
     */
    static String of(List<PhysicalTable> tables, Function<PhysicalTable, String> columns,
            Function<PhysicalTable, String> filter, String topN) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            PhysicalTable table = tables.get(i);
            if (i > 0) {
                sql.append("\nunion all\n");
            }
            sql.append(topN == null ? "" : "(").append("select ").append(columns.apply(table))
                    .append(" from ").append(table.sql()).append(" t where ").append(filter.apply(table));
            for (PhysicalTable earlier : tables.subList(0, i)) {
                sql.append(" and not exists (select 1 from ").append(earlier.sql()).append(" p where p.id = t.id)");
            }
            if (topN != null) {
                sql.append(" ").append(topN).append(")");
            }
        }
        return sql.toString();
    }
}
