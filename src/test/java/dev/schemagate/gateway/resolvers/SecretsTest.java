package dev.schemagate.gateway.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.Sql;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code public.secrets} and {@code public.jwt_tokens} are in the database but nowhere in the API. */
class SecretsTest extends GatewayHttpTest {

    @Test
    void theDatabaseHoldsCanariesTheApiNeverShows() {
        assertThat(Sql.number(sql, "select count(*) from public.secrets")).isPositive();
        assertThat(Sql.number(sql, "select count(*) from public.jwt_tokens")).isPositive();

        String sdl = http.get().uri("/graphql/schema").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(sdl).contains("type Conversation").doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("jwt");

        StringBuilder everything = new StringBuilder();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            Map<String, Object> page = post("""
                    query($after: String) { conversations(first: 100, after: $after) {
                      pageInfo { hasNextPage endCursor }
                      nodes { id title metadata summary model messages(first: 100) { nodes { content metadata } }
                              files(includeExpired: true) { filename sha256 platformUploads { platformFileId } }
                              memories(first: 100) { content metadata } } } }""", after);
            everything.append(page);
            Map<?, ?> pageInfo = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) page.get("data")).get("conversations")).get("pageInfo");
            hasNext = Boolean.TRUE.equals(pageInfo.get("hasNextPage"));
            after = (String) pageInfo.get("endCursor");
        }
        assertThat(everything.length()).isGreaterThan(100_000);
        String secret = Sql.string(sql, "select value from public.secrets order by name limit 1");
        String tokenHash = Sql.string(sql, "select token_hash from public.jwt_tokens order by subject limit 1");
        assertThat(everything.toString()).doesNotContain(secret, tokenHash, "CANARY");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String query, String after) {
        java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
        variables.put("after", after);
        byte[] body = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query, "variables", variables))
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return new tools.jackson.databind.json.JsonMapper().readValue(new String(body, StandardCharsets.UTF_8), Map.class);
    }
}
