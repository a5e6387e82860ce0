package dev.schemagate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.StatementCounter;
import dev.schemagate.gateway.support.TestDatabases;
import dev.schemagate.gateway.support.TestDatabases.Scratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code _entities} and {@code _service} answer to the same tokens and roles as {@code node}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationAccessTest {

    private static final String ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Conversation { id } } }";

    private Scratch database;
    private ConfigurableApplicationContext gateway;
    private WebTestClient http;
    private StatementCounter statements;

    @BeforeAll
    void start() {
        database = TestDatabases.create(false);
        gateway = Gateways.start(Gateways.with(database.properties(), "gateway.federation.enabled=true",
                "gateway.auth.mode=jwt", "gateway.auth.jwt-secret=" + Tokens.SECRET));
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port")).build();
        statements = gateway.getBean(StatementCounter.class);
    }

    @AfterAll
    void stop() {
        gateway.close();
        database.drop();
    }

    @Test
    void entitiesNeedATokenAndAReadingRoleLikeNode() {
        statements.reset();
        post(null, ENTITIES).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
        for (String role : List.of("anon", "superuser")) {
            post(Tokens.valid(role, "nobody"), ENTITIES).expectStatus().isOk().expectBody()
                    .jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN")
                    .jsonPath("$.data").doesNotExist();
            post(Tokens.valid(role, "nobody"), "{ _service { sdl } }").expectStatus().isOk().expectBody()
                    .jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN");
        }
        assertThat(statements.count()).isZero();

        for (String role : List.of("authenticated", "service_role")) {
            post(Tokens.valid(role, "user-1"), ENTITIES).expectStatus().isOk().expectBody()
                    .jsonPath("$.errors").doesNotExist()
                    .jsonPath("$.data._entities.length()").isEqualTo(1);
        }
    }

    private WebTestClient.ResponseSpec post(String token, String query) {
        WebTestClient.RequestBodySpec request = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Map<String, Object> representation = Map.of("__typename", "Conversation", "id", UUID.randomUUID().toString());
        return request.bodyValue(Map.of("query", query, "variables", Map.of("r", List.of(representation)))).exchange();
    }
}
