package dev.schemagate.gateway.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.schemagate.gateway.support.Gateways;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Random valid and invalid operations built from the schema (roots, arguments of every type
 * with hostile values, nested selections, mutations) and random garbage: every answer is a
 * 4xx or carries contract-classified errors, never a 5xx, a stack trace or a secret.
 */
class GeneratedQueryProperties {

    private static ConfigurableApplicationContext gateway;
    private static WebTestClient http;

    @BeforeContainer
    static void start() {
        gateway = Gateways.start();
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterContainer
    static void stop() {
        gateway.close();
    }

    @Property(tries = 250)
    void generatedOperationsAreAnsweredSafely(@ForAll("operations") Map<String, Object> body) {
        EntityExchangeResult<byte[]> result = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectBody().returnResult();
        HostileResponses.assertSafe(String.valueOf(body), result.getStatus().value(), result.getResponseBody());
    }

    @Property(tries = 150)
    void garbageDocumentsAreAnsweredSafely(@ForAll("garbage") String document) {
        EntityExchangeResult<byte[]> result = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document)).exchange().expectBody().returnResult();
        HostileResponses.assertSafe(document, result.getStatus().value(), result.getResponseBody());
    }

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "(", ")", "[", "]", ":", "$", "...", "@", "!", "=", "\"", "query",
                "mutation", "subscription", "fragment", "on", "conversations", "node", "id", "first", "after", "filter", "__schema",
                "__typename", "1", "-1", "1e309", "null", "true", "\\u0000", "#", ",", "\n");
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                tokens.list().ofMaxSize(80).map(list -> String.join(" ", list)));
    }

    @Provide
    Arbitrary<Map<String, Object>> operations() {
        return Arbitraries.oneOf(queries(), mutations());
    }

    private static Arbitrary<Object> hostileValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.of("'; drop table chat.messages; --", "\" or 1=1 --", "00000000-0000-4000-8000-000000000000",
                        "3F2C9A4E-8D1B-4C7A-9E2F-5B6D7C8E9F01", "", " ", "null", "9999-12-31T23:59:59Z", "0000-00-00",
                        "+999999999-12-31T23:59:59Z", "Y29udmVyc2F0aW9uczpVUERBVEVEX0FUOkRFU0N8eHx5").map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just((Object) List.of(1, "x")),
                Arbitraries.just((Object) Map.of("a", List.of(Map.of("b", "c"))))).injectNull(0.1);
    }

    private static Arbitrary<Map<String, Object>> queries() {
        Arbitrary<String> root = Arbitraries.of(
                "conversations(first: $a, after: $b, filter: { continuationId: $c, titleContains: $d, sessionId: $e, updatedAfter: $f })",
                "conversations(last: $a, before: $b, orderBy: { field: TITLE, direction: DESC })",
                "files(first: $a, after: $b, filter: { conversationId: $c, includeExpired: $g })",
                "memories(first: $a, filter: { userId: $c, kind: $d, conversationId: $e })",
                "conversation(id: $c)", "message(id: $c)", "file(id: $c)", "memory(id: $c)", "node(id: $c)");
        Arbitrary<String> selection = Arbitraries.of(
                "{ totalCount pageInfo { hasNextPage endCursor } nodes { id } }",
                "{ edges { cursor node { id } } }",
                "{ nodes { id title metadata messages(first: $a, role: $h) { totalCount nodes { id role embedding conversation { id } } } } }",
                "{ nodes { id files(includeExpired: $g) { id expired platformUploads { platform } conversations { id } } memories(first: $a) { id } } }",
                "{ id }", "{ __typename }", "{ ... on Conversation { id model summary tokenCount messageCount } }",
                "{ nodes { id } }");
        return Combinators.combine(root, selection, hostileValue().list().ofSize(8)).as((r, s, values) -> {
            String document = "query($a: Int, $b: String, $c: ID, $d: String, $e: ID, $f: DateTime, $g: Boolean, $h: Role) { result: "
                    + r + " " + s + " }";
            return body(document, values);
        });
    }

    private static Arbitrary<Map<String, Object>> mutations() {
        Arbitrary<String> mutation = Arbitraries.of(
                "startConversation(input: { title: $d, continuationId: $d, sessionId: $c, metadata: $j }) { id }",
                "postMessage(input: { conversationId: $c, role: $h, content: $d, metadata: $j, idempotencyKey: $d }) { id }",
                "attachFile(conversationId: $c, fileId: $e) { id }",
                "rememberMemory(input: { conversationId: $c, userId: $d, kind: $d, content: $d, importance: $k, metadata: $j }) { id }");
        return Combinators.combine(mutation, hostileValue().list().ofSize(11)).as((m, values) -> body(
                "mutation($a: Int, $b: String, $c: ID, $d: String, $e: ID, $f: DateTime, $g: Boolean, $h: Role, $i: String, $j: JSON, $k: Float) { result: "
                        + m + " }", values));
    }

    private static Map<String, Object> body(String document, List<Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"));
        for (int i = 0; i < values.size() && i < names.size(); i++) {
            variables.put(names.get(i), values.get(i));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return body;
    }
}
