package dev.schemagate.gateway.paging;

/**
 * How many rows a page holds and where it starts. {@code after} is null for the first page.
 */
public record PageRequest(int first, Cursor after) {
}
