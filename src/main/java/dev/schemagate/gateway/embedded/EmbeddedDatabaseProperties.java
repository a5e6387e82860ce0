package dev.schemagate.gateway.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL the gateway starts when no {@code spring.r2dbc.url} is given.
 *
 * @param enabled       start it at all (only ever when no external database is configured)
 * @param dataDirectory keep data here across restarts; fresh data on every start when unset
 * @param port          0 picks a free port
 * @param poolSize      r2dbc connections to it
 * @param loadFixtures  create the layout and load the seed when the database has no {@code chat} schema
 * @param seedScale     the seed's scale factor (1 gives about 300 conversations)
 */
@ConfigurationProperties("gateway.embedded")
public record EmbeddedDatabaseProperties(
        @DefaultValue("true") boolean enabled,
        String dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("10") int poolSize,
        @DefaultValue("true") boolean loadFixtures,
        @DefaultValue("1") int seedScale) {
}
