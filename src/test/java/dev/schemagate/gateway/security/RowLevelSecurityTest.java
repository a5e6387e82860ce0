package dev.schemagate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.TestDatabases;
import dev.schemagate.gateway.support.TestDatabases.Scratch;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code postgres-claims}, Supabase-style row-level security applies unchanged: the
 * claims and role are set per transaction, so on a pool of one connection two users taking
 * turns never see each other's rows, and the connection is clean afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    private static final String RLS = """
            do $$ begin create role authenticated nologin; exception when duplicate_object then null; end $$;
            grant usage on schema chat, public, ai_manager to authenticated;
            grant select on all tables in schema chat, ai_manager to authenticated;
            grant select on public.conversations, public.messages, public.files, public.platform_file_registry to authenticated;
            alter table ai_manager.memories enable row level security;
            create policy own_memories on ai_manager.memories for select to authenticated
              using (user_id = current_setting('request.jwt.claims', true)::json ->> 'sub');
            alter table chat.messages enable row level security;
            create policy own_messages on chat.messages for select to authenticated
              using (coalesce(metadata ->> 'owner', current_setting('request.jwt.claims', true)::json ->> 'sub')
                     = current_setting('request.jwt.claims', true)::json ->> 'sub');
            """;

    private Scratch database;
    private ConfigurableApplicationContext gateway;

    @BeforeAll
    void start() {
        database = TestDatabases.create(true);
        database.execute(RLS);
        database.execute(dev.schemagate.gateway.embedded.SqlScripts.classpath("fixtures/notify-triggers.sql"));
        gateway = Gateways.start(Gateways.with(database.properties(),
                "gateway.auth.mode=jwt", "gateway.auth.jwt-secret=" + Tokens.SECRET, "gateway.auth.postgres-claims=true",
                "spring.r2dbc.pool.max-size=1", "spring.r2dbc.pool.initial-size=1"));
    }

    @AfterAll
    void stop() {
        gateway.close();
        database.drop();
    }

    @Test
    void alternatingUsersOnOneConnectionOnlyEverSeeTheirOwnRows() {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        HttpGraphQlTester base = HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql").responseTimeout(Duration.ofSeconds(30)).build());
        Map<String, HttpGraphQlTester> users = Map.of(
                "user-1", base.mutate().header("Authorization", "Bearer " + Tokens.valid("authenticated", "user-1")).build(),
                "user-2", base.mutate().header("Authorization", "Bearer " + Tokens.valid("authenticated", "user-2")).build());
        for (int i = 0; i < 1000; i++) {
            String user = i % 2 == 0 ? "user-1" : "user-2";
            List<String> owners = users.get(user).document("{ memories(first: 100) { nodes { userId } } }").execute()
                    .path("memories.nodes[*].userId").entityList(String.class).get();
            assertThat(owners).as("request %d as %s", i, user).isNotEmpty().containsOnly(user);
        }
    }

    @Test
    void subscribersOnlyReceiveMessagesTheirClaimsMaySee() throws Exception {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        String conversation = dev.schemagate.gateway.support.Sql.string(database.client(),
                "select id::text from chat.conversations order by id limit 1");
        java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        org.springframework.graphql.test.tester.WebSocketGraphQlTester tester = org.springframework.graphql.test.tester.WebSocketGraphQlTester
                .builder("ws://localhost:" + port + "/graphql", new org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient())
                .interceptor(Tokens.initPayload(Tokens.valid("authenticated", "user-1")))
                .build();
        reactor.core.Disposable subscription = tester.document("subscription($c: ID) { messageAdded(conversationId: $c) { id content } }")
                .variable("c", conversation).executeSubscription().toFlux("messageAdded.content", String.class)
                .subscribe(received::add);
        try {
            Thread.sleep(1000); // the protocol does not acknowledge a subscribe: give the server time to register it
            database.execute("insert into chat.messages (conversation_id, role, content, metadata) values ('" + conversation
                    + "', 'user', 'for user-2 only', '{\"owner\": \"user-2\"}')");
            database.execute("insert into chat.messages (conversation_id, role, content, metadata) values ('" + conversation
                    + "', 'user', 'for user-1', '{\"owner\": \"user-1\"}')");
            assertThat(received.poll(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("for user-1");
            assertThat(received.poll(1500, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
        }
        finally {
            subscription.dispose();
        }
    }

    @Test
    void thePooledConnectionIsCleanAfterwards() {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql").build())
                .mutate().header("Authorization", "Bearer " + Tokens.valid("authenticated", "user-3")).build()
                .document("{ memories(first: 5) { nodes { userId } } }").execute()
                .path("memories.nodes[*].userId").entityList(String.class).containsExactly(
                        java.util.Collections.nCopies(5, "user-3").toArray(String[]::new));
        DatabaseClient pool = DatabaseClient.create(gateway.getBean(ConnectionFactory.class));
        Map<String, Object> session = pool.sql("""
                select coalesce(current_setting('request.jwt.claims', true), '') as claims, current_user::text as who""")
                .fetch().one().block(Duration.ofSeconds(10));
        assertThat(session).containsEntry("claims", "").containsEntry("who", database.username());
    }
}
