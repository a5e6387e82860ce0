package dev.schemagate.gateway.sql;

import java.util.UUID;

/** Memory filters, combined with AND; a null field does not filter. */
public record MemoryCriteria(UUID conversationId, String userId, String kind) {
}
