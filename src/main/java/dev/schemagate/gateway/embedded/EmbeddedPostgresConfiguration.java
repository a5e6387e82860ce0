package dev.schemagate.gateway.embedded;

import java.io.File;
import java.io.IOException;
import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import dev.schemagate.gateway.events.EventsConfiguration;
import dev.schemagate.gateway.events.NotificationConnections;
import dev.schemagate.gateway.http.HttpLimits;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * With no external database configured, starts PostgreSQL 17 in-process and, where it holds
 * no {@code chat} schema yet, creates the physical layout and loads the seed from {@code fixtures/}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedPostgresConfiguration {

    private static final Log logger = LogFactory.getLog(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        if (properties.dataDirectory() != null && !properties.dataDirectory().isBlank()) {
            builder.setDataDirectory(new File(properties.dataDirectory())).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        logger.info("Started embedded PostgreSQL on port " + postgres.getPort()
                + (properties.dataDirectory() == null ? " with fresh data" : " with data in " + properties.dataDirectory()));
        return postgres;
    }

    @Bean(destroyMethod = "dispose")
    public ConnectionPool connectionFactory(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties, HttpLimits limits) {
        PostgresqlConnectionFactory direct = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host("localhost")
                .port(postgres.getPort())
                .username("postgres")
                .database("postgres")
                .applicationName("schemagate")
                .statementTimeout(limits.requestTimeout())
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        if (properties.loadFixtures()) {
            loadFixtures(direct, properties.seedScale()).block(Duration.ofMinutes(10));
        }
        return new ConnectionPool(ConnectionPoolConfiguration.builder(direct)
                .maxSize(properties.poolSize())
                .initialSize(Math.min(2, properties.poolSize()))
                .maxAcquireTime(Duration.ofSeconds(10))
                .build());
    }

    @Bean
    public NotificationConnections notificationConnections(EmbeddedPostgres postgres) {
        return new NotificationConnections(new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host("localhost")
                .port(postgres.getPort())
                .username("postgres")
                .database("postgres")
                .applicationName(EventsConfiguration.APPLICATION_NAME)
                .build()));
    }

    private static Mono<Void> loadFixtures(PostgresqlConnectionFactory factory, int scale) {
        return Mono.usingWhen(factory.create(), connection -> loadInto(connection, scale), Connection::close);
    }

    private static Mono<Void> loadInto(Connection connection, int scale) {
        Mono<Boolean> hasLayout = Mono.from(connection
                        .createStatement("select exists (select 1 from pg_namespace where nspname = 'chat') as present")
                        .execute())
                .flatMap(result -> Mono.from(result.map((row, meta) -> row.get("present", Boolean.class))));
        return hasLayout.flatMap(present -> {
            if (present) {
                logger.info("Embedded database already holds the chat schema: fixtures not loaded again");
                return Mono.empty();
            }
            logger.info("Loading fixtures/schema.sql, seed.sql and notify-triggers.sql (scale " + scale + ") into the embedded database");
            return SqlScripts.run(connection, SqlScripts.classpath("fixtures/schema.sql"))
                    .then(Flux.from(connection.createStatement("select set_config('seed.scale', $1, false)")
                            .bind("$1", String.valueOf(Math.max(1, scale)))
                            .execute()).concatMap(result -> result.map((row, meta) -> 1)).then())
                    .then(SqlScripts.run(connection, SqlScripts.classpath("fixtures/seed.sql")))
                    .then(SqlScripts.run(connection, SqlScripts.classpath("fixtures/notify-triggers.sql")));
        });
    }
}
