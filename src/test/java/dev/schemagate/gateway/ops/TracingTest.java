package dev.schemagate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.support.Eventually;
import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.LocalReactorResources;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.StatementCounter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * With tracing on, a GraphQL request continues its caller's trace: the HTTP request, the
 * GraphQL request, and each SQL statement as a child span tagged with its schemas and tables,
 * with no bound value in any span.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gateway.tracing.enabled=true", "management.tracing.sampling.probability=1.0" })
@Import({ StatementCounter.class, LocalReactorResources.class, InMemorySpans.class })
class TracingTest extends GatewayHttpTest {

    /** The trace an Apollo Router (or any caller) started, as its W3C {@code traceparent} names it. */
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    private static final AttributeKey<String> TABLES = AttributeKey.stringKey("tables");
    private static final AttributeKey<String> SCHEMAS = AttributeKey.stringKey("schemas");

    @Autowired
    private InMemorySpanExporter exporter;

    @Autowired
    private SdkTracerProvider tracerProvider;

    @Test
    void aQueryContinuesItsCallersTraceWithItsSqlStatementsAsChildrenOfTheGraphQlRequest() {
        String id = Sql.string(sql, """
                select c.id::text from chat.conversations c join public.conversations p on p.id = c.id
                where length(c.title) > 12 order by c.id limit 1""");
        String title = Sql.string(sql, "select title from chat.conversations where id = $1", UUID.fromString(id));
        String titlePart = title.substring(2, 12);
        InMemorySpans.exported(tracerProvider, exporter);
        exporter.reset();
        statements.reset();

        // embedding is not compiled, so this query runs through the resolvers: one statement per batch
        graphQl.mutate().header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01").build().document("""
                        query traced($id: ID!, $title: String!) {
                          conversation(id: $id) { id title messages(first: 2) { nodes { id embedding } } }
                          conversations(first: 3, filter: { titleContains: $title }) { nodes { id } }
                        }""")
                .variable("id", id).variable("title", titlePart)
                .execute().path("conversation.title").entity(String.class).isEqualTo(title);

        assertThat(Eventually.holds(Duration.ofSeconds(10), () -> InMemorySpans.exported(tracerProvider, exporter).stream()
                .anyMatch(span -> span.getName().startsWith("http post")))).as("the HTTP request span ended").isTrue();
        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData request = spans.stream().filter(span -> span.getName().equals("graphql query")).findFirst().orElseThrow();
        List<SpanData> sqlSpans = spans.stream().filter(span -> span.getAttributes().get(TABLES) != null).toList();

        assertThat(spans).allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(CALLER_TRACE));
        assertThat(spans).filteredOn(span -> span.getParentSpanId().equals(CALLER_SPAN)).singleElement()
                .satisfies(span -> assertThat(span.getName()).isEqualTo("http post /graphql"));
        assertThat(sqlSpans).as("one span per statement").hasSize(statements.count()).hasSizeGreaterThanOrEqualTo(3);
        Map<String, SpanData> byId = new HashMap<>();
        spans.forEach(span -> byId.put(span.getSpanId(), span));
        assertThat(sqlSpans).allSatisfy(span -> {
            assertThat(ancestors(span, byId)).as("%s descends from the GraphQL request", span.getName()).contains(request.getSpanId());
            assertThat(span.getName()).isEqualTo("sql " + span.getAttributes().get(TABLES));
        });
        assertThat(sqlSpans).anySatisfy(span -> {
            assertThat(span.getAttributes().get(TABLES)).isEqualTo("chat.conversations,public.conversations");
            assertThat(span.getAttributes().get(SCHEMAS)).isEqualTo("chat,public");
        });
        assertThat(sqlSpans).anySatisfy(span -> {
            assertThat(span.getAttributes().get(TABLES)).isEqualTo("chat.messages,public.messages");
            assertThat(span.getAttributes().get(SCHEMAS)).isEqualTo("chat,public");
        });
        assertThat(spans).allSatisfy(span -> span.getAttributes().forEach((key, value) ->
                assertThat(String.valueOf(value)).as("attribute %s of %s", key, span.getName())
                        .doesNotContainIgnoringCase(id).doesNotContainIgnoringCase(titlePart).doesNotContainIgnoringCase("select ")));
    }

    private static List<String> ancestors(SpanData span, Map<String, SpanData> byId) {
        List<String> chain = new ArrayList<>();
        SpanData current = byId.get(span.getParentSpanId());
        while (current != null) {
            chain.add(current.getSpanId());
            current = byId.get(current.getParentSpanId());
        }
        return chain;
    }
}
