package dev.schemagate.gateway.sql;

import java.util.UUID;

import dev.schemagate.gateway.model.Role;

/** Distinct messages of a conversation, optionally of one role. */
public record MessageCountKey(UUID conversationId, Role role) {
}
