package dev.schemagate.gateway.federation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Apollo Federation 2 subgraph mode.
 *
 * @param enabled whether the schema carries {@code @link} and {@code @key} and serves
 *                {@code _service} and {@code _entities}; without it the schema is exactly
 *                {@code schema.graphqls}
 */
@ConfigurationProperties("gateway.federation")
public record FederationProperties(boolean enabled) {

    static final String ENABLED = "gateway.federation.enabled";
}
