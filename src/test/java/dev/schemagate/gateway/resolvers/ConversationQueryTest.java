package dev.schemagate.gateway.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.Sql;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Conversations over chat and public: union, precedence, keyset paging, filters. */
class ConversationQueryTest extends GatewayHttpTest {

    @Test
    void walkingEveryPageReturnsEachConversationOnceInUpdatedAtOrder() {
        List<String> expected = Sql.strings(sql, Sql.CONVERSATIONS_IN_ORDER);
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        int pages = 0;
        while (hasNext) {
            GraphQlTester.Response page = graphQl.documentName("conversationsPage")
                    .variable("first", 37).variable("after", after).execute();
            page.path("conversations.totalCount").entity(Integer.class).isEqualTo(expected.size());
            page.path("conversations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            seen.addAll(page.path("conversations.edges[*].node.id").entityList(String.class).get());
            hasNext = page.path("conversations.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("conversations.pageInfo.endCursor").entity(String.class).get();
            pages++;
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(pages).isEqualTo((expected.size() + 36) / 37);
    }

    @Test
    void aConversationInBothSchemasIsServedOnceFromChat() {
        String id = Sql.string(sql, "select c.id::text from chat.conversations c join public.conversations p using (id) order by 1 limit 1");
        String chatTitle = Sql.string(sql, "select title from chat.conversations where id = $1", UUID.fromString(id));
        String publicTitle = Sql.string(sql, "select title from public.conversations where id = $1", UUID.fromString(id));
        assertThat(chatTitle).isNotEqualTo(publicTitle);

        graphQl.documentName("conversationDetail").variable("id", id).execute()
                .path("conversation.id").entity(String.class).isEqualTo(id)
                .path("conversation.title").entity(String.class).isEqualTo(chatTitle);

        List<String> titles = graphQl.documentName("conversationsPage")
                .variable("first", 100).variable("filter", Map.of("titleContains", chatTitle)).execute()
                .path("conversations.edges[*].node.id").entityList(String.class).get();
        assertThat(titles).containsOnlyOnce(id);
    }

    @Test
    void aConversationOnlyInPublicHasNoSessionAndKeepsItsOwnFields() {
        UUID id = UUID.fromString(Sql.string(sql, """
                select p.id::text from public.conversations p
                where not exists (select 1 from chat.conversations c where c.id = p.id) and p.title is not null
                order by 1 limit 1"""));
        String title = Sql.string(sql, "select title from public.conversations where id = $1", id);
        String updatedAt = Sql.string(sql, "select to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') from public.conversations where id = $1", id);

        GraphQlTester.Response response = graphQl.documentName("conversationDetail").variable("id", id.toString()).execute();
        response.path("conversation.title").entity(String.class).isEqualTo(title);
        response.path("conversation.sessionId").valueIsNull();
        response.path("conversation.metadata.origin").entity(String.class).isEqualTo("exai");
        String served = response.path("conversation.updatedAt").entity(String.class).get();
        assertThat(OffsetDateTime.parse(served).toInstant()).isEqualTo(OffsetDateTime.parse(updatedAt + "Z").toInstant());
    }

    @Test
    void aChatConversationServesItsSession() {
        UUID id = UUID.fromString(Sql.string(sql, "select id::text from chat.conversations where session_id is not null order by id limit 1"));
        String session = Sql.string(sql, "select session_id::text from chat.conversations where id = $1", id);
        graphQl.documentName("conversationDetail").variable("id", id.toString()).execute()
                .path("conversation.sessionId").entity(String.class).isEqualTo(session);
    }

    @Test
    void anIdNoSchemaHoldsAnswersNullWithoutError() {
        graphQl.document("{ conversation(id: \"00000000-0000-4000-8000-000000000000\") { id } }").execute()
                .errors().verify()
                .path("conversation").valueIsNull();
    }

    @Test
    void continuationIdFilterFindsConversationsOfEitherSchema() {
        String continuation = Sql.string(sql, """
                select continuation_id from public.conversations p
                where continuation_id is not null and not exists (select 1 from chat.conversations c where c.id = p.id)
                order by 1 limit 1""");
        List<String> expected = Sql.strings(sql, Sql.conversationsWhere("continuation_id = $1"), continuation);
        assertThat(expected).isNotEmpty();
        assertFilter(Map.of("continuationId", continuation), expected);
    }

    @Test
    void sessionFilterOnlyMatchesSchemasThatStoreSessions() {
        UUID session = UUID.fromString(Sql.string(sql, """
                select session_id::text from chat.conversations where session_id is not null
                group by session_id having count(*) > 1 order by 1 limit 1"""));
        List<String> expected = Sql.strings(sql, Sql.conversationsWhere("session_id = $1"), session);
        assertThat(expected).hasSizeGreaterThan(1);
        assertFilter(Map.of("sessionId", session.toString()), expected);
    }

    @Test
    void titleContainsIsCaseInsensitiveAcrossSchemas() {
        List<String> expected = Sql.strings(sql, Sql.conversationsWhere("title ilike '%kimi upload%'"));
        assertThat(expected).isNotEmpty();
        assertThat(Sql.number(sql, "select count(*) from public.conversations where title ilike '%kimi upload%'")).isPositive();
        assertFilter(Map.of("titleContains", "KIMI Upload"), expected);
    }

    @Test
    void updatedWindowAndOtherFiltersCombineWithAnd() {
        String after = Sql.string(sql, TIMESTAMP_AT_OFFSET, 40);
        String before = Sql.string(sql, TIMESTAMP_AT_OFFSET, 120);
        List<String> window = Sql.strings(sql, Sql.conversationsWhere(
                "updated_at > cast($1 as timestamptz) and updated_at < cast($2 as timestamptz)"), after, before);
        assertThat(window).isNotEmpty().hasSizeLessThan(Sql.strings(sql, Sql.CONVERSATIONS_IN_ORDER).size());
        assertFilter(Map.of("updatedAfter", after, "updatedBefore", before), window);

        List<String> combined = Sql.strings(sql, Sql.conversationsWhere(
                "updated_at > cast($1 as timestamptz) and updated_at < cast($2 as timestamptz) and title ilike '%weekly sync%'"),
                after, before);
        assertThat(combined).isNotEmpty().hasSizeLessThan(window.size());
        assertFilter(Map.of("updatedAfter", after, "updatedBefore", before, "titleContains", "weekly sync"), combined);
    }

    private static final String TIMESTAMP_AT_OFFSET = """
            select to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') from (
              select updated_at from chat.conversations union all select updated_at from public.conversations) u
            order by 1 offset $1 limit 1""";

    private void assertFilter(Map<String, Object> filter, List<String> expected) {
        GraphQlTester.Response response = graphQl.documentName("conversationsPage")
                .variable("first", 100).variable("filter", filter).execute();
        response.path("conversations.edges[*].node.id").entityList(String.class).containsExactly(expected.toArray(String[]::new));
        response.path("conversations.totalCount").entity(Integer.class).isEqualTo(expected.size());
    }
}
