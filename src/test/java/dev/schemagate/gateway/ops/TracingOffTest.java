package dev.schemagate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.LocalReactorResources;
import dev.schemagate.gateway.support.StatementCounter;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

/**
 * Without {@code gateway.tracing.enabled} nothing is traced, whatever the sampling probability
 * and even under a caller's sampled {@code traceparent}; the SQL metric still counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.tracing.sampling.probability=1.0")
@Import({ StatementCounter.class, LocalReactorResources.class, InMemorySpans.class })
class TracingOffTest extends GatewayHttpTest {

    @Autowired
    private InMemorySpanExporter exporter;

    @Autowired
    private SdkTracerProvider tracerProvider;

    @Autowired
    private Tracer tracer;

    @Test
    void noSpanIsRecordedByDefault() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .bodyValue(Map.of("query", "{ conversations(first: 3) { nodes { id messages(first: 2) { nodes { id } } } } }"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.conversations.nodes.length()").isEqualTo(3);
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();

        assertThat(tracer).isSameAs(Tracer.NOOP);
        assertThat(InMemorySpans.exported(tracerProvider, exporter)).isEmpty();
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).containsPattern("gateway_sql_seconds_count\\{[^}]*schemas=\"chat,public\"[^}]*tables=\"[^\"]*chat.messages,public.messages");
    }
}
