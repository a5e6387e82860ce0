package dev.schemagate.gateway.graphiql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.TestDatabases;
import dev.schemagate.gateway.support.TestDatabases.Scratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GraphiQL needs no token in jwt mode while /graphql does, and gateway.graphiql.enabled=false removes it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQlSwitchTest {

    private static final String SECRET = "graphiql-test-secret-of-at-least-32-bytes";

    private Scratch database;

    @BeforeAll
    void createDatabase() {
        database = TestDatabases.create(false);
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @Test
    void inJwtModeThePageAndItsAssetsNeedNoTokenButGraphQlDoes() throws IOException {
        try (ConfigurableApplicationContext gateway = Gateways.start(Gateways.with(database.properties(),
                "gateway.auth.mode=jwt", "gateway.auth.jwt-secret=" + SECRET))) {
            WebTestClient http = client(gateway);
            http.get().uri("/graphiql").exchange().expectStatus().isOk();
            http.get().uri("/graphiql/").exchange().expectStatus().isOk();
            http.get().uri("/graphiql/" + entryScript(builtPage())).exchange().expectStatus().isOk();
            http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ conversations(first: 1) { totalCount } }")).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    @Test
    void switchedOffThereIsNoPageAndNoAssetButGraphQlServes() throws IOException {
        String script = entryScript(builtPage());
        try (ConfigurableApplicationContext gateway = Gateways.start(Gateways.with(database.properties(),
                "gateway.graphiql.enabled=false"))) {
            WebTestClient http = client(gateway);
            http.get().uri("/graphiql").exchange().expectStatus().isNotFound();
            http.get().uri("/graphiql/").exchange().expectStatus().isNotFound();
            http.get().uri("/graphiql/" + script).exchange().expectStatus().isNotFound();
            http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ conversations(first: 1) { totalCount } }")).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.data.conversations.totalCount").isEqualTo(0);
        }
    }

    private static String builtPage() throws IOException {
        return new ClassPathResource("graphiql/index.html").getContentAsString(StandardCharsets.UTF_8);
    }

    private static String entryScript(String page) {
        return page.replaceAll("(?s).*src=\"\\./(assets/index-[^\"]+\\.js)\".*", "$1");
    }

    private static WebTestClient client(ConfigurableApplicationContext gateway) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"))
                .build();
    }
}
