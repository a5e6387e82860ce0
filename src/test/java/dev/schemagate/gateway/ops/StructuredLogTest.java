package dev.schemagate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.schemagate.gateway.support.Eventually;
import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With Spring Boot's structured console format, the request line is one JSON object with its own fields. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTest {

    @Test
    void theRequestLineIsJsonWithTheOperationDurationStatementsAndErrors(CapturedOutput output) {
        TestDatabases.Scratch database = TestDatabases.create(true);
        try (ConfigurableApplicationContext gateway = Gateways.start(
                Gateways.with(database.properties(), "logging.structured.format.console=ecs"))) {
            Gateways.graphQl(gateway).document("query jsonProbe { conversations(first: 2) { nodes { id } } }").execute()
                    .path("conversations.nodes").entityList(Object.class).hasSize(2);

            assertThat(Eventually.holds(Duration.ofSeconds(5), () -> output.getOut().contains("jsonProbe"))).isTrue();
            String line = output.getOut().lines().filter(l -> l.contains("jsonProbe")).findFirst().orElseThrow();
            JsonNode json = JsonMapper.builder().build().readTree(line);
            assertThat(json.path("operation").asString()).isEqualTo("jsonProbe");
            assertThat(json.path("statements").asInt()).isEqualTo(1);
            assertThat(json.path("errors").asString()).isEqualTo("none");
            assertThat(json.path("durationMs").isNumber()).isTrue();
            assertThat(json.path("log").path("logger").asString()).isEqualTo("schemagate.requests");
        }
        finally {
            database.drop();
        }
    }
}
