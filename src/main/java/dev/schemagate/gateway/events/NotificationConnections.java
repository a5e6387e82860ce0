package dev.schemagate.gateway.events;

import io.r2dbc.spi.ConnectionFactory;

/**
 * Where the LISTEN connection comes from: a plain, unpooled connection factory to the same
 * database the gateway serves (a pooled connection would be handed to other work).
 */
public record NotificationConnections(ConnectionFactory factory) {
}
