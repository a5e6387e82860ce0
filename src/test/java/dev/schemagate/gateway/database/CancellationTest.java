package dev.schemagate.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.schemagate.gateway.embedded.SqlScripts;
import dev.schemagate.gateway.support.Eventually;
import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.TestDatabases;
import dev.schemagate.gateway.support.TestDatabases.Scratch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A request that outlives its timeout, or whose client goes away, leaves no query of the
 * gateway running: its statements are cancelled in PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancellationTest {

    private Scratch database;
    private ConfigurableApplicationContext gateway;
    private WebClient client;

    @BeforeAll
    void start() {
        database = TestDatabases.create(true);
        gateway = Gateways.start(Gateways.with(database.properties(), "gateway.http.request-timeout=1s"));
        client = WebClient.create("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        gateway.close();
        database.drop();
    }

    @Test
    void aRequestPastItsTimeoutIsAnErrorAndItsQueryIsCancelled() {
        Connection lock = lockConversations();
        try {
            long started = System.nanoTime();
            Map<?, ?> response = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ conversations(first: 1) { totalCount } }"))
                    .retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(response.toString()).contains("INTERNAL_ERROR").contains("cancelled");
            awaitNoGatewayQueryRunning(Duration.ofSeconds(1));
        }
        finally {
            release(lock);
        }
    }

    @Test
    void aClientThatGoesAwayLeavesNoQueryRunning() {
        Connection lock = lockConversations();
        try {
            client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ conversations(first: 1) { totalCount } }"))
                    .retrieve().bodyToMono(Map.class)
                    .timeout(Duration.ofMillis(400))
                    .onErrorResume(ex -> Mono.empty())
                    .block(Duration.ofSeconds(5));
            awaitNoGatewayQueryRunning(Duration.ofSeconds(1));
        }
        finally {
            release(lock);
        }
    }

    @Test
    void everyGatewayConnectionHasAStatementTimeout() {
        String timeout = org.springframework.r2dbc.core.DatabaseClient.create(gateway.getBean(io.r2dbc.spi.ConnectionFactory.class))
                .sql("show statement_timeout").map(row -> row.get(0, String.class)).one().block(Duration.ofSeconds(10));
        assertThat(timeout).isEqualTo("10s");
    }

    @Test
    void theGatewayServesAgainAfterwards() {
        client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ conversations(first: 1) { totalCount } }"))
                .retrieve().bodyToMono(Map.class)
                .as(mono -> assertThat(mono.block(Duration.ofSeconds(10)).toString()).contains("totalCount"));
    }

    private Connection lockConversations() {
        Connection connection = Mono.from(ConnectionFactories.get(database.options()).create()).block(Duration.ofSeconds(10));
        Mono.from(connection.beginTransaction()).block(Duration.ofSeconds(10));
        SqlScripts.run(connection, "lock table chat.conversations in access exclusive mode").block(Duration.ofSeconds(10));
        return connection;
    }

    private static void release(Connection connection) {
        Mono.from(connection.rollbackTransaction()).then(Mono.from(connection.close())).block(Duration.ofSeconds(10));
    }

    private void awaitNoGatewayQueryRunning(Duration within) {
        boolean idle = Eventually.holds(within, () -> Sql.number(database.client(), """
                select count(*) from pg_stat_activity
                where datname = current_database() and application_name = 'schemagate' and state = 'active'""") == 0);
        assertThat(idle).as("no gateway query running %s after the request ended", within).isTrue();
    }

}
