package dev.schemagate.gateway.sql;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Conversation filters, combined with AND; a null field does not filter. */
public record ConversationCriteria(
        String continuationId,
        UUID sessionId,
        String titleContains,
        OffsetDateTime updatedAfter,
        OffsetDateTime updatedBefore) {

    public static final ConversationCriteria NONE = new ConversationCriteria(null, null, null, null, null);
}
