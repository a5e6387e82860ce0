package dev.schemagate.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.Sql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The bad-input matrix: each hostile request over HTTP gets a 4xx or a classified GraphQL
 * error within a second, never a 5xx, a stack trace or a secret, and leaves the tables intact.
 */
class BadInputMatrixTest extends GatewayHttpTest {

    private static final String SQLISH = "'; drop table chat.messages; -- \" or 1=1 /*";

    static Stream<Arguments> requests() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(raw("invalid JSON", "{\"query\": \"{ __typename }\""));
        cases.add(raw("not JSON at all", "hello"));
        cases.add(raw("empty body", ""));
        cases.add(raw("query is a number", "{\"query\": 42}"));
        cases.add(raw("query is null", "{\"query\": null}"));
        cases.add(raw("variables is a string", "{\"query\": \"{ __typename }\", \"variables\": \"x\"}"));
        cases.add(raw("variables is an array", "{\"query\": \"{ __typename }\", \"variables\": [1]}"));
        cases.add(raw("operationName is an object", "{\"query\": \"{ __typename }\", \"operationName\": {}}"));
        cases.add(raw("a JSON array batch", "[{\"query\": \"{ __typename }\"}]"));
        cases.add(raw("broken UTF-8", new String(new byte[] { '{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' },
                StandardCharsets.ISO_8859_1)));
        cases.add(query("NUL byte in the document", "{ conversations(filter: { titleContains: \"a\u0000b\" }) { totalCount } }"));
        cases.add(query("token bomb", "{ " + "__typename ".repeat(20_000) + "}"));
        cases.add(query("character bomb", "{ __typename }" + "#".repeat(1_100_000)));
        cases.add(query("nesting bomb", "{ " + "conversations { nodes { ".repeat(300) + "id" + " } }".repeat(300) + " }"));
        cases.add(query("brace bomb", "{".repeat(5_000)));
        cases.add(query("directive overloading", "{ __typename " + "@include(if: true) ".repeat(2_000) + "}"));
        cases.add(query("cyclic fragments", "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"));
        cases.add(query("self-referencing fragment", "query { ...A } fragment A on Query { conversations { nodes { ...A } } }"));
        cases.add(query("alias bomb", "{ " + "c: __typename ".repeat(5_000) + "}"));
        cases.add(query("10,000 duplicated fields", "{ " + "__typename ".repeat(10_000) + "}"));
        cases.add(query("10,000 duplicated nested fields", "{ conversations(first: 1) { nodes { " + "id ".repeat(10_000) + "} } }"));
        cases.add(query("unknown field", "{ secrets { value } }"));
        cases.add(query("unknown type in fragment", "{ ... on Secret { value } }"));
        cases.add(query("introspecting for secrets", "{ __type(name: \"Secret\") { fields { name } } }"));
        cases.add(query("huge integer", "{ conversations(first: 99999999999999999999) { totalCount } }"));
        cases.add(query("huge negative integer", "{ conversations(last: -2147483649) { totalCount } }"));
        cases.add(query("float for Int", "{ conversations(first: 1.5) { totalCount } }"));
        cases.add(query("string for Int", "{ conversations(first: \"1\") { totalCount } }"));
        cases.add(query("object for ID", "{ conversation(id: { a: 1 }) { id } }"));
        cases.add(query("list for filter", "{ conversations(filter: [1]) { totalCount } }"));
        cases.add(query("unknown enum", "{ conversations(orderBy: { field: SECRET, direction: ASC }) { totalCount } }"));
        cases.add(query("mutation with a wrong input type", "mutation { postMessage(input: \"x\") { id } }"));
        cases.add(query("subscription over HTTP without SSE", "subscription { messageAdded { id } }"));
        cases.add(query("two anonymous operations", "{ __typename } { __typename }"));
        cases.add(query("unknown operation name", "query A { __typename }", Map.of(), "B"));
        cases.add(query("variables of the wrong type", "query($n: Int) { conversations(first: $n) { totalCount } }", Map.of("n", "ten"), null));
        cases.add(query("undeclared variable", "{ conversations(first: $n) { totalCount } }"));
        cases.add(query("a huge variable integer", "query($n: Int) { conversations(first: $n) { totalCount } }",
                Map.of("n", new java.math.BigInteger("123456789012345678901234567890")), null));
        for (String argument : List.of("continuationId", "titleContains", "sessionId")) {
            cases.add(query("SQL in conversations." + argument,
                    "query($v: String) { conversations(filter: { " + argument + ": $v }) { totalCount nodes { id } } }".replace("String", argument.equals("sessionId") ? "ID" : "String"),
                    Map.of("v", SQLISH), null));
        }
        for (String argument : List.of("userId", "kind", "conversationId")) {
            cases.add(query("SQL in memories." + argument,
                    "query($v: " + (argument.equals("conversationId") ? "ID" : "String") + ") { memories(filter: { " + argument + ": $v }) { totalCount } }",
                    Map.of("v", SQLISH), null));
        }
        for (String field : List.of("conversation", "message", "file", "memory", "node")) {
            cases.add(query("SQL as the id of " + field, "query($v: ID!) { " + field + "(id: $v) { id } }", Map.of("v", SQLISH), null));
        }
        cases.add(query("SQL as a cursor", "query($v: String) { conversations(after: $v) { totalCount } }", Map.of("v", SQLISH), null));
        cases.add(query("SQL as a before cursor", "query($v: String) { files(before: $v, last: 1) { totalCount } }", Map.of("v", SQLISH), null));
        cases.add(query("SQL in startConversation", "mutation($v: String) { startConversation(input: { title: $v, continuationId: $v }) { id title } }",
                Map.of("v", SQLISH), null));
        cases.add(query("SQL in postMessage", "mutation($v: String!) { postMessage(input: { conversationId: $v, role: USER, content: $v, idempotencyKey: $v }) { id } }",
                Map.of("v", SQLISH), null));
        cases.add(query("SQL in rememberMemory", "mutation($v: String!) { rememberMemory(input: { kind: $v, content: $v, userId: $v }) { id kind } }",
                Map.of("v", SQLISH), null));
        cases.add(query("SQL in attachFile", "mutation($v: ID!) { attachFile(conversationId: $v, fileId: $v) { id } }", Map.of("v", SQLISH), null));
        cases.add(query("SQL in JSON metadata", "mutation($m: JSON) { startConversation(input: { metadata: $m }) { id metadata } }",
                Map.of("m", Map.of(SQLISH, SQLISH)), null));
        cases.add(query("SQL as operation name", "query A { __typename }", Map.of(), SQLISH));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void isAClientErrorOrAClassifiedGraphQlError(String description, HttpMethod method, String body) {
        long started = System.nanoTime();
        EntityExchangeResult<byte[]> result = http.method(method).uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody().returnResult();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        HostileResponses.assertSafe(description, result.getStatus().value(), result.getResponseBody());
        assertThat(took).as(description).isLessThan(Duration.ofSeconds(1));
        assertThat(Sql.number(sql, "select count(*) from information_schema.tables where table_schema in ('chat', 'public', 'ai_manager')"))
                .as("tables intact after %s", description).isGreaterThanOrEqualTo(13);
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("getRequests")
    void getRequestsAreClientErrorsToo(String description, String query) {
        EntityExchangeResult<byte[]> result = http.get().uri(builder -> builder.path("/graphql").queryParam("query", "{query}").build(query))
                .accept(MediaType.APPLICATION_JSON)
                .exchange().expectBody().returnResult();
        HostileResponses.assertSafe(description, result.getStatus().value(), result.getResponseBody());
        assertThat(result.getStatus().is4xxClientError()).as(description).isTrue();
    }

    static Stream<Arguments> getRequests() {
        return Stream.of(
                Arguments.of("a mutation", "mutation { startConversation(input: {}) { id } }"),
                Arguments.of("a query", "{ __typename }"));
    }

    private static Arguments raw(String description, String body) {
        return Arguments.of(description, HttpMethod.POST, body);
    }

    private static Arguments query(String description, String document) {
        return query(description, document, Map.of(), null);
    }

    private static Arguments query(String description, String document, Map<String, Object> variables, String operationName) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        return Arguments.of(description, HttpMethod.POST, new tools.jackson.databind.json.JsonMapper().writeValueAsString(body));
    }
}
