package dev.schemagate.gateway.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A conversation row from whichever routed table won its id. */
public record Conversation(
        UUID id,
        String continuationId,
        String title,
        Object metadata,
        UUID sessionId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
