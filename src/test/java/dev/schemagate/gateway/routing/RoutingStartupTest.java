package dev.schemagate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import dev.schemagate.gateway.support.Gateways;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.TestDatabases;
import dev.schemagate.gateway.support.TestDatabases.Scratch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Routing is checked against the catalog at start-up; what does not match stops the gateway. */
class RoutingStartupTest {

    private Scratch database;

    @AfterEach
    void drop() {
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aMissingTableStopsStartUpAndIsNamed() {
        database = TestDatabases.create(false);
        database.execute("drop table public.messages");
        assertRefused(database.properties())
                .contains("Message reads public.messages: no such table or view");
    }

    @Test
    void everyMissingOrMistypedColumnIsNamedAtOnce() {
        database = TestDatabases.create(false);
        database.execute("alter table chat.conversations drop column title; "
                + "alter table ai_manager.memories alter column kind type integer using 0; "
                + "alter table public.files drop column expires_at");
        assertRefused(database.properties())
                .contains("Conversation reads chat.conversations: column title is missing")
                .contains("Memory reads ai_manager.memories: column kind is int4, expected")
                .contains("File reads public.files: column expires_at is missing");
    }

    @Test
    void credentialTablesAreNeverRoutedWhateverTheConfigurationSays() {
        database = TestDatabases.create(false);
        assertRefused(Gateways.with(database.properties(), "gateway.routing.message.reads=chat.messages,PUBLIC.Secrets"))
                .contains("public.secrets holds credentials and is never routed");
        assertRefused(Gateways.with(database.properties(), "gateway.routing.file.uploads=public.jwt_tokens"))
                .contains("public.jwt_tokens holds credentials and is never routed");
    }

    @Test
    void aViewOverACredentialTableIsRefusedToo() {
        database = TestDatabases.create(false);
        database.execute("""
                create view public.leaky_memories as
                select id, null::uuid as conversation_id, name as user_id, 'fact'::text as kind, value as content,
                       0.5::real as importance, '{}'::jsonb as metadata, created_at, null::timestamptz as last_accessed_at
                from public.secrets""");
        assertRefused(Gateways.with(database.properties(), "gateway.routing.memory.reads=ai_manager.memories,public.leaky_memories"))
                .contains("public.leaky_memories reads public.secrets");
    }

    @Test
    void aViewOfAViewOverACredentialTableIsRefused() {
        database = TestDatabases.create(false);
        database.execute("""
                create schema leak;
                create view leak.v1 as select id, name, value, created_at from public.secrets;
                create view leak.v2 as
                select id, null::uuid as conversation_id, name as user_id, 'fact'::text as kind, value as content,
                       0.5::real as importance, '{}'::jsonb as metadata, created_at, null::timestamptz as last_accessed_at
                from leak.v1""");
        assertRefused(Gateways.with(database.properties(), "gateway.routing.memory.reads=ai_manager.memories,leak.v2"))
                .contains("leak.v2 reads public.secrets");
    }

    @Test
    void writingToATableThatIsNotReadIsRefused() {
        database = TestDatabases.create(false);
        assertRefused(Gateways.with(database.properties(), "gateway.routing.conversation.writes=public.conversations",
                "gateway.routing.conversation.reads=chat.conversations"))
                .contains("Conversation writes public.conversations, which is not among the tables it reads");
    }

    @Test
    void routingConversationsAndMessagesToChatOnlyNeedsNoCodeChange() {
        database = TestDatabases.create(true);
        try (ConfigurableApplicationContext gateway = Gateways.start(Gateways.with(database.properties(),
                "gateway.routing.conversation.reads=chat.conversations",
                "gateway.routing.message.reads=chat.messages"))) {
            HttpGraphQlTester graphQl = Gateways.graphQl(gateway);
            long chat = Sql.number(database.client(), "select count(*) from chat.conversations");
            graphQl.document("{ conversations(first: 1) { totalCount } }").execute()
                    .path("conversations.totalCount").entity(Long.class).isEqualTo(chat);

            UUID publicOnly = UUID.fromString(Sql.string(database.client(), """
                    select p.id::text from public.conversations p
                    where not exists (select 1 from chat.conversations c where c.id = p.id) order by 1 limit 1"""));
            graphQl.document("query($id: ID!) { conversation(id: $id) { id } }").variable("id", publicOnly.toString()).execute()
                    .path("conversation").valueIsNull();

            UUID shared = UUID.fromString(Sql.string(database.client(),
                    "select id::text from chat.conversations c where exists (select 1 from public.conversations p where p.id = c.id) order by 1 limit 1"));
            long chatMessages = Sql.number(database.client(), "select count(*) from chat.messages where conversation_id = $1", shared);
            graphQl.document("query($id: ID!) { conversation(id: $id) { messageCount } }").variable("id", shared.toString()).execute()
                    .path("conversation.messageCount").entity(Long.class).isEqualTo(chatMessages);
        }
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertRefused(String... properties) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> Gateways.start(properties).close())
                .satisfies(ex -> failure[0] = ex)
                .hasRootCauseInstanceOf(RoutingMismatchException.class);
        Throwable root = failure[0];
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root.getMessage()).startsWith("Routing does not match the database");
        return assertThat(root.getMessage());
    }
}
