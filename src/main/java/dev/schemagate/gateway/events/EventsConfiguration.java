package dev.schemagate.gateway.events;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The LISTEN connection for an external database, from the same {@code spring.r2dbc.*} properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventProperties.class)
public class EventsConfiguration {

    /** The application name of the LISTEN connection, so it can be told apart in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "schemagate-listener";

    @Bean
    @ConditionalOnMissingBean
    public NotificationConnections notificationConnections(Environment environment) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(environment.getRequiredProperty("spring.r2dbc.url"));
        ConnectionFactoryOptions.Builder builder = options.mutate();
        if ("pool".equals(options.getValue(ConnectionFactoryOptions.DRIVER))) {
            builder.option(ConnectionFactoryOptions.DRIVER, String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.PROTOCOL)));
            builder.option(ConnectionFactoryOptions.PROTOCOL, "");
        }
        String username = environment.getProperty("spring.r2dbc.username");
        String password = environment.getProperty("spring.r2dbc.password");
        if (username != null && !username.isBlank()) {
            builder.option(ConnectionFactoryOptions.USER, username);
        }
        if (password != null && !password.isBlank()) {
            builder.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        builder.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, APPLICATION_NAME);
        return new NotificationConnections(ConnectionFactories.get(builder.build()));
    }
}
