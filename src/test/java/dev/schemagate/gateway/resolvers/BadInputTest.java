package dev.schemagate.gateway.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.schemagate.gateway.support.GatewayHttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

/** Bad input is a classified GraphQL error with a plain message, never a 500 or a database error. */
class BadInputTest extends GatewayHttpTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{ conversation(id: \"not-a-uuid\") { id } }",
            "{ message(id: \"1-1-1-1-1\") { id } }",
            "{ file(id: \"'; drop table public.files; --\") { id } }",
            "{ memory(id: \"\") { id } }",
            "{ conversations(filter: { sessionId: \"abc\" }) { totalCount } }",
            "{ files(filter: { conversationId: \"abc\" }) { totalCount } }",
            "{ memories(filter: { conversationId: \"abc\" }) { totalCount } }",
            "{ conversations(first: 101) { totalCount } }",
            "{ conversations(first: -1) { totalCount } }",
            "{ files(first: 1000) { totalCount } }",
            "{ memories(first: -5) { totalCount } }",
            "{ conversations(first: 1) { nodes { messages(first: 101) { totalCount } } } }",
            "{ conversations(first: 1) { nodes { memories(first: -1) { id } } } }",
            "{ conversations(after: \"garbage\") { totalCount } }",
            "{ conversations(first: 1) { nodes { messages(first: 1, role: WIZARD) { totalCount } } } }",
            "{ conversations(filter: { updatedAfter: \"yesterday\" }) { totalCount } }",
            "{ conversations(first: \"ten\") { totalCount } }",
            "{ conversations(filter: { titleContains: \"a\\u0000b\" }) { totalCount } }",
            "{ memories(filter: { userId: \"\\u0000\" }) { totalCount } }",
            "{ conversations(filter: { updatedAfter: \"+999999999-12-31T23:59:59Z\" }) { totalCount } }",
            "{ conversations(filter: { updatedBefore: \"0000-01-01T00:00:00Z\" }) { totalCount } }" })
    void isABadRequest(String document) {
        assertBadRequest(graphQl.document(document).execute());
    }

    @Test
    void anUnknownEnumValueInVariablesIsABadRequest() {
        assertBadRequest(graphQl.document("query($role: Role) { conversations(first: 1) { nodes { messages(role: $role) { totalCount } } } }")
                .variable("role", "WIZARD").execute());
    }

    @Test
    void aNulCharacterInVariablesIsABadRequest() {
        assertBadRequest(graphQl.document("query($t: String) { conversations(filter: { continuationId: $t }) { totalCount } }")
                .variable("t", "x\u0000y").execute());
    }

    @Test
    void anUnpairedSurrogateInVariablesIsABadRequest() {
        assertBadRequest(graphQl.document("query($t: String) { conversations(filter: { titleContains: $t }) { totalCount } }")
                .variable("t", "x\ud800y").execute());
    }

    @Test
    void aSubscriptionSentAsAPlainJsonPostIsABadRequest() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "subscription { messageAdded { id } }")).exchange()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.data").doesNotExist();
    }

    @Test
    void requestsOfTheWrongShapeGetAClientErrorWithAGraphQlBody() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
        http.get().uri("/graphql?query={q}", "{ __typename }").exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
        http.post().uri("/graphql").contentType(MediaType.TEXT_PLAIN).bodyValue("{ __typename }").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_XML)
                .bodyValue(Map.of("query", "{ __typename }")).exchange()
                .expectStatus().isEqualTo(406)
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
    }

    @Test
    void aCursorOfAnotherConnectionIsABadRequest() {
        String messageCursor = graphQl.document("{ conversations(first: 1) { nodes { messages(first: 1) { pageInfo { endCursor } } } } }")
                .execute().path("conversations.nodes[0].messages.pageInfo.endCursor").entity(String.class).get();
        assertBadRequest(graphQl.document("query($after: String) { conversations(after: $after) { totalCount } }")
                .variable("after", messageCursor).execute());
    }

    @Test
    void badInputNeverAnswersWithAServerError() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ conversation(id: \"zzz\") { id } }"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.data.conversation").doesNotExist();
    }

    static String nested(int repetitions) {
        return "{ conversations(first: 1) { nodes { " + "messages(first: 1) { nodes { conversation { ".repeat(repetitions)
                + "id" + " } } }".repeat(repetitions) + " } } }";
    }

    @Test
    void depthAliasAndRootFieldLimitsRefuseBeforeAnySql() {
        graphQl.document(nested(4)).execute().errors().verify();
        statements.reset();
        assertBadRequest(graphQl.document(nested(5)).execute());
        StringBuilder aliases = new StringBuilder("{ conversations(first: 1) { nodes { ");
        for (int i = 0; i < 31; i++) {
            aliases.append(" t").append(i).append(": title");
        }
        assertBadRequest(graphQl.document(aliases.append(" } } }").toString()).execute());
        StringBuilder roots = new StringBuilder("{");
        for (int i = 0; i < 21; i++) {
            roots.append(" f").append(i).append(": __typename");
        }
        assertBadRequest(graphQl.document(roots.append(" }").toString()).execute());
        assertThat(statements.count()).isZero();
    }

    @Test
    void tokenAndDocumentSizeBombsAreBadRequests() {
        assertBadRequest(graphQl.document("{ " + "__typename ".repeat(15_001) + "}").execute());
        String padded = "{ __typename }" + " ".repeat(1_048_577);
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", padded)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
    }

    @Test
    void tenThousandDuplicatedFieldsAreRefusedBeforeValidation() {
        long started = System.nanoTime();
        assertBadRequest(graphQl.document("{ " + "__typename ".repeat(10_000) + "}").execute());
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(1));
        graphQl.document("{ " + "__typename ".repeat(1_000) + "}").execute().path("__typename").entity(String.class).isEqualTo("Query");
    }

    @Test
    void batchedArrayBodiesBrokenJsonAndWrongMethodsAreClientErrors() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\": ").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
        http.get().uri("/graphql?query={q}", "mutation { startConversation(input: {}) { id } }").exchange()
                .expectStatus().is4xxClientError();
    }

    @Test
    void anOversizedBodyIsA413WithAClassifiedError() {
        String huge = "{ conversations(first: 1) { totalCount } } # " + "x".repeat(3 * 1024 * 1024);
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", huge))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
    }

    private static void assertBadRequest(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            for (ResponseError error : errors) {
                assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
                assertThat(error.getMessage()).doesNotContain("Exception", "\tat ", "select ", "r2dbc", "SQL");
            }
        });
    }

    @Test
    void aPageSizeOfZeroIsAnEmptyPageThatKnowsMoreFollow() {
        graphQl.document("{ conversations(first: 0) { edges { cursor } pageInfo { hasNextPage startCursor } } }").execute()
                .path("conversations.edges").entityList(Object.class).hasSize(0)
                .path("conversations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("conversations.pageInfo.startCursor").valueIsNull();
    }

    @Test
    void theDefaultPageSizeApplies() {
        graphQl.document("{ conversations { edges { cursor } } }").execute()
                .path("conversations.edges").entityList(Object.class).hasSize(20);
    }
}
