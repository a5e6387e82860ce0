package dev.schemagate.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.schemagate.gateway.embedded.SqlScripts;
import dev.schemagate.gateway.support.Eventually;
import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.TcpProxy;
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
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Database outages under load: requests in flight fail cleanly and quickly, health goes down
 * and up with the database, and the gateway serves again soon after it is back, without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResilienceTest {

    private static final String QUERY = "{ conversations(first: 5) { totalCount nodes { id messages(first: 3) { nodes { id } } } } }";

    private Scratch database;
    private TcpProxy proxy;
    private ConfigurableApplicationContext gateway;
    private WebClient client;

    @BeforeAll
    void start() {
        database = TestDatabases.create(true);
        proxy = new TcpProxy(database.host(), database.port());
        gateway = Gateways.start(database.propertiesThrough(proxy));
        client = WebClient.create("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        gateway.close();
        proxy.close();
        database.drop();
    }

    @Test
    void anUnreachableDatabaseFailsRequestsCleanlyAndTheGatewayRecoversWithoutARestart() throws Exception {
        assertThat(health()).isEqualTo("UP");
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<List<String>> load = CompletableFuture.supplyAsync(() -> load(120, answered));
        assertThat(Eventually.holds(Duration.ofSeconds(10), () -> answered.get() >= 10)).as("load under way").isTrue();
        proxy.cut();
        List<String> outcomes = load.get();
        assertThat(outcomes).allMatch(outcome -> outcome.equals("data") || outcome.equals("INTERNAL_ERROR"),
                "every request answered with data or a clean INTERNAL_ERROR");
        assertThat(outcomes).contains("INTERNAL_ERROR");
        assertThat(Eventually.holds(Duration.ofSeconds(10), () -> health().equals("DOWN"))).isTrue();

        proxy.restore();
        long restored = System.nanoTime();
        assertThat(Eventually.holds(Duration.ofSeconds(5), () -> "data".equals(once()))).as("serving within 5 s").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - restored)).isLessThan(Duration.ofSeconds(5));
        assertThat(Eventually.holds(Duration.ofSeconds(5), () -> health().equals("UP"))).isTrue();
    }

    @Test
    void killingEveryGatewayConnectionUnderLoadFailsCleanlyAndServesAgain() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<List<String>> load = CompletableFuture.supplyAsync(() -> load(150, answered));
        assertThat(Eventually.holds(Duration.ofSeconds(10), () -> answered.get() >= 10)).as("load under way").isTrue();
        long killed = Sql.number(database.client(), """
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where datname = current_database() and application_name = 'schemagate'""");
        List<String> outcomes = load.get();
        assertThat(killed).isPositive();
        assertThat(outcomes).allMatch(outcome -> outcome.equals("data") || outcome.equals("INTERNAL_ERROR"));
        assertThat(Eventually.holds(Duration.ofSeconds(5), () -> "data".equals(once()))).isTrue();
    }

    @Test
    void gracefulShutdownFinishesRequestsAlreadyStarted() throws Exception {
        ConfigurableApplicationContext doomed = Gateways.start(database.properties());
        int port = Integer.parseInt(doomed.getEnvironment().getProperty("local.server.port"));
        WebClient doomedClient = WebClient.create("http://localhost:" + port);
        Connection lock = Mono.from(ConnectionFactories.get(database.options()).create()).block(Duration.ofSeconds(10));
        Mono.from(lock.beginTransaction()).block(Duration.ofSeconds(10));
        SqlScripts.run(lock, "lock table chat.conversations in access exclusive mode").block(Duration.ofSeconds(10));
        try {
            CompletableFuture<List<String>> inFlight = Flux.range(0, 4)
                    .flatMap(i -> outcome(doomedClient), 4)
                    .collectList().toFuture();
            assertThat(Eventually.holds(Duration.ofSeconds(10), () -> Sql.number(database.client(), """
                    select count(*) from pg_stat_activity where datname = current_database()
                      and application_name = 'schemagate' and wait_event_type = 'Lock'""") >= 4))
                    .as("four requests waiting on the lock").isTrue();
            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(doomed::close);
            assertThat(Eventually.holds(Duration.ofSeconds(10), () -> !accepts(port))).as("shutdown under way").isTrue();
            assertThat(inFlight).isNotDone();
            Mono.from(lock.rollbackTransaction()).block(Duration.ofSeconds(10));
            assertThat(inFlight.get()).containsOnly("data").hasSize(4);
            shutdown.get();
        }
        finally {
            Mono.from(lock.close()).block(Duration.ofSeconds(10));
        }
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            return true;
        }
        catch (java.io.IOException ex) {
            return false;
        }
    }

    private List<String> load(int requests, AtomicInteger answered) {
        return Flux.range(0, requests)
                .flatMap(i -> outcome(client).doOnNext(outcome -> answered.incrementAndGet()).delayElement(Duration.ofMillis(5)), 8)
                .collectList()
                .block(Duration.ofSeconds(60));
    }

    private Mono<String> outcome(WebClient target) {
        return target.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", QUERY))
                .retrieve().bodyToMono(Map.class)
                .timeout(Duration.ofSeconds(12))
                .map(ResilienceTest::classify)
                .onErrorResume(WebClientResponseException.class, ex -> Mono.just("HTTP " + ex.getStatusCode().value()))
                .onErrorResume(ex -> Mono.just("failed: " + ex));
    }

    private static String classify(Map<?, ?> response) {
        Object errors = response.get("errors");
        if (errors instanceof List<?> list && !list.isEmpty()) {
            Object extensions = ((Map<?, ?>) list.get(0)).get("extensions");
            return String.valueOf(((Map<?, ?>) extensions).get("classification"));
        }
        return response.get("data") == null ? "no data" : "data";
    }

    private String once() {
        return outcome(client).block(Duration.ofSeconds(15));
    }

    private String health() {
        return client.get().uri("/actuator/health").exchangeToMono(response -> response.bodyToMono(Map.class))
                .map(body -> String.valueOf(body.get("status")))
                .block(Duration.ofSeconds(15));
    }
}
