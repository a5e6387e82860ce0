package dev.schemagate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.gateway.support.GatewayHttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Health per schema, readiness, routing info, Prometheus metrics and the request log line. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends GatewayHttpTest {

    @Test
    void healthHasOneIndicatorPerRoutedSchema() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.schemas.components.chat.status").isEqualTo("UP")
                .jsonPath("$.components.schemas.components.public.status").isEqualTo("UP")
                .jsonPath("$.components.schemas.components.ai_manager.status").isEqualTo("UP")
                .jsonPath("$.components.schemas.components.chat.details.tables['chat.messages']").isEqualTo("UP")
                .jsonPath("$.components.schemas.components.public.details.tables['public.secrets']").doesNotExist();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void infoShowsTheRoutingAndTheOptionalColumnsFound() {
        http.get().uri("/actuator/info").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.routing.Conversation[0]").isEqualTo("chat.conversations")
                .jsonPath("$.routing.Conversation[1]").isEqualTo("public.conversations")
                .jsonPath("$.optionalColumns['chat.conversations'].session_id").isEqualTo("uuid")
                .jsonPath("$.optionalColumns['chat.messages'].embedding").exists()
                .jsonPath("$.optionalColumns['public.conversations']").doesNotExist();
    }

    @Test
    void prometheusShowsGraphQlSqlAndBatchMetrics() {
        graphQl.document("{ conversations(first: 3) { nodes { id messages(first: 2) { nodes { id } } } } }").execute()
                .path("conversations.nodes").entityList(Object.class).hasSize(3);
        graphQl.document("{ conversations(first: 3) { nodes { id messages(first: 2) { nodes { id embedding } } } } }").execute()
                .path("conversations.nodes").entityList(Object.class).hasSize(3);
        String scrape = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape)
                .contains("graphql_request_seconds_count")
                .contains("gateway_sql_seconds_count{")
                .contains("tables=\"chat.messages,public.messages\"")
                .contains("gateway_sql_rows_sum{")
                .contains("gateway_dataloader_batch_size_count{loader=\"messagePages\"")
                .containsPattern("gateway_queries_total\\{path=\"compiled\"\\} [1-9]")
                .containsPattern("gateway_queries_total\\{path=\"resolvers\"\\} [1-9]")
                .containsPattern("gateway_sql_seconds_count\\{[^}]*tables=\"(?=[^\"]*chat\\.conversations)(?=[^\"]*chat\\.messages)")
                .doesNotContain("CANARY");
    }

    @Test
    void everyRequestLogsOneLine(CapturedOutput output) {
        graphQl.document("query opsProbe { conversations(first: 2) { nodes { id } } }").execute()
                .path("conversations.nodes").entityList(Object.class).hasSize(2);
        assertThat(output.getAll()).containsPattern("graphql operation=opsProbe durationMs=\\d+ statements=1 errors=none");
        graphQl.document("query badProbe { conversation(id: \"x\") { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(output.getAll()).containsPattern("graphql operation=badProbe durationMs=\\d+ statements=0 errors=BAD_REQUEST");
    }
}
