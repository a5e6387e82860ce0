package dev.schemagate.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.gateway.support.GatewayHttpTest;
import org.junit.jupiter.api.Test;

/** Federation is opt-in: by default the schema has no federation fields, types or directives. */
class FederationDisabledTest extends GatewayHttpTest {

    @Test
    void theDefaultSchemaHasNoFederation() {
        String sdl = http.get().uri("/graphql/schema").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(sdl).contains("type Conversation implements Node {")
                .doesNotContain("_entities", "_service", "_Any", "_Entity", "@key", "@link", "federation");

        graphQl.document("{ _service { sdl } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getMessage()).contains("_service");
                    assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
                }));
        graphQl.document("query($r: [_Any!]!) { _entities(representations: $r) { __typename } }").variable("r", java.util.List.of())
                .execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
    }
}
