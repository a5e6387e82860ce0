package dev.schemagate.gateway.paging;

import dev.schemagate.gateway.errors.BadRequestException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Checks {@code first}/{@code after} arguments against the configured page sizes. */
@Component
@EnableConfigurationProperties(PagingProperties.class)
public class Paging {

    private final PagingProperties properties;

    public Paging(PagingProperties properties) {
        this.properties = properties;
    }

    public PageRequest forward(Integer first, String after, String ordering) {
        Cursor cursor = after == null ? null : Cursor.decode(ordering, after);
        return new PageRequest(size(first), cursor);
    }

    /** A page size: the default when absent, a {@code BAD_REQUEST} outside 0..max. */
    public int size(Integer first) {
        if (first == null) {
            return properties.defaultSize();
        }
        if (first < 0 || first > properties.maxSize()) {
            throw new BadRequestException("first must be between 0 and " + properties.maxSize() + ", was " + first);
        }
        return first;
    }
}
