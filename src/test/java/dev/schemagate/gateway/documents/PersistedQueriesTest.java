package dev.schemagate.gateway.documents;

import static dev.schemagate.gateway.documents.Requests.body;
import static dev.schemagate.gateway.documents.Requests.data;
import static dev.schemagate.gateway.documents.Requests.error;
import static dev.schemagate.gateway.documents.Requests.post;
import static dev.schemagate.gateway.documents.Requests.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.Sql;
import org.junit.jupiter.api.Test;

/** Automatic Persisted Queries, the Apollo protocol, against the running gateway. */
class PersistedQueriesTest extends GatewayHttpTest {

    private static final String TOTAL = "select count(*) from (select id from chat.conversations union select id from public.conversations) u";

    /** A document no other test sends, so its hash is unknown to the shared gateway. */
    private static String fresh(String document) {
        return "# " + UUID.randomUUID() + "\n" + document;
    }

    @Test
    void aHashAloneIsNotFoundThenItsQueryRegistersItThenTheHashAloneRunsIt() {
        String query = fresh("query recent($first: Int) { conversations(first: $first) { totalCount nodes { id title } } }");
        String hash = sha256(query);
        Map<String, Object> first3 = Map.of("first", 3);

        statements.reset();
        Map<String, Object> notFound = error(post(http, body(null, first3, hash)));
        assertThat(notFound).containsEntry("message", "PersistedQueryNotFound")
                .containsEntry("code", "PERSISTED_QUERY_NOT_FOUND")
                .containsEntry("classification", "NOT_FOUND");
        assertThat(statements.count()).isZero();

        Map<String, Object> registered = data(post(http, body(query, first3, hash)));
        assertThat(totalCount(registered)).isEqualTo(Sql.number(sql, TOTAL));
        assertThat(ids(registered)).containsExactlyElementsOf(Sql.strings(sql, Sql.CONVERSATIONS_IN_ORDER + " limit 3"));

        double hits = Requests.hits(http);
        assertThat(data(post(http, body(null, first3, hash)))).isEqualTo(registered);
        assertThat(Requests.hits(http)).as("the hash alone skips parsing").isEqualTo(hits + 1);

        Map<String, Object> five = data(post(http, body(null, Map.of("first", 5), hash.toUpperCase(Locale.ROOT))));
        assertThat(ids(five)).containsExactlyElementsOf(Sql.strings(sql, Sql.CONVERSATIONS_IN_ORDER + " limit 5"));
    }

    @Test
    void aHashThatIsNotTheQuerysIsRefusedAndRegistersNothing() {
        String query = fresh("{ conversations(first: 1) { totalCount } }");
        String wrong = sha256(query + " ");

        statements.reset();
        Map<String, Object> mismatch = error(post(http, body(query, null, wrong)));
        assertThat(mismatch).containsEntry("classification", "BAD_REQUEST").containsEntry("code", "PERSISTED_QUERY_HASH_MISMATCH");
        assertThat((String) mismatch.get("message")).startsWith("provided sha does not match query");
        assertThat(statements.count()).isZero();

        assertThat(error(post(http, body(null, null, wrong)))).containsEntry("message", "PersistedQueryNotFound");
    }

    @Test
    void anInvalidDocumentIsNotRegistered() {
        String query = fresh("{ conversationz { totalCount } }");
        String hash = sha256(query);
        assertThat(error(post(http, body(query, null, hash))))
                .containsEntry("classification", "BAD_REQUEST").containsEntry("reason", "ValidationError");
        assertThat(error(post(http, body(null, null, hash)))).containsEntry("message", "PersistedQueryNotFound");
    }

    @Test
    void aMalformedPersistedQueryExtensionIsABadRequest() {
        String query = "{ conversations(first: 1) { totalCount } }";
        List<Object> malformed = List.of(
                "not an object",
                Map.of("version", 2, "sha256Hash", sha256(query)),
                Map.of("sha256Hash", sha256(query)),
                Map.of("version", 1, "sha256Hash", "abc"),
                Map.of("version", 1, "sha256Hash", sha256(query).replace('a', 'g')));
        statements.reset();
        for (Object extension : malformed) {
            Map<String, Object> response = post(http, Map.of("query", query, "extensions", Map.of("persistedQuery", extension)));
            assertThat(error(response)).as("%s", extension)
                    .containsEntry("classification", "BAD_REQUEST").containsEntry("code", "PERSISTED_QUERY_INVALID");
        }
        assertThat(statements.count()).isZero();
    }

    @Test
    void aMutationRunsByHashToo() {
        String mutation = fresh("mutation($t: String) { startConversation(input: { title: $t }) { id title } }");
        String hash = sha256(mutation);
        String title = "apq " + UUID.randomUUID();
        Map<String, Object> started = data(post(http, body(mutation, Map.of("t", title), hash)));
        Map<String, Object> again = data(post(http, body(null, Map.of("t", title + " again"), hash)));
        assertThat(Sql.number(sql, "select count(*) from chat.conversations where title like $1", title + "%")).isEqualTo(2);
        assertThat(started).isNotEqualTo(again);
    }

    @SuppressWarnings("unchecked")
    private static long totalCount(Map<String, Object> data) {
        return ((Number) ((Map<String, Object>) data.get("conversations")).get("totalCount")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> data) {
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) ((Map<String, Object>) data.get("conversations")).get("nodes");
        return nodes.stream().map(node -> (String) node.get("id")).toList();
    }
}
