package dev.schemagate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.schemagate.gateway.support.Eventually;
import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.TestDatabases;
import dev.schemagate.gateway.support.TestDatabases.Scratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;

/**
 * {@code messageAdded} over WebSocket and SSE: two gateway instances on one database, writes
 * through either instance and plain SQL inserts (through the opt-in triggers), and a listener
 * that recovers when the database kills its connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Scratch database;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private DatabaseClient sql;
    private final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private Disposable subscription;

    @BeforeAll
    void start() {
        database = TestDatabases.create(true);
        database.execute(dev.schemagate.gateway.embedded.SqlScripts.classpath("fixtures/notify-triggers.sql"));
        first = Gateways.start(database.properties());
        second = Gateways.start(database.properties());
        sql = database.client();
        awaitListeners(2);
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
        database.drop();
    }

    @AfterEach
    void unsubscribe() {
        if (subscription != null) {
            subscription.dispose();
        }
        received.clear();
    }

    @Test
    void aMessagePostedThroughOneInstanceReachesASubscriberOfTheOther() throws Exception {
        UUID conversation = conversation("chat");
        subscribe(first, conversation);
        String posted = post(second, conversation, "across instances");
        Map<String, Object> event = next();
        assertThat(event.get("id")).isEqualTo(posted);
        assertThat(event.get("content")).isEqualTo("across instances");
        assertThat(((Map<?, ?>) event.get("conversation")).get("id")).isEqualTo(conversation.toString());
        assertThat(received.poll(1500, TimeUnit.MILLISECONDS)).as("delivered once, though the trigger fired too").isNull();
    }

    @Test
    void aPlainSqlInsertIntoPublicReachesSubscribers() throws Exception {
        UUID conversation = conversation("public");
        subscribe(first, conversation);
        UUID id = UUID.randomUUID();
        sql.sql("insert into public.messages (id, conversation_id, role, content) values ($1, $2, 'assistant', 'written by EXAI')")
                .bind(0, id).bind(1, conversation).then().block(WAIT);
        Map<String, Object> event = next();
        assertThat(event.get("id")).isEqualTo(id.toString());
        assertThat(event.get("role")).isEqualTo("ASSISTANT");
    }

    @Test
    void theConversationFilterKeepsOtherConversationsOut() throws Exception {
        UUID watched = conversation("chat");
        UUID other = UUID.fromString(Sql.string(sql, "select id::text from chat.conversations where id <> $1 order by id limit 1", watched));
        subscribe(first, watched);
        post(second, other, "not for you");
        String mine = post(second, watched, "for you");
        assertThat(next().get("id")).isEqualTo(mine);
    }

    @Test
    void theListenerReconnectsAfterTheDatabaseKillsIt() throws Exception {
        UUID conversation = conversation("chat");
        subscribe(first, conversation);
        long killed = Sql.number(sql, """
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where application_name = 'schemagate-listener' and datname = current_database()""");
        assertThat(killed).isEqualTo(2);
        awaitListeners(2);
        UUID id = UUID.randomUUID();
        sql.sql("insert into chat.messages (id, conversation_id, role, content) values ($1, $2, 'user', 'after the outage')")
                .bind(0, id).bind(1, conversation).then().block(WAIT);
        assertThat(next().get("id")).isEqualTo(id.toString());
    }

    @Test
    void aMalformedConversationIdIsABadRequest() {
        String url = "ws://localhost:" + first.getEnvironment().getProperty("local.server.port") + "/graphql";
        java.util.concurrent.atomic.AtomicReference<String> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        WebSocketGraphQlTester.builder(url, new ReactorNettyWebSocketClient()).build()
                .document("subscription { messageAdded(conversationId: \"nope\") { id } }").executeSubscription().toFlux()
                .doOnNext(response -> response.errors().satisfy(errors -> errors.forEach(
                        error -> outcome.set(String.valueOf(error.getExtensions().get("classification"))))))
                .doOnError(error -> outcome.set(error.toString()))
                .onErrorComplete().blockLast(WAIT);
        assertThat(outcome.get()).contains("BAD_REQUEST");
    }

    @Test
    void serverSentEventsCarryTheSameEvents() throws Exception {
        UUID conversation = conversation("chat");
        WebClient client = WebClient.create("http://localhost:" + first.getEnvironment().getProperty("local.server.port"));
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Disposable sse = client.post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("query", "subscription($c: ID) { messageAdded(conversationId: $c) { id } }",
                        "variables", Map.of("c", conversation.toString())))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<org.springframework.http.codec.ServerSentEvent<String>>() { })
                .subscribe(event -> events.add(String.valueOf(event.data())));
        try {
            Thread.sleep(1000); // an SSE stream sends nothing before its first event: give the server time to register it
            String posted = post(second, conversation, "over sse");
            String event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(event).contains(posted);
        }
        finally {
            sse.dispose();
        }
    }

    private void subscribe(ConfigurableApplicationContext gateway, UUID conversation) throws InterruptedException {
        String url = "ws://localhost:" + gateway.getEnvironment().getProperty("local.server.port") + "/graphql";
        WebSocketGraphQlTester tester = WebSocketGraphQlTester.builder(url, new ReactorNettyWebSocketClient()).build();
        subscription = tester.document("subscription($c: ID) { messageAdded(conversationId: $c) { id role content conversation { id } } }")
                .variable("c", conversation.toString())
                .executeSubscription()
                .toFlux("messageAdded", Map.class)
                .subscribe(event -> received.add(castEvent(event)));
        Thread.sleep(1000); // the protocol does not acknowledge a subscribe: give the server time to register it
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castEvent(Map<?, ?> event) {
        return (Map<String, Object>) event;
    }

    private Map<String, Object> next() throws InterruptedException {
        Map<String, Object> event = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(event).as("an event within %s", WAIT).isNotNull();
        return event;
    }

    private String post(ConfigurableApplicationContext gateway, UUID conversation, String content) {
        return Gateways.graphQl(gateway)
                .document("mutation($c: ID!, $t: String!) { postMessage(input: { conversationId: $c, role: USER, content: $t }) { id } }")
                .variable("c", conversation.toString()).variable("t", content).execute()
                .path("postMessage.id").entity(String.class).get();
    }

    private UUID conversation(String schema) {
        return UUID.fromString(Sql.string(sql, "select id::text from " + schema + ".conversations order by random() limit 1"));
    }

    private void awaitListeners(int expected) {
        boolean listening = Eventually.holds(WAIT, () -> Sql.number(sql, """
                select count(*) from pg_stat_activity
                where application_name = 'schemagate-listener' and datname = current_database()
                  and query ilike 'listen%'""") >= expected);
        assertThat(listening).as("%d gateway listeners within %s", expected, WAIT).isTrue();
    }


}
