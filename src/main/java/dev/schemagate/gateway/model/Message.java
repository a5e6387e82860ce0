package dev.schemagate.gateway.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message row from whichever routed table won its id. */
public record Message(
        UUID id,
        UUID conversationId,
        Role role,
        String content,
        Object metadata,
        OffsetDateTime createdAt,
        String idempotencyKey) {
}
