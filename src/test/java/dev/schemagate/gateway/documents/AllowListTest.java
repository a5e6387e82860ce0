package dev.schemagate.gateway.documents;

import static dev.schemagate.gateway.documents.Requests.body;
import static dev.schemagate.gateway.documents.Requests.data;
import static dev.schemagate.gateway.documents.Requests.error;
import static dev.schemagate.gateway.documents.Requests.post;
import static dev.schemagate.gateway.documents.Requests.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.schemagate.gateway.embedded.SqlScripts;
import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.StatementCounter;
import dev.schemagate.gateway.support.TestDatabases;
import dev.schemagate.gateway.support.TestDatabases.Scratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;

/** Allow-list mode: only the documents of one folder run, by text or by hash, over HTTP and WebSocket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AllowListTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final String RECENT = """
            # the dashboard's list
            query recent($first: Int) {
              conversations(first: $first) { totalCount nodes { id title } }
            }
            """;

    private static final String BY_ID = "query byId($id: ID!) { conversation(id: $id) { id title } }\n";

    private static final String LISTEN = "subscription listen($c: ID) { messageAdded(conversationId: $c) { id content } }\n";

    private static final String DEEP = "{ conversations(first: 1) { nodes { "
            + "messages(first: 1) { nodes { conversation { ".repeat(5) + "id" + " } } }".repeat(5) + " } } }\n";

    @TempDir
    static Path folder;

    private Scratch database;
    private ConfigurableApplicationContext gateway;
    private WebTestClient http;
    private StatementCounter statements;

    @BeforeAll
    void start() throws IOException {
        Files.writeString(folder.resolve("recent.graphql"), RECENT);
        Files.createDirectories(folder.resolve("conversation"));
        Files.writeString(folder.resolve("conversation/byId.graphql"), BY_ID);
        Files.writeString(folder.resolve("listen.graphql"), LISTEN);
        Files.writeString(folder.resolve("deep.graphql"), DEEP);
        Files.writeString(folder.resolve("README.md"), "not a document, not read");
        database = TestDatabases.create(true);
        database.execute(SqlScripts.classpath("fixtures/notify-triggers.sql"));
        gateway = Gateways.start(Gateways.with(database.properties(), "gateway.documents.allow-list=" + folder));
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port()).build();
        statements = gateway.getBean(StatementCounter.class);
    }

    @AfterAll
    void stop() {
        gateway.close();
        database.drop();
    }

    @Test
    void anAllowedDocumentRunsByItsTextOrByTheSameTextFormattedOtherwise() {
        long total = Sql.number(database.client(),
                "select count(*) from (select id from chat.conversations union select id from public.conversations) u");
        String reformatted = "query recent($first:Int){conversations(first:$first){totalCount,nodes{id,title}}}";
        for (String text : List.of(RECENT, reformatted, "# another comment\n" + reformatted)) {
            Map<String, Object> data = data(post(http, body(text, Map.of("first", 2), null)));
            assertThat(data).extracting("conversations").extracting("totalCount").isEqualTo((int) total);
        }
        String id = Sql.string(database.client(), "select id::text from chat.conversations order by id limit 1");
        assertThat(data(post(http, body(BY_ID, Map.of("id", id), null)))).extracting("conversation").extracting("id").isEqualTo(id);
    }

    @Test
    void anAllowedDocumentRunsByTheSha256OfItsFile() throws IOException {
        String fileHash = sha256(Files.readString(folder.resolve("conversation/byId.graphql")));
        List<String> ids = Sql.strings(database.client(), "select id::text from chat.conversations order by id limit 2");
        for (String id : ids) {
            assertThat(data(post(http, body(null, Map.of("id", id), fileHash)))).extracting("conversation").extracting("id").isEqualTo(id);
        }
        assertThat(data(post(http, body(BY_ID, Map.of("id", ids.get(0)), fileHash)))).extracting("conversation").extracting("id")
                .isEqualTo(ids.get(0));
    }

    @Test
    void aClientsOwnHashOfAnAllowedDocumentIsLearnedFromItsText() {
        String compact = "query byId($id:ID!){conversation(id:$id){id title}}";
        String id = Sql.string(database.client(), "select id::text from public.conversations order by id limit 1");
        assertThat(error(post(http, body(null, Map.of("id", id), sha256(compact))))).containsEntry("message", "PersistedQueryNotFound");
        assertThat(data(post(http, body(compact, Map.of("id", id), sha256(compact))))).extracting("conversation").extracting("id").isEqualTo(id);
        assertThat(data(post(http, body(null, Map.of("id", id), sha256(compact))))).extracting("conversation").extracting("id").isEqualTo(id);
    }

    @Test
    void anyOtherDocumentIsRefusedBeforeAnySqlRuns() {
        List<String> others = List.of(
                "{ conversations(first: 1) { totalCount } }",
                "query recent($first: Int) { conversations(first: $first) { totalCount nodes { id title model } } }",
                "query recent($first: Int) { conversations(first: $first) { totalCount nodes { id title } } } { files { totalCount } }",
                "mutation { startConversation(input: { title: \"not allowed\" }) { id } }",
                "{ conversations(first: 1) { totalCount }");
        statements.reset();
        for (String other : others) {
            assertThat(error(post(http, body(other, null, null)))).as(other)
                    .containsEntry("classification", "FORBIDDEN").containsEntry("code", "PERSISTED_QUERY_NOT_ALLOWED");
        }
        assertThat(statements.count()).isZero();
        assertThat(Sql.number(database.client(), "select count(*) from chat.conversations where title = 'not allowed'")).isZero();
    }

    @Test
    void persistedQueriesCannotRegisterOtherDocuments() {
        String other = "# " + UUID.randomUUID() + "\n{ conversations(first: 1) { totalCount } }";
        statements.reset();
        assertThat(error(post(http, body(other, null, sha256(other)))))
                .containsEntry("classification", "FORBIDDEN").containsEntry("code", "PERSISTED_QUERY_NOT_ALLOWED");
        assertThat(error(post(http, body(null, null, sha256(other))))).containsEntry("message", "PersistedQueryNotFound");
        assertThat(statements.count()).isZero();
    }

    @Test
    void anAllowedDocumentOverTheLimitsIsRefusedEveryTime() {
        statements.reset();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> refused = error(post(http, body(DEEP, null, i == 2 ? sha256(DEEP) : null)));
            assertThat(refused).containsEntry("classification", "BAD_REQUEST");
            assertThat((String) refused.get("message")).contains("depth");
        }
        assertThat(statements.count()).isZero();
    }

    @Test
    void subscriptionsOverWebSocketAreAllowListedToo() throws InterruptedException {
        String url = "ws://localhost:" + port() + "/graphql";
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder(url, new ReactorNettyWebSocketClient()).build();
        BlockingQueue<String> refusals = new LinkedBlockingQueue<>();
        socket.document("subscription { messageAdded { id role } }").executeSubscription().toFlux()
                .doOnNext(response -> response.errors().satisfy(errors -> errors.forEach(
                        error -> refusals.add(error.getExtensions().get("classification") + " " + error.getExtensions().get("code")))))
                .doOnError(error -> refusals.add(error.toString()))
                .onErrorComplete().subscribe();
        assertThat(refusals.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("FORBIDDEN PERSISTED_QUERY_NOT_ALLOWED");

        String conversation = Sql.string(database.client(), "select id::text from chat.conversations order by id limit 1");
        BlockingQueue<Map<?, ?>> events = new LinkedBlockingQueue<>();
        Disposable subscription = socket.document(LISTEN).variable("c", conversation).executeSubscription()
                .toFlux("messageAdded", Map.class).subscribe(events::add);
        try {
            Map<?, ?> event = null;
            for (int attempt = 0; attempt < 20 && event == null; attempt++) {
                database.execute("insert into chat.messages (conversation_id, role, content) values ('" + conversation
                        + "', 'user', 'allowed listener " + attempt + "')");
                event = events.poll(500, TimeUnit.MILLISECONDS);
            }
            assertThat(event).as("an event on the allowed subscription").isNotNull();
            assertThat((String) event.get("content")).startsWith("allowed listener");
        }
        finally {
            subscription.dispose();
        }
    }

    @Test
    void aFolderThatCannotServeStopsStartUpNamingEachProblem(CapturedOutput output, @TempDir Path scratch) throws IOException {
        Path broken = Files.createDirectory(scratch.resolve("broken"));
        Files.writeString(broken.resolve("typo.graphql"), "{ conversationz { totalCount } }");
        Files.writeString(broken.resolve("syntax.graphql"), "{ conversations(first: 1) { totalCount }");
        Files.writeString(broken.resolve("fine.graphql"), RECENT);
        assertRefused("gateway.documents.allow-list=" + broken)
                .contains("syntax.graphql: Invalid syntax");
        Files.delete(broken.resolve("syntax.graphql"));
        assertRefused("gateway.documents.allow-list=" + broken)
                .contains("typo.graphql: Validation error (FieldUndefined")
                .doesNotContain("fine.graphql");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("GATEWAY_DOCUMENTS_ALLOW_LIST");

        Path empty = Files.createDirectory(scratch.resolve("empty"));
        assertRefused("gateway.documents.allow-list=" + empty).contains("no .graphql files in");
        assertRefused("gateway.documents.allow-list=" + empty.resolve("missing")).contains("no such folder");
        assertRefused("gateway.documents.allow-list=" + broken.resolve("fine.graphql")).contains("not a folder");
    }

    private org.assertj.core.api.AbstractStringAssert<?> assertRefused(String property) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> Gateways.start(Gateways.with(database.properties(), property)).close())
                .satisfies(ex -> failure[0] = ex);
        Throwable root = failure[0];
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(AllowListException.class);
        assertThat(root.getMessage()).startsWith("The allow-list ");
        return assertThat(root.getMessage());
    }

    private String port() {
        return gateway.getEnvironment().getProperty("local.server.port");
    }
}
