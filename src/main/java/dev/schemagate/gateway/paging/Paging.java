package dev.schemagate.gateway.paging;

import dev.schemagate.gateway.errors.BadRequestException;
import org.springframework.stereotype.Component;

/** Checks {@code first}/{@code after}/{@code last}/{@code before} against the configured page sizes. */
@Component
public class Paging {

    private final PagingProperties properties;

    public Paging(PagingProperties properties) {
        this.properties = properties;
    }

    public PageRequest request(Integer first, String after, Integer last, String before, SortOrder order) {
        if (first != null && last != null) {
            throw new BadRequestException("Pass first or last, not both");
        }
        Cursor afterCursor = after == null ? null : Cursor.decode(order, after);
        Cursor beforeCursor = before == null ? null : Cursor.decode(order, before);
        if (last != null) {
            return new PageRequest(size("last", last), afterCursor, beforeCursor, true, order);
        }
        return new PageRequest(size("first", first), afterCursor, beforeCursor, false, order);
    }

    /** A page size: the default when absent, a {@code BAD_REQUEST} outside 0..max. */
    public int size(String argument, Integer size) {
        if (size == null) {
            return properties.defaultSize();
        }
        if (size < 0 || size > properties.maxSize()) {
            throw new BadRequestException(argument + " must be between 0 and " + properties.maxSize() + ", was " + size);
        }
        return size;
    }
}
