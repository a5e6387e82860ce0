package dev.schemagate.gateway;

import java.util.List;

import dev.schemagate.gateway.database.ScopedConnectionFactory;
import dev.schemagate.gateway.security.AuthProperties;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The one {@link DatabaseClient} every physical source uses, over the pooled connection
 * factory: connections belong to the request that takes them ({@link ScopedConnectionFactory}).
 * Where {@link ProxyExecutionListener} beans exist, the SQL it sends is reported to them.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DatabaseClient databaseClient(ConnectionFactory connectionFactory, ObjectProvider<ProxyExecutionListener> listeners,
            AuthProperties auth) {
        ConnectionFactory scoped = new ScopedConnectionFactory(connectionFactory, auth.postgresClaims());
        List<ProxyExecutionListener> observers = listeners.orderedStream().toList();
        if (observers.isEmpty()) {
            return DatabaseClient.create(scoped);
        }
        ProxyConnectionFactory.Builder proxy = ProxyConnectionFactory.builder(scoped);
        observers.forEach(proxy::listener);
        return DatabaseClient.create(proxy.build());
    }
}
