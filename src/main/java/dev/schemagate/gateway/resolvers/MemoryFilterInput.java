package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.Ids;
import dev.schemagate.gateway.sql.MemoryCriteria;

/** The GraphQL {@code MemoryFilter} input. */
public record MemoryFilterInput(String conversationId, String userId, String kind) {

    static MemoryCriteria criteria(MemoryFilterInput filter) {
        if (filter == null) {
            return new MemoryCriteria(null, null, null);
        }
        return new MemoryCriteria(Ids.parse("filter.conversationId", filter.conversationId()), filter.userId(), filter.kind());
    }
}
