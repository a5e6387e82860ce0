package dev.schemagate.gateway.routing;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Validates the routing against the catalog once, at start-up; a mismatch stops the gateway. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
public class RoutingConfiguration {

    private static final Log logger = LogFactory.getLog(RoutingConfiguration.class);

    @Bean
    public Routing routing(RoutingProperties properties, DatabaseClient databaseClient) {
        Routing routing = new RoutingValidator(databaseClient).validate(properties).block(Duration.ofSeconds(60));
        routing.describe().forEach((field, tables) -> logger.info("Routing " + field + " -> " + String.join(", ", tables)));
        return routing;
    }
}
