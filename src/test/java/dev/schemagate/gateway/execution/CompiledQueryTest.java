package dev.schemagate.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.StatementCounter;
import dev.schemagate.gateway.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compiled path against the resolvers: two gateways on one database, one compiling
 * queries into a single statement and one running them through DataLoaders, must give the
 * same response to every document, and the compiled one must send exactly one statement
 * where it compiles and fall back where it does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompiledQueryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String CONVERSATION_FIELDS = """
            __typename id continuationId title metadata sessionId createdAt updatedAt model summary tokenCount messageCount""";
    private static final String MESSAGE_FIELDS = "__typename id role content metadata createdAt idempotencyKey";
    private static final String FILE_FIELDS = "__typename id filename mimeType sizeBytes sha256 createdAt expiresAt expired";
    private static final String MEMORY_FIELDS = "__typename id userId kind content importance metadata createdAt lastAccessedAt";
    private static final String PAGE_INFO = "pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }";

    private TestDatabases.Scratch database;
    private ConfigurableApplicationContext compiled;
    private ConfigurableApplicationContext resolvers;
    private DatabaseClient sql;

    @BeforeAll
    void start() {
        database = TestDatabases.create(true);
        compiled = Gateways.start(database.properties());
        resolvers = Gateways.start(Gateways.with(database.properties(), "gateway.execution.compile=false"));
        sql = database.client();
    }

    @AfterAll
    void stop() {
        compiled.close();
        resolvers.close();
        database.drop();
    }

    static List<String> compilable() {
        return List.of(
                "{ conversations(first: 50) { __typename totalCount " + PAGE_INFO + " edges { __typename cursor node { id } } nodes { "
                        + CONVERSATION_FIELDS + " messages(first: 5) { totalCount " + PAGE_INFO + " edges { cursor node { id } } nodes { "
                        + MESSAGE_FIELDS + " conversation { id title } } } files(includeExpired: true) { " + FILE_FIELDS
                        + " } unexpired: files { id } memories(first: 3) { " + MEMORY_FIELDS + " conversation { id } } } } }",
                "{ conversations(first: 7, orderBy: { field: TITLE, direction: ASC }) { " + PAGE_INFO + " nodes { id title } } }",
                "{ conversations(first: 7, orderBy: { field: TITLE, direction: DESC }) { " + PAGE_INFO + " nodes { id title } } }",
                "{ conversations(first: 9, orderBy: { field: CREATED_AT, direction: ASC }) { " + PAGE_INFO + " edges { cursor } } }",
                "{ conversations(last: 6) { " + PAGE_INFO + " edges { cursor node { id updatedAt } } } }",
                "{ conversations(last: 4, orderBy: { field: CREATED_AT, direction: DESC }) { " + PAGE_INFO + " nodes { id } } }",
                "{ conversations(first: 0) { totalCount " + PAGE_INFO + " nodes { id } } }",
                "{ conversations(first: 1) { totalCount } }",
                "{ conversations(first: 2) { __typename } }",
                "{ conversations(first: 2) { pageInfo { hasNextPage endCursor } } }",
                "{ conversations(filter: { titleContains: \"CONVERSATION\" }) { totalCount nodes { id title } } }",
                "{ conversations(filter: { titleContains: \"no title has this\" }) { totalCount " + PAGE_INFO + " nodes { id } } }",
                "{ conversations(filter: { updatedAfter: \"2026-01-01T00:00:00Z\" }, first: 100) { totalCount nodes { id } } }",
                "{ a: conversations(first: 2) { nodes { id } } b: conversations(first: 3, orderBy: { field: TITLE, direction: ASC }) { nodes { id } } }",
                "{ conversations(first: 20) { nodes { id desc: messages(last: 3, orderBy: { field: CREATED_AT, direction: DESC }) { "
                        + PAGE_INFO + " nodes { id createdAt } } tools: messages(role: TOOL) { totalCount nodes { id role } } "
                        + "none: messages(first: 0) { totalCount " + PAGE_INFO + " } } } }",
                "query($include: Boolean!, $skip: Boolean!) { conversations(first: 5) { nodes { ...parts title @include(if: $include) "
                        + "updatedAt @skip(if: $skip) } } } fragment parts on Conversation { id model }",
                "{ __typename conversations(first: 3) { __typename nodes { __typename id } } }",
                "{ files(first: 5, filter: { includeExpired: true }) { totalCount " + PAGE_INFO + " edges { cursor node { "
                        + FILE_FIELDS + " } } } unexpired: files(last: 3) { totalCount nodes { id expired } } }",
                "{ memories(first: 7) { totalCount " + PAGE_INFO + " edges { cursor } nodes { " + MEMORY_FIELDS
                        + " conversation { id title } } } facts: memories(filter: { kind: \"fact\" }) { totalCount nodes { id kind } } }",
                "{ memories: conversations(first: 30) { nodes { id memories(first: 100) { id conversation { id memories(first: 1) { id } } } } } }");
    }

    @ParameterizedTest
    @MethodSource("compilable")
    void compilableQueriesRunAsOneStatementWithTheResolversAnswer(String document) {
        compilableThroughBoth(document, Map.of("include", true, "skip", false));
    }

    @Test
    void lookupsByIdCompileWithTheirNestedFields() {
        String conversation = Sql.strings(sql, "select id::text from public.conversations order by id limit 1").get(0);
        String message = Sql.strings(sql, "select id::text from chat.messages order by id limit 1").get(0);
        String file = Sql.strings(sql, "select id::text from public.files order by id limit 1").get(0);
        String memory = Sql.strings(sql, "select id::text from ai_manager.memories order by id limit 1").get(0);
        String conversationFiles = Sql.strings(sql, "select conversation_id::text from public.files where conversation_id is not null "
                + "order by id limit 1").get(0);
        String document = "query($c: ID!, $m: ID!, $f: ID!, $y: ID!, $cf: ID!, $none: ID!) { f: file(id: $f) { " + FILE_FIELDS
                + " } y: memory(id: $y) { " + MEMORY_FIELDS + " conversation { id } } byConversation: files(filter: "
                + "{ conversationId: $cf, includeExpired: true }) { totalCount nodes { id } } noFile: file(id: $none) { id } "
                + "c: conversation(id: $c) { " + CONVERSATION_FIELDS
                + " messages(first: 3) { nodes { id } } } m: message(id: $m) { " + MESSAGE_FIELDS
                + " conversation { id messages(last: 2) { nodes { id } } } } missing: conversation(id: $none) { id } "
                + "gone: message(id: $none) { id } }";
        Map<String, Object> variables = Map.of("c", conversation, "m", message, "f", file, "y", memory, "cf", conversationFiles,
                "none", "00000000-0000-0000-0000-000000000000");
        compilableThroughBoth(document, variables);
    }

    @Test
    void cursorsOfTheCompiledPathWalkTheSamePagesBothWays() {
        for (String order : List.of("{ field: UPDATED_AT, direction: DESC }", "{ field: TITLE, direction: ASC }")) {
            List<JsonNode> forward = walk(compiled, order, "first", "after", "endCursor", "hasNextPage");
            assertThat(forward).isEqualTo(walk(resolvers, order, "first", "after", "endCursor", "hasNextPage"));
            List<JsonNode> backward = walk(compiled, order, "last", "before", "startCursor", "hasPreviousPage");
            assertThat(backward).isEqualTo(walk(resolvers, order, "last", "before", "startCursor", "hasPreviousPage"));
            assertThat(forward).hasSizeGreaterThan(2);
        }
    }

    @Test
    void aMessageWhoseConversationNoRoutedTableHoldsGetsTheResolversError() {
        String[] chatConversationsOnly = Gateways.with(database.properties(), "gateway.routing.conversation.reads=chat.conversations");
        String message = Sql.strings(sql, """
                select m.id::text from public.messages m
                where not exists (select 1 from chat.conversations c where c.id = m.conversation_id) order by m.id limit 1""").get(0);
        String document = "query($id: ID!) { message(id: $id) { id content conversation { id title } } }";
        try (ConfigurableApplicationContext compiling = Gateways.start(chatConversationsOnly);
                ConfigurableApplicationContext resolving = Gateways.start(Gateways.with(chatConversationsOnly,
                        "gateway.execution.compile=false"))) {
            JsonNode expected = post(resolving, document, Map.of("id", message));
            JsonNode actual = post(compiling, document, Map.of("id", message));

            assertThat(expected.path("errors")).isNotEmpty();
            assertThat(actual.path("data")).isEqualTo(expected.path("data"));
            assertThat(actual.path("errors").get(0).path("path")).isEqualTo(expected.path("errors").get(0).path("path"));
            assertThat(actual.path("errors").get(0).path("extensions"))
                    .isEqualTo(expected.path("errors").get(0).path("extensions"));
        }
    }

    static List<String> declined() {
        return List.of(
                "{ conversations(first: 5) { nodes { id messages(first: 2) { nodes { id embedding } } } } }",
                "{ conversations(first: 5) { nodes { id files(includeExpired: true) { id platformUploads { platform } conversations { id } } } } }",
                "{ node(id: \"00000000-0000-0000-0000-000000000000\") { id } conversations(first: 2) { nodes { id } } }");
    }

    @ParameterizedTest
    @MethodSource("declined")
    void queriesItCannotCompileRunThroughTheResolvers(String document) {
        JsonNode expected = post(resolvers, document, Map.of());
        StatementCounter statements = compiled.getBean(StatementCounter.class);
        statements.reset();
        JsonNode actual = post(compiled, document, Map.of());

        assertThat(actual.has("errors")).as("%s", actual).isFalse();
        assertThat(actual).isEqualTo(expected);
        assertThat(statements.statements()).noneMatch(s -> s.startsWith("select (json_build_object"));
    }

    static List<String> badInput() {
        return List.of(
                "{ conversation(id: \"not-a-uuid\") { id } }",
                "{ conversations(first: -1) { nodes { id } } }",
                "{ conversations(first: 1000) { nodes { id } } }",
                "{ conversations(first: 2, last: 2) { nodes { id } } }",
                "{ conversations(after: \"bm90IGEgY3Vyc29y\") { nodes { id } } }",
                "{ conversations(first: 2) { nodes { id memories(first: -5) { id } } } }",
                "{ conversations(filter: { sessionId: \"x\" }) { nodes { id } } }",
                "{ message(id: \"00000000-0000-0000-0000-00000000000g\") { id } }",
                "{ memories(filter: { conversationId: \"nope\" }) { nodes { id } } }",
                "{ files(first: 101) { nodes { id } } }");
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badArgumentsGiveTheResolversError(String document) {
        JsonNode expected = post(resolvers, document, Map.of());
        JsonNode actual = post(compiled, document, Map.of());

        assertThat(actual.path("errors")).isNotEmpty();
        assertThat(actual.path("errors").get(0).path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(actual).isEqualTo(expected);
    }

    /** Both gateways give the same answer without errors, and the compiling one sends one statement for it. */
    private void compilableThroughBoth(String document, Map<String, Object> variables) {
        JsonNode expected = post(resolvers, document, variables);
        StatementCounter statements = compiled.getBean(StatementCounter.class);
        statements.reset();
        JsonNode actual = post(compiled, document, variables);
        assertThat(actual.has("errors")).as("%s", actual).isFalse();
        assertThat(difference(expected, actual, "")).isNull();
        assertThat(statements.count()).as("%s", statements.statements()).isEqualTo(1);
    }

    /** The first place two responses differ, as a path and both values; null where they are equal. */
    private static String difference(JsonNode expected, JsonNode actual, String path) {
        if (expected.equals(actual)) {
            return null;
        }
        if (expected.isObject() && actual.isObject() && expected.size() == actual.size()) {
            for (String name : expected.propertyNames()) {
                String found = difference(expected.path(name), actual.path(name), path + "." + name);
                if (found != null) {
                    return found;
                }
            }
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String found = difference(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        String expectedText = expected.toString();
        String actualText = actual.toString();
        return path + ": expected " + expectedText.substring(0, Math.min(300, expectedText.length())) + " but was "
                + actualText.substring(0, Math.min(300, actualText.length()));
    }

    private List<JsonNode> walk(ConfigurableApplicationContext gateway, String order, String size, String cursorArgument,
            String cursorField, String more) {
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 100; i++) {
            String position = cursor == null ? "" : ", " + cursorArgument + ": \"" + cursor + "\"";
            JsonNode page = post(gateway, "{ conversations(" + size + ": 7, orderBy: " + order + position + ") { "
                    + PAGE_INFO + " edges { cursor node { id title updatedAt } } } }", Map.of()).path("data").path("conversations");
            pages.add(page);
            if (!page.path("pageInfo").path(more).asBoolean()) {
                return pages;
            }
            cursor = page.path("pageInfo").path(cursorField).asString();
        }
        throw new AssertionError("more than 100 pages");
    }

    private static JsonNode post(ConfigurableApplicationContext gateway, String document, Map<String, Object> variables) {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        String response = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(response);
    }
}
