package dev.schemagate.gateway.sql;

import java.util.List;
import java.util.function.Function;

import dev.schemagate.gateway.paging.Page;
import dev.schemagate.gateway.paging.PageRequest;
import dev.schemagate.gateway.routing.PhysicalTable;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The page and count statements every store runs over the precedence union of its tables. */
final class UnionQueries {

    private UnionQueries() {
    }

    /** One keyset page, plus a look-ahead row; each branch reads its own first rows by index. */
    static <T> Mono<Page<T>> page(DatabaseClient db, List<PhysicalTable> tables, Function<PhysicalTable, String> columns,
            SqlConditions where, PageRequest page, Function<Readable, T> mapper) {
        where.keyset(page);
        String branchTop = "order by " + page.order().orderBy("t", page.backward()) + " limit :limit";
        String sql = "select * from (" + PrecedenceUnion.of(tables, columns, where::sql, branchTop)
                + ") u order by " + page.order().orderBy("u", page.backward()) + " limit :limit";
        return where.bindTo(db.sql(sql)).bind("limit", page.size() + 1)
                .map(mapper)
                .all()
                .collectList()
                .map(rows -> Page.of(rows, page));
    }

    /** Distinct ids matching the conditions across every table. */
    static Mono<Integer> count(DatabaseClient db, List<PhysicalTable> tables, SqlConditions where) {
        String sql = "select count(*) as total from (" + PrecedenceUnion.of(tables, t -> "t.id", where::sql) + ") u";
        return where.bindTo(db.sql(sql)).map(row -> Rows.integer(row, "total")).one();
    }
}
