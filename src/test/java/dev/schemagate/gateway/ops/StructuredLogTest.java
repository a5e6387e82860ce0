package dev.schemagate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.schemagate.gateway.GatewayApplication;
import dev.schemagate.gateway.support.Eventually;
import dev.schemagate.gateway.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With Spring Boot's structured console format, the request line is one JSON object with its own
 * fields. The gateway runs in a JVM of its own: logging is set up once per JVM, and the other
 * tests' gateways have set it up already.
 */
class StructuredLogTest {

    @Test
    void theRequestLineIsJsonWithTheOperationDurationStatementsAndErrors(@TempDir Path directory) throws Exception {
        TestDatabases.Scratch database = TestDatabases.create(true);
        Path log = directory.resolve("gateway.log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GatewayApplication.class.getName(),
                "--server.port=" + port, "--gateway.auth.mode=none", "--logging.structured.format.console=ecs"));
        for (String property : database.properties()) {
            command.add("--" + property);
        }
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            assertThat(Eventually.holds(Duration.ofSeconds(60), () -> answers(client))).as("the gateway started").isTrue();
            client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "query jsonProbe { conversations(first: 2) { nodes { id } } }"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.data.conversations.nodes.length()").isEqualTo(2);

            assertThat(Eventually.holds(Duration.ofSeconds(10), () -> read(log).contains("jsonProbe"))).isTrue();
            String line = read(log).lines().filter(l -> l.contains("jsonProbe")).findFirst().orElseThrow();
            JsonNode json = JsonMapper.builder().build().readTree(line);
            assertThat(json.path("operation").asString()).isEqualTo("jsonProbe");
            assertThat(json.path("statements").asInt()).isEqualTo(1);
            assertThat(json.path("errors").asString()).isEqualTo("none");
            assertThat(json.path("durationMs").isNumber()).isTrue();
            assertThat(json.path("log").path("logger").asString()).isEqualTo("schemagate.requests");
        }
        finally {
            gateway.destroy();
            gateway.waitFor();
            database.drop();
        }
    }

    private static boolean answers(WebTestClient client) {
        try {
            client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            return true;
        }
        catch (RuntimeException | AssertionError ex) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        }
        catch (IOException ex) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
