package dev.schemagate.gateway.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.Sql;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Messages merged from every routed message table, their roles, counts and embeddings. */
class MessageQueryTest extends GatewayHttpTest {

    @Test
    void messagesOfAConversationInBothSchemasMergeInCreatedAtOrderAcrossPages() {
        List<String> conversations = Sql.strings(sql, """
                select c.id::text from chat.conversations c join public.conversations p using (id)
                where exists (select 1 from public.messages m where m.conversation_id = c.id
                              and not exists (select 1 from chat.messages x where x.id = m.id))
                  and exists (select 1 from chat.messages m where m.conversation_id = c.id
                              and not exists (select 1 from public.messages x where x.id = m.id))
                order by 1 limit 3""");
        assertThat(conversations).isNotEmpty();
        for (String conversation : conversations) {
            List<String> expected = Sql.strings(sql, Sql.MESSAGES_IN_ORDER, UUID.fromString(conversation));
            assertThat(walkMessages(conversation, 4, null)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void countsAreDistinctMessagesAcrossSchemas() {
        UUID conversation = UUID.fromString(Sql.string(sql, """
                select c.id::text from chat.conversations c
                where exists (select 1 from public.messages m join chat.messages x using (id) where m.conversation_id = c.id)
                order by 1 limit 1"""));
        long expected = Sql.strings(sql, Sql.MESSAGES_IN_ORDER, conversation).size();
        long rows = Sql.number(sql, "select (select count(*) from chat.messages where conversation_id = $1) "
                + "+ (select count(*) from public.messages where conversation_id = $1)", conversation);
        assertThat(rows).isGreaterThan(expected);

        graphQl.documentName("conversationMessages").variable("id", conversation.toString()).variable("first", 1).execute()
                .path("conversation.messageCount").entity(Long.class).isEqualTo(expected)
                .path("conversation.messages.totalCount").entity(Long.class).isEqualTo(expected);
    }

    @Test
    void rowsSharingATimestampAreNeitherSkippedNorRepeated() {
        UUID conversation = UUID.fromString(Sql.string(sql, """
                select conversation_id::text from chat.messages group by conversation_id, created_at
                having count(*) > 1 order by 1 limit 1"""));
        List<String> expected = Sql.strings(sql, Sql.MESSAGES_IN_ORDER, conversation);
        assertThat(walkMessages(conversation.toString(), 1, null)).containsExactlyElementsOf(expected);
    }

    @Test
    void roleFilterSelectsOneRoleAndEveryRoleMaps() {
        UUID conversation = UUID.fromString(Sql.string(sql, """
                select conversation_id::text from chat.messages where role = 'tool'
                group by conversation_id order by count(*) desc, 1 limit 1"""));
        List<String> tools = Sql.strings(sql, "select id::text from chat.messages where conversation_id = $1 and role = 'tool' order by created_at, id", conversation);
        assertThat(walkMessages(conversation.toString(), 2, "TOOL")).containsExactlyElementsOf(tools);

        graphQl.documentName("conversationMessages").variable("id", conversation.toString()).variable("first", 100).execute()
                .path("conversation.messages.edges[*].node.role").entityList(String.class)
                .contains("SYSTEM", "USER", "ASSISTANT", "TOOL");

        graphQl.documentName("conversationMessages").variable("id", conversation.toString()).variable("role", "TOOL").execute()
                .path("conversation.messages.totalCount").entity(Integer.class).isEqualTo(tools.size());
    }

    @Test
    void messageByIdComesFromEitherSchemaWithItsConversation() {
        UUID publicOnly = UUID.fromString(Sql.string(sql, """
                select m.id::text from public.messages m where not exists (select 1 from chat.messages c where c.id = m.id)
                order by 1 limit 1"""));
        String conversation = Sql.string(sql, "select conversation_id::text from public.messages where id = $1", publicOnly);
        String content = Sql.string(sql, "select content from public.messages where id = $1", publicOnly);
        graphQl.document("query($id: ID!) { message(id: $id) { id content role conversation { id } embedding } }")
                .variable("id", publicOnly.toString()).execute()
                .path("message.content").entity(String.class).isEqualTo(content)
                .path("message.conversation.id").entity(String.class).isEqualTo(conversation)
                .path("message.embedding").valueIsNull();
    }

    @Test
    void embeddingsAreServedAsFloatsWhateverTheColumnType() {
        UUID message = UUID.fromString(Sql.string(sql, "select id::text from chat.messages where embedding is not null order by id limit 1"));
        List<String> stored = Sql.strings(sql, "select unnest(embedding::real[])::text from chat.messages where id = $1", message);
        List<Double> served = graphQl.document("query($id: ID!) { message(id: $id) { embedding } }")
                .variable("id", message.toString()).execute()
                .path("message.embedding").entityList(Double.class).get();
        assertThat(served).hasSize(stored.size()).hasSize(1536);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(served.get(i).floatValue()).isEqualTo(Float.parseFloat(stored.get(i)));
        }
    }

    private List<String> walkMessages(String conversation, int first, String role) {
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            GraphQlTester.Response page = graphQl.documentName("conversationMessages")
                    .variable("id", conversation).variable("first", first).variable("after", after).variable("role", role)
                    .execute();
            List<String> ids = page.path("conversation.messages.edges[*].node.id").entityList(String.class).get();
            page.path("conversation.messages.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            if (!ids.isEmpty()) {
                page.path("conversation.messages.edges[*].node.conversation.id").entityList(String.class)
                        .containsExactly(java.util.Collections.nCopies(ids.size(), conversation).toArray(String[]::new));
            }
            seen.addAll(ids);
            hasNext = page.path("conversation.messages.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("conversation.messages.pageInfo.endCursor").entity(String.class).get();
            assertThat(seen.size()).isLessThan(10_000);
        }
        return seen;
    }
}
