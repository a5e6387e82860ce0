package dev.schemagate.gateway;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The one {@link DatabaseClient} every physical source uses, over the pooled connection factory. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }
}
