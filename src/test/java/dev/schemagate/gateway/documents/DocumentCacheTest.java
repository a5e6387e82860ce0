package dev.schemagate.gateway.documents;

import static dev.schemagate.gateway.documents.Requests.body;
import static dev.schemagate.gateway.documents.Requests.data;
import static dev.schemagate.gateway.documents.Requests.error;
import static dev.schemagate.gateway.documents.Requests.post;
import static dev.schemagate.gateway.documents.Requests.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.StatementCounter;
import dev.schemagate.gateway.support.TestDatabases;
import dev.schemagate.gateway.support.TestDatabases.Scratch;
import graphql.introspection.Introspection;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The cache of parsed and validated documents: repeated documents skip parsing, invalid ones are
 * refused every time, and the checks made at execution (limits, introspection) still run for
 * cached documents.
 */
class DocumentCacheTest extends GatewayHttpTest {

    /** A document no other test sends, so it starts out of the shared gateway's cache. */
    private static String fresh(String document) {
        return "# " + UUID.randomUUID() + "\n" + document;
    }

    @Test
    void aRepeatedDocumentIsParsedOnceAndAnswersTheSame() {
        String query = fresh("{ conversations(first: 2) { totalCount nodes { id } } }");
        double hits = Requests.hits(http);
        double misses = Requests.misses(http);
        Map<String, Object> first = data(post(http, body(query, null, null)));
        assertThat(Requests.misses(http)).isEqualTo(misses + 1);
        assertThat(data(post(http, body(query, null, null)))).isEqualTo(first);
        assertThat(data(post(http, body(query, null, null)))).isEqualTo(first);
        assertThat(Requests.hits(http)).isEqualTo(hits + 2);
        assertThat(Requests.misses(http)).isEqualTo(misses + 1);
    }

    @Test
    void aCachedDocumentRunsWithEachRequestsVariables() {
        String query = fresh("query($id: ID!) { conversation(id: $id) { id title } }");
        List<String> ids = Sql.strings(sql, "select id::text from chat.conversations where title is not null order by id limit 3");
        double hits = Requests.hits(http);
        for (String id : ids) {
            Map<String, Object> conversation = conversation(data(post(http, body(query, Map.of("id", id), null))));
            assertThat(conversation).containsEntry("id", id)
                    .containsEntry("title", Sql.string(sql, "select title from chat.conversations where id = $1::uuid", id));
        }
        assertThat(Requests.hits(http)).isEqualTo(hits + ids.size() - 1);
    }

    @Test
    void invalidDocumentsAreRefusedEveryTimeAsBefore() {
        String unknownField = fresh("{ conversationz { totalCount } }");
        String badSyntax = fresh("{ conversations(first: 1) { totalCount }");
        double misses = Requests.misses(http);
        statements.reset();
        for (int i = 0; i < 3; i++) {
            assertThat(error(post(http, body(unknownField, null, null))))
                    .containsEntry("classification", "BAD_REQUEST").containsEntry("reason", "ValidationError");
            assertThat(error(post(http, body(badSyntax, null, null))))
                    .containsEntry("classification", "BAD_REQUEST").containsEntry("reason", "InvalidSyntax");
        }
        assertThat(Requests.misses(http)).as("parsed every time, never cached").isEqualTo(misses + 6);
        assertThat(statements.count()).isZero();
    }

    @Test
    void aTooDeepDocumentIsRefusedEveryTimeThoughItIsCached() {
        String deep = fresh("{ conversations(first: 1) { nodes { "
                + "messages(first: 1) { nodes { conversation { ".repeat(5) + "id" + " } } }".repeat(5) + " } } }");
        double hits = Requests.hits(http);
        statements.reset();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> refused = error(post(http, body(deep, null, null)));
            assertThat(refused).containsEntry("classification", "BAD_REQUEST");
            assertThat((String) refused.get("message")).contains("depth; at most 15");
        }
        assertThat(Requests.hits(http)).as("parsed once, the depth checked on each run").isEqualTo(hits + 2);
        assertThat(statements.count()).isZero();
    }

    @Test
    void aDocumentOverTheFieldLimitIsRefusedEveryTimeAndNeverCached() {
        String wide = fresh("{ conversations(first: 1) { nodes { " + "id ".repeat(1_001) + "} } }");
        double misses = Requests.misses(http);
        statements.reset();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> refused = error(post(http, body(wide, null, null)));
            assertThat(refused).containsEntry("classification", "BAD_REQUEST");
            assertThat((String) refused.get("message")).contains("field selections; at most 1000");
        }
        assertThat(Requests.misses(http)).isEqualTo(misses + 3);
        assertThat(statements.count()).isZero();
    }

    @Test
    void theCacheIsBoundedAndPersistedQueriesAndIntrospectionCanBeSwitchedOff() {
        Scratch database = TestDatabases.create(true);
        try (ConfigurableApplicationContext gateway = Gateways.start(Gateways.with(database.properties(),
                "gateway.documents.cache-size=2", "gateway.documents.persisted-queries=false", "gateway.introspection=false"))) {
            WebTestClient client = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port")).build();
            StatementCounter counter = gateway.getBean(StatementCounter.class);

            List<String> documents = List.of(1, 2, 3, 4, 5).stream()
                    .map(n -> "{ conversations(first: " + n + ") { nodes { id } } }").toList();
            for (String document : documents) {
                data(post(client, body(document, null, null)));
            }
            assertThat(Requests.metric(client, "gateway_documents_cached", "")).isLessThanOrEqualTo(2);
            double misses = Requests.misses(client);
            for (String document : documents) {
                data(post(client, body(document, null, null)));
            }
            assertThat(Requests.misses(client)).as("at most two of five stayed cached").isGreaterThanOrEqualTo(misses + 3);

            String introspection = "{ __schema { queryType { name } } }";
            for (int i = 0; i < 3; i++) {
                assertThat(error(post(client, body(introspection, null, null)))).containsEntry("classification", "BAD_REQUEST");
            }

            String query = documents.get(0);
            counter.reset();
            for (String sent : new String[] { null, query }) {
                assertThat(error(post(client, body(sent, null, sha256(query)))))
                        .containsEntry("message", "PersistedQueryNotSupported")
                        .containsEntry("code", "PERSISTED_QUERY_NOT_SUPPORTED");
            }
            assertThat(counter.count()).isZero();
        }
        finally {
            Introspection.enabledJvmWide(true);
            database.drop();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> conversation(Map<String, Object> data) {
        return (Map<String, Object>) data.get("conversation");
    }
}
