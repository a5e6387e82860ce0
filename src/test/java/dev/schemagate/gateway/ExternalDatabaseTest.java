package dev.schemagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.TestDatabases;
import dev.schemagate.gateway.support.TestDatabases.Scratch;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Given a database URL the gateway serves it as it is: nothing embedded, nothing written. */
class ExternalDatabaseTest {

    private Scratch database;

    @AfterEach
    void drop() {
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void anExternalDatabaseGetsNoEmbeddedServerAndNoFixtureRows() {
        database = TestDatabases.create(false);
        try (ConfigurableApplicationContext gateway = Gateways.start(database.properties())) {
            assertThat(gateway.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            Gateways.graphQl(gateway).document("{ conversations(first: 5) { totalCount nodes { id } } files { totalCount } }").execute()
                    .path("conversations.totalCount").entity(Integer.class).isEqualTo(0)
                    .path("files.totalCount").entity(Integer.class).isEqualTo(0);
            long rows = Sql.number(database.client(), """
                    select (select count(*) from chat.conversations) + (select count(*) from public.conversations)
                         + (select count(*) from chat.messages) + (select count(*) from public.files)
                         + (select count(*) from ai_manager.memories)""");
            assertThat(rows).isZero();
        }
    }

    @Test
    void introspectionCanBeSwitchedOffAndThenSuggestsNothing() {
        database = TestDatabases.create(false);
        try (ConfigurableApplicationContext gateway = Gateways.start(Gateways.with(database.properties(), "gateway.introspection=false"))) {
            HttpGraphQlTester graphQl = Gateways.graphQl(gateway);
            graphQl.document("{ __schema { types { name } } }").execute()
                    .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                            .allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
            graphQl.document("{ conversationz { totalCount } }").execute()
                    .errors().satisfy(errors -> assertThat(errors).allSatisfy(error -> assertThat(error.getMessage())
                            .doesNotContainIgnoringCase("did you mean").doesNotContain("conversations")));
            graphQl.document("{ conversations(first: 1) { totalCount } }").execute()
                    .path("conversations.totalCount").entity(Integer.class).isEqualTo(0);
            WebTestClient.bindToServer().baseUrl("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"))
                    .build().get().uri("/graphql/schema").exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void infiniteTimestampsAreServedAtTheEdgesOfTheRange() {
        database = TestDatabases.create(false);
        database.execute("""
                insert into chat.conversations (id, title, updated_at) values ('00000000-0000-4000-8000-0000000000a1', 'forever', 'infinity');
                insert into public.files (id, filename, storage_path, expires_at, created_at)
                values ('00000000-0000-4000-8000-0000000000f1', 'eternal.txt', 'x', 'infinity', '-infinity');
                insert into chat.messages (conversation_id, role, content, metadata)
                values ('00000000-0000-4000-8000-0000000000a1', 'user', 'deep', (repeat('{"a":', 600) || '1' || repeat('}', 600))::jsonb)""");
        try (ConfigurableApplicationContext gateway = Gateways.start(database.properties())) {
            Gateways.graphQl(gateway).document("""
                    { conversations(first: 5) { nodes { title updatedAt } pageInfo { endCursor } }
                      file(id: "00000000-0000-4000-8000-0000000000f1") { expired expiresAt createdAt } }""").execute()
                    .errors().verify()
                    .path("conversations.nodes[0].updatedAt").entity(String.class).isEqualTo("9999-12-31T23:59:59.999999Z")
                    .path("file.expired").entity(Boolean.class).isEqualTo(false)
                    .path("file.createdAt").entity(String.class).isEqualTo("0001-01-01T00:00:00Z");
            Gateways.graphQl(gateway).document("""
                    { conversation(id: "00000000-0000-4000-8000-0000000000a1") { messages { nodes { content } } } }""").execute()
                    .errors().verify()
                    .path("conversation.messages.nodes[0].content").entity(String.class).isEqualTo("deep");
        }
    }

    @Test
    void aDatabaseFailureIsAnInternalErrorThatRevealsNothing() {
        database = TestDatabases.create(true);
        try (ConfigurableApplicationContext gateway = Gateways.start(database.properties())) {
            HttpGraphQlTester graphQl = Gateways.graphQl(gateway);
            UUID id = UUID.fromString(Sql.string(database.client(), "select id::text from chat.conversations order by id limit 1"));
            database.execute("drop table ai_manager.conversations");
            graphQl.document("query($id: ID!) { conversation(id: $id) { id title model } }").variable("id", id.toString()).execute()
                    .errors().satisfy(errors -> {
                        assertThat(errors).hasSize(1);
                        ResponseError error = errors.get(0);
                        assertThat(error.getExtensions()).containsEntry("classification", "INTERNAL_ERROR");
                        assertThat(error.getPath()).isEqualTo("conversation.model");
                        for (String leak : List.of("ai_manager", "select", "relation", "R2dbc", "Exception", "postgres", "5432")) {
                            assertThat(error.getMessage()).doesNotContainIgnoringCase(leak);
                        }
                    })
                    .path("conversation.title").hasValue();
        }
    }
}
