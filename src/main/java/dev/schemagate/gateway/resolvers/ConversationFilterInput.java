package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.Ids;
import java.time.OffsetDateTime;

import dev.schemagate.gateway.sql.ConversationCriteria;

/** The GraphQL {@code ConversationFilter} input. */
public record ConversationFilterInput(
        String continuationId,
        String sessionId,
        String titleContains,
        OffsetDateTime updatedAfter,
        OffsetDateTime updatedBefore) {

    static ConversationCriteria criteria(ConversationFilterInput filter) {
        if (filter == null) {
            return ConversationCriteria.NONE;
        }
        return new ConversationCriteria(filter.continuationId(), Ids.parse("filter.sessionId", filter.sessionId()),
                filter.titleContains(), filter.updatedAfter(), filter.updatedBefore());
    }
}
