package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.Ids;
import dev.schemagate.gateway.sql.FileCriteria;

/** The GraphQL {@code FileFilter} input. */
public record FileFilterInput(String conversationId, Boolean includeExpired) {

    static FileCriteria criteria(FileFilterInput filter) {
        if (filter == null) {
            return new FileCriteria(null, false);
        }
        return new FileCriteria(Ids.parse("filter.conversationId", filter.conversationId()),
                Boolean.TRUE.equals(filter.includeExpired()));
    }
}
