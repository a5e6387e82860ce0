package dev.schemagate.gateway.mutations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.TestDatabases;
import dev.schemagate.gateway.support.TestDatabases.Scratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;


/** Every mutation against a database of its own: effects are checked with SQL, failures write nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationTest {

    private static final String POST = """
            mutation($input: PostMessageInput!) { postMessage(input: $input) {
              id role content metadata idempotencyKey createdAt conversation { id title updatedAt messageCount } } }""";

    private Scratch database;
    private ConfigurableApplicationContext gateway;
    private HttpGraphQlTester graphQl;
    private DatabaseClient sql;

    @BeforeAll
    void start() {
        database = TestDatabases.create(true);
        gateway = Gateways.start(database.properties());
        graphQl = Gateways.graphQl(gateway);
        sql = database.client();
    }

    @AfterAll
    void stop() {
        gateway.close();
        database.drop();
    }

    @Test
    void startConversationWritesToChat() {
        GraphQlTester.Response response = graphQl.document("""
                mutation { startConversation(input: { title: "Kickoff", continuationId: "cont-new-1",
                  sessionId: "3f2c9a4e-8d1b-4c7a-9e2f-5b6d7c8e9f01", metadata: { source: "test", n: [1, 2] } }) {
                  id title continuationId sessionId metadata createdAt updatedAt messageCount } }""").execute();
        UUID id = UUID.fromString(response.path("startConversation.id").entity(String.class).get());
        response.path("startConversation.title").entity(String.class).isEqualTo("Kickoff")
                .path("startConversation.sessionId").entity(String.class).isEqualTo("3f2c9a4e-8d1b-4c7a-9e2f-5b6d7c8e9f01")
                .path("startConversation.metadata.n").entityList(Integer.class).containsExactly(1, 2)
                .path("startConversation.messageCount").entity(Integer.class).isEqualTo(0);
        assertThat(Sql.string(sql, "select title || '|' || continuation_id || '|' || (metadata->>'source') from chat.conversations where id = $1", id))
                .isEqualTo("Kickoff|cont-new-1|test");
        assertThat(Sql.number(sql, "select count(*) from public.conversations where id = $1", id)).isZero();
    }

    @Test
    void postMessageWritesToChatAndBumpsTheConversation() {
        UUID conversation = UUID.fromString(Sql.string(sql, "select id::text from chat.conversations c where not exists "
                + "(select 1 from public.conversations p where p.id = c.id) order by id limit 1"));
        String before = Sql.string(sql, "select updated_at::text from chat.conversations where id = $1", conversation);
        GraphQlTester.Response response = graphQl.document(POST).variable("input", Map.of("conversationId", conversation.toString(),
                "role", "TOOL", "content", "tool output", "metadata", Map.of("tool", "search"))).execute();
        UUID message = UUID.fromString(response.path("postMessage.id").entity(String.class).get());
        response.path("postMessage.role").entity(String.class).isEqualTo("TOOL")
                .path("postMessage.metadata.tool").entity(String.class).isEqualTo("search")
                .path("postMessage.conversation.id").entity(String.class).isEqualTo(conversation.toString());
        assertThat(Sql.string(sql, "select role::text || '|' || content from chat.messages where id = $1", message)).isEqualTo("tool|tool output");
        assertThat(Sql.number(sql, "select count(*) from chat.conversations where id = $1 and updated_at > cast($2 as timestamptz)",
                conversation, before)).isEqualTo(1);
        graphQl.document("query($id: ID!) { conversation(id: $id) { messages(last: 1) { nodes { id } } } }")
                .variable("id", conversation.toString()).execute()
                .path("conversation.messages.nodes[0].id").entity(String.class).isEqualTo(message.toString());
    }

    @Test
    void postingToAConversationOnlyInPublicCopiesItIntoChatFirst() {
        UUID conversation = UUID.fromString(Sql.string(sql, "select id::text from public.conversations p where not exists "
                + "(select 1 from chat.conversations c where c.id = p.id) order by id limit 1"));
        long publicMessages = Sql.number(sql, "select count(*) from public.messages where conversation_id = $1", conversation);
        String title = Sql.string(sql, "select title from public.conversations where id = $1", conversation);

        GraphQlTester.Response response = graphQl.document(POST).variable("input", Map.of("conversationId", conversation.toString(),
                "role", "USER", "content", "crossing the silo")).execute();
        response.path("postMessage.conversation.id").entity(String.class).isEqualTo(conversation.toString())
                .path("postMessage.conversation.title").entity(String.class).isEqualTo(title)
                .path("postMessage.conversation.messageCount").entity(Long.class).isEqualTo(publicMessages + 1);

        assertThat(Sql.string(sql, "select title from chat.conversations where id = $1", conversation)).isEqualTo(title);
        assertThat(Sql.number(sql, "select count(*) from public.conversations where id = $1", conversation)).isEqualTo(1);
        assertThat(Sql.number(sql, "select count(*) from public.messages where conversation_id = $1", conversation)).isEqualTo(publicMessages);
        assertThat(Sql.number(sql, "select count(*) from chat.messages where conversation_id = $1", conversation)).isEqualTo(1);
        graphQl.document("query($id: ID!) { conversation(id: $id) { messages(first: 100) { totalCount } } conversations(first: 1, filter: { continuationId: null }) { totalCount } }")
                .variable("id", conversation.toString()).execute()
                .path("conversation.messages.totalCount").entity(Long.class).isEqualTo(publicMessages + 1);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstMessageAndWritesNothing() {
        UUID conversation = UUID.fromString(Sql.string(sql, "select id::text from chat.conversations order by id desc limit 1"));
        Map<String, Object> input = Map.of("conversationId", conversation.toString(), "role", "USER", "content", "once only",
                "idempotencyKey", "idem-test-1");
        String first = graphQl.document(POST).variable("input", input).execute().path("postMessage.id").entity(String.class).get();
        String updated = Sql.string(sql, "select updated_at::text from chat.conversations where id = $1", conversation);
        String second = graphQl.document(POST).variable("input", input).execute().path("postMessage.id").entity(String.class).get();
        assertThat(second).isEqualTo(first);
        assertThat(Sql.number(sql, "select count(*) from chat.messages where idempotency_key = 'idem-test-1'")).isEqualTo(1);
        assertThat(Sql.string(sql, "select updated_at::text from chat.conversations where id = $1", conversation)).isEqualTo(updated);

        for (Map<String, Object> conflicting : List.of(
                Map.<String, Object>of("conversationId", conversation.toString(), "role", "USER", "content", "different", "idempotencyKey", "idem-test-1"),
                Map.<String, Object>of("conversationId", conversation.toString(), "role", "ASSISTANT", "content", "once only", "idempotencyKey", "idem-test-1"))) {
            assertClassified(graphQl.document(POST).variable("input", conflicting).execute(), "BAD_REQUEST");
        }
        UUID publicOnly = UUID.fromString(Sql.string(sql, "select id::text from public.conversations p where not exists "
                + "(select 1 from chat.conversations c where c.id = p.id) order by id desc limit 1"));
        assertClassified(graphQl.document(POST).variable("input", Map.of("conversationId", publicOnly.toString(), "role", "USER",
                "content", "once only", "idempotencyKey", "idem-test-1")).execute(), "BAD_REQUEST");
        assertThat(Sql.number(sql, "select count(*) from chat.conversations where id = $1", publicOnly))
                .as("a failed post leaves no bridged copy behind").isZero();
        assertThat(Sql.number(sql, "select count(*) from chat.messages where idempotency_key = 'idem-test-1'")).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyAlreadyUsedInPublicReturnsThatMessageAndWritesNothing() {
        UUID existing = UUID.fromString(Sql.string(sql, """
                select m.id::text from public.messages m
                where m.idempotency_key is not null and not exists (select 1 from chat.messages c where c.id = m.id)
                order by m.id limit 1"""));
        String key = Sql.string(sql, "select idempotency_key from public.messages where id = $1", existing);
        String conversation = Sql.string(sql, "select conversation_id::text from public.messages where id = $1", existing);
        String role = Sql.string(sql, "select upper(role::text) from public.messages where id = $1", existing);
        String content = Sql.string(sql, "select content from public.messages where id = $1", existing);
        long before = rows();
        graphQl.document(POST).variable("input", Map.of("conversationId", conversation, "role", role, "content", content,
                "idempotencyKey", key)).execute()
                .path("postMessage.id").entity(String.class).isEqualTo(existing.toString());
        assertThat(rows()).isEqualTo(before);
        assertThat(Sql.number(sql, "select count(*) from chat.messages where idempotency_key = $1", key)).isZero();
        assertClassified(graphQl.document(POST).variable("input", Map.of("conversationId", conversation, "role", role,
                "content", content + " changed", "idempotencyKey", key)).execute(), "BAD_REQUEST");
    }

    @Test
    void metadataWithNumbersJsonCannotHoldIsABadRequest() {
        String body = "{\"query\": \"mutation($m: JSON) { startConversation(input: { metadata: $m }) { id } }\", "
                + "\"variables\": {\"m\": {\"n\": 1e400}}}";
        WebClient client = WebClient.create("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"));
        Map<?, ?> response = client.post().uri("/graphql").header("Content-Type", "application/json").bodyValue(body)
                .retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(10));
        assertThat(String.valueOf(response)).contains("BAD_REQUEST");
    }

    @Test
    void fiftySimultaneousIdenticalPostsLeaveOneRowAndOneId() {
        UUID conversation = UUID.fromString(Sql.string(sql, "select id::text from public.conversations p where not exists "
                + "(select 1 from chat.conversations c where c.id = p.id) order by id offset 3 limit 1"));
        Map<String, Object> body = Map.of("query", "mutation($input: PostMessageInput!) { postMessage(input: $input) { id } }",
                "variables", Map.of("input", Map.of("conversationId", conversation.toString(), "role", "USER",
                        "content", "exactly once", "idempotencyKey", "concurrent-50")));
        WebClient client = WebClient.create("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"));
        List<String> ids = Flux.range(0, 50)
                .flatMap(i -> client.post().uri("/graphql").bodyValue(body).retrieve().bodyToMono(Map.class)
                        .map(MutationTest::postedId), 50)
                .collectList()
                .block(Duration.ofSeconds(60));
        assertThat(ids).hasSize(50).doesNotContainNull();
        assertThat(ids.stream().distinct()).hasSize(1);
        assertThat(Sql.number(sql, "select count(*) from chat.messages where idempotency_key = 'concurrent-50'")).isEqualTo(1);
        assertThat(Sql.number(sql, "select count(*) from chat.conversations where id = $1", conversation)).isEqualTo(1);
    }

    @Test
    void attachFileAddsOneLinkAndShowsTheFile() {
        UUID conversation = UUID.fromString(Sql.string(sql, "select id::text from public.conversations p where not exists "
                + "(select 1 from chat.conversations c where c.id = p.id) order by id offset 1 limit 1"));
        UUID file = UUID.fromString(Sql.string(sql, "select id::text from public.files where expires_at is null and conversation_id is null "
                + "and id not in (select file_id from chat.conversation_files) order by id limit 1"));
        String document = "mutation($c: ID!, $f: ID!) { attachFile(conversationId: $c, fileId: $f) { id files { id } } }";
        for (int i = 0; i < 2; i++) {
            graphQl.document(document).variable("c", conversation.toString()).variable("f", file.toString()).execute()
                    .path("attachFile.id").entity(String.class).isEqualTo(conversation.toString())
                    .path("attachFile.files[*].id").entityList(String.class).contains(file.toString());
        }
        assertThat(Sql.number(sql, "select count(*) from chat.conversation_files where conversation_id = $1 and file_id = $2",
                conversation, file)).isEqualTo(1);
        assertThat(Sql.number(sql, "select count(*) from chat.conversations where id = $1", conversation)).isEqualTo(1);
    }

    @Test
    void rememberMemoryWritesToAiManager() {
        UUID conversation = UUID.fromString(Sql.string(sql, "select id::text from chat.conversations order by id limit 1"));
        GraphQlTester.Response response = graphQl.document("""
                mutation($c: ID) { rememberMemory(input: { conversationId: $c, userId: "user-77", kind: "preference",
                  content: "prefers tea", importance: 0.3, metadata: { from: "test" } }) {
                  id kind content importance userId metadata conversation { id } } }""")
                .variable("c", conversation.toString()).execute();
        UUID memory = UUID.fromString(response.path("rememberMemory.id").entity(String.class).get());
        response.path("rememberMemory.importance").entity(Double.class).isEqualTo(0.3)
                .path("rememberMemory.conversation.id").entity(String.class).isEqualTo(conversation.toString());
        assertThat(Sql.string(sql, "select user_id || '|' || kind || '|' || content || '|' || importance from ai_manager.memories where id = $1", memory))
                .isEqualTo("user-77|preference|prefers tea|0.3");
        graphQl.document("mutation { rememberMemory(input: { kind: \"fact\", content: \"no conversation\" }) { importance conversation { id } } }")
                .execute()
                .path("rememberMemory.importance").entity(Double.class).isEqualTo(0.5)
                .path("rememberMemory.conversation").valueIsNull();
    }

    @Test
    void badInputIsClassifiedAndWritesNothing() {
        long before = rows();
        UUID chat = UUID.fromString(Sql.string(sql, "select id::text from chat.conversations order by id limit 1"));
        UUID publicOnly = UUID.fromString(Sql.string(sql, "select id::text from public.conversations p where not exists "
                + "(select 1 from chat.conversations c where c.id = p.id) order by id offset 2 limit 1"));
        String missing = "00000000-0000-4000-8000-00000000dead";
        String file = Sql.string(sql, "select id::text from public.files order by id limit 1");

        assertClassified(post(Map.of("conversationId", missing, "role", "USER", "content", "x")), "NOT_FOUND");
        assertClassified(post(Map.of("conversationId", "not-a-uuid", "role", "USER", "content", "x")), "BAD_REQUEST");
        assertClassified(post(Map.of("conversationId", publicOnly.toString(), "role", "USER", "content", "")), "BAD_REQUEST");
        assertClassified(post(Map.of("conversationId", publicOnly.toString(), "role", "USER", "content", "   ")), "BAD_REQUEST");
        assertClassified(post(Map.of("conversationId", publicOnly.toString(), "role", "USER", "content", "x".repeat(1_048_577))), "BAD_REQUEST");
        assertClassified(post(Map.of("conversationId", chat.toString(), "role", "USER", "content", "x", "metadata", List.of(1, 2))), "BAD_REQUEST");
        assertClassified(post(Map.of("conversationId", chat.toString(), "role", "USER", "content", "x", "metadata", "text")), "BAD_REQUEST");
        assertClassified(post(Map.of("conversationId", chat.toString(), "role", "WIZARD", "content", "x")), "BAD_REQUEST");
        assertClassified(graphQl.document("mutation($c: ID!, $f: ID!) { attachFile(conversationId: $c, fileId: $f) { id } }")
                .variable("c", missing).variable("f", file).execute(), "NOT_FOUND");
        assertClassified(graphQl.document("mutation($c: ID!, $f: ID!) { attachFile(conversationId: $c, fileId: $f) { id } }")
                .variable("c", publicOnly.toString()).variable("f", missing).execute(), "NOT_FOUND");
        assertClassified(remember("{ kind: \"fact\", content: \"x\", importance: 1.01 }"), "BAD_REQUEST");
        assertClassified(remember("{ kind: \"fact\", content: \"x\", importance: -0.1 }"), "BAD_REQUEST");
        assertClassified(remember("{ kind: \"fact\", content: \"\" }"), "BAD_REQUEST");
        assertClassified(remember("{ kind: \"fact\", content: \"x\", metadata: [1] }"), "BAD_REQUEST");
        assertClassified(remember("{ kind: \"fact\", content: \"x\", conversationId: \"" + missing + "\" }"), "NOT_FOUND");
        assertClassified(graphQl.document("mutation { startConversation(input: { metadata: 5 }) { id } }").execute(), "BAD_REQUEST");

        assertThat(rows()).isEqualTo(before);
        assertThat(Sql.number(sql, "select count(*) from chat.conversations where id = $1", publicOnly)).isZero();
    }

    private GraphQlTester.Response post(Map<String, Object> input) {
        return graphQl.document(POST).variable("input", input).execute();
    }

    private GraphQlTester.Response remember(String input) {
        return graphQl.document("mutation { rememberMemory(input: " + input + ") { id } }").execute();
    }

    private long rows() {
        return Sql.number(sql, """
                select (select count(*) from chat.conversations) + (select count(*) from chat.messages)
                     + (select count(*) from chat.conversation_files) + (select count(*) from ai_manager.memories)
                     + (select count(*) from public.conversations) + (select count(*) from public.messages)""");
    }

    private static void assertClassified(GraphQlTester.Response response, String classification) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", classification)));
    }

    @SuppressWarnings("unchecked")
    private static String postedId(Map<?, ?> response) {
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        Map<String, Object> post = data == null ? null : (Map<String, Object>) data.get("postMessage");
        return post == null ? "error: " + response.get("errors") : (String) post.get("id");
    }

}
