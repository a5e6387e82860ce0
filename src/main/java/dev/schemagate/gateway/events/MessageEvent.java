package dev.schemagate.gateway.events;

import java.util.UUID;

import dev.schemagate.gateway.model.Message;

/**
 * A message was inserted. {@code message} is loaded once for everyone, except where row-level
 * security applies: then each subscriber loads it under its own claims and it is null here.
 */
public record MessageEvent(UUID id, UUID conversationId, Message message) {
}
