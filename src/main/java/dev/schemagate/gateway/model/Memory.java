package dev.schemagate.gateway.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A memory of the AI side, optionally about one conversation. */
public record Memory(
        UUID id,
        UUID conversationId,
        String userId,
        String kind,
        String content,
        double importance,
        Object metadata,
        OffsetDateTime createdAt,
        OffsetDateTime lastAccessedAt) {
}
