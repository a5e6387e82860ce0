package dev.schemagate.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/** What every answer to hostile input must look like. */
final class HostileResponses {

    static final Set<String> CLASSIFICATIONS = Set.of("BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "INTERNAL_ERROR");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HostileResponses() {
    }

    /**
     * A 4xx, or a 200 whose errors all carry a contract classification; never a 5xx, a stack
     * trace, SQL or the seeded canary.
     */
    static void assertSafe(String description, int status, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        assertThat(status).as("%s: status, body %s", description, abbreviate(text)).isLessThan(500);
        assertThat(text).as(description)
                .doesNotContain("CANARY", "\tat ", "Exception:", "org.springframework", "io.r2dbc", "SQLSTATE", "select ");
        if (status >= 400 || text.isBlank()) {
            return;
        }
        Map<?, ?> response = JSON.readValue(text, Map.class);
        Object errors = response.get("errors");
        if (errors instanceof List<?> list) {
            for (Object error : list) {
                Object extensions = ((Map<?, ?>) error).get("extensions");
                assertThat(extensions).as("%s: error %s", description, error).isInstanceOf(Map.class);
                assertThat(CLASSIFICATIONS).as("%s: classification of %s", description, error)
                        .contains(String.valueOf(((Map<?, ?>) extensions).get("classification")));
            }
        }
        else {
            assertThat(response.containsKey("data")).as("%s: a 200 carries data or errors", description).isTrue();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
