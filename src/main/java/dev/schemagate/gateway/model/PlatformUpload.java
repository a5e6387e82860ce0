package dev.schemagate.gateway.model;

import java.time.OffsetDateTime;

/** Where a file was uploaded to an AI platform. */
public record PlatformUpload(String platform, String platformFileId, OffsetDateTime uploadedAt) {
}
