package dev.schemagate.gateway.sql;

import java.util.UUID;

import dev.schemagate.gateway.model.Role;
import dev.schemagate.gateway.paging.PageRequest;

/**
 * One {@code Conversation.messages} field: the conversation and its arguments. Keys with
 * different arguments load in the same batch statement.
 */
public record MessagePageKey(UUID conversationId, PageRequest page, Role role) {
}
