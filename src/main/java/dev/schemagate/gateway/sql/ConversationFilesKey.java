package dev.schemagate.gateway.sql;

import java.util.UUID;

/** One {@code Conversation.files} field: the conversation and whether expired files are wanted. */
public record ConversationFilesKey(UUID conversationId, boolean includeExpired) {
}
