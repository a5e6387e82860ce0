package dev.schemagate.gateway.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A file of the file store (GraphQL type {@code File}); {@code expired} is decided by the database clock. */
public record StoredFile(
        UUID id,
        String filename,
        String mimeType,
        Long sizeBytes,
        String sha256,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        boolean expired) {
}
