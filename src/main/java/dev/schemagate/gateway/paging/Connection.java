package dev.schemagate.gateway.paging;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay cursor connection as GraphQL serves it. {@code countKey} tells the
 * {@code totalCount} resolver what to count, so the count only runs when it is selected.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Object countKey) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    public static <T> Connection<T> of(Page<T> page, Function<T, Cursor> cursor, Object countKey) {
        List<Edge<T>> edges = page.items().stream().map(item -> new Edge<>(cursor.apply(item).encode(), item)).toList();
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(page.hasNextPage(), page.hasPreviousPage(), start, end), countKey);
    }
}
