package dev.schemagate.gateway.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message events for subscriptions.
 *
 * @param subscriberBuffer events held for a subscriber that reads slower than they arrive;
 *                         past it the oldest are dropped, so one slow client never holds up others
 * @param heartbeat        how often the LISTEN connection is checked, so a dead one is replaced
 */
@ConfigurationProperties("gateway.events")
public record EventProperties(@DefaultValue("256") int subscriberBuffer, @DefaultValue("30s") Duration heartbeat) {
}
