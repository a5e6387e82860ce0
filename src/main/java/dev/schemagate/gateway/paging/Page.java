package dev.schemagate.gateway.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A page of rows as a source read it: one more row than asked tells whether more follow. */
public record Page<T>(List<T> items, boolean hasNextPage, boolean hasPreviousPage) {

    /**
     * Trims the look-ahead row; rows read backward (from the end) are put back in order.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request) {
        boolean more = fetched.size() > request.size();
        List<T> items = new ArrayList<>(more ? fetched.subList(0, request.size()) : fetched);
        if (request.backward()) {
            Collections.reverse(items);
            return new Page<>(List.copyOf(items), request.before() != null, more);
        }
        return new Page<>(List.copyOf(items), more, request.after() != null);
    }

    public static <T> Page<T> empty(PageRequest request) {
        return of(List.of(), request);
    }
}
