package dev.schemagate.gateway.sql;

import java.util.UUID;

/** One {@code Conversation.memories(first)} field. */
public record ConversationMemoriesKey(UUID conversationId, int first) {
}
