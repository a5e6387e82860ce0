package dev.schemagate.gateway.sql;

import java.util.UUID;

/** File filters: files of one conversation (by either link), and whether expired files count. */
public record FileCriteria(UUID conversationId, boolean includeExpired) {
}
