package dev.schemagate.gateway.paging;

import java.util.List;

/** A page of rows as a source read it: one more row than asked tells whether another page follows. */
public record Page<T>(List<T> items, boolean hasNextPage, boolean hasPreviousPage) {

    /** Trims the look-ahead row fetched to answer {@code hasNextPage}. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request) {
        boolean more = fetched.size() > request.first();
        List<T> items = more ? fetched.subList(0, request.first()) : fetched;
        return new Page<>(List.copyOf(items), more, request.after() != null);
    }
}
