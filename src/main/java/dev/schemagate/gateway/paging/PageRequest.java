package dev.schemagate.gateway.paging;

/**
 * A page: how many rows, between which cursors (either may be null), in which order, and
 * whether it is taken from the end ({@code last}) rather than the start ({@code first}).
 */
public record PageRequest(int size, Cursor after, Cursor before, boolean backward, SortOrder order) {
}
