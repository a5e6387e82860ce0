package dev.schemagate.gateway.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.Sql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Paging forward and backward, to the end and back, in every order, across the union of schemas. */
class PagingAndOrderTest extends GatewayHttpTest {

    private static final String CONVERSATIONS = """
            query($first: Int, $after: String, $last: Int, $before: String, $order: ConversationOrder) {
              conversations(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                nodes { id }
              } }""";

    @ParameterizedTest
    @CsvSource({
            "UPDATED_AT, DESC, updated_at desc",
            "UPDATED_AT, ASC, updated_at asc",
            "CREATED_AT, DESC, created_at desc",
            "CREATED_AT, ASC, created_at asc",
            "TITLE, ASC, title_key asc",
            "TITLE, DESC, title_key desc" })
    void conversationsPageToTheEndAndBackInEveryOrder(String field, String direction, String sqlOrder) {
        List<String> expected = Sql.strings(sql, """
                with winners as (
                  select distinct on (id) * from (
                    select 1 as rank, id, title, created_at, updated_at from chat.conversations
                    union all
                    select 2, id, title, created_at, updated_at from public.conversations) all_rows
                  order by id, rank)
                select id::text from (select *, coalesce(title, '') as title_key from winners) w order by %s, id""".formatted(sqlOrder));
        Map<String, Object> order = Map.of("field", field, "direction", direction);

        List<String> forward = new ArrayList<>();
        String after = null;
        String endCursor = null;
        boolean hasNext = true;
        while (hasNext) {
            GraphQlTester.Response page = graphQl.document(CONVERSATIONS)
                    .variable("first", 41).variable("after", after).variable("order", order).execute();
            forward.addAll(page.path("conversations.nodes[*].id").entityList(String.class).get());
            page.path("conversations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            hasNext = page.path("conversations.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("conversations.pageInfo.endCursor").entity(String.class).get();
            endCursor = after;
        }
        assertThat(forward).containsExactlyElementsOf(expected);

        List<String> backward = new ArrayList<>();
        String before = null;
        boolean hasPrevious = true;
        while (hasPrevious) {
            GraphQlTester.Response page = graphQl.document(CONVERSATIONS)
                    .variable("last", 29).variable("before", before).variable("order", order).execute();
            List<String> ids = page.path("conversations.nodes[*].id").entityList(String.class).get();
            page.path("conversations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(before != null);
            List<String> reversed = new ArrayList<>(ids);
            Collections.reverse(reversed);
            backward.addAll(reversed);
            hasPrevious = page.path("conversations.pageInfo.hasPreviousPage").entity(Boolean.class).get();
            before = page.path("conversations.pageInfo.startCursor").entity(String.class).get();
        }
        Collections.reverse(backward);
        assertThat(backward).containsExactlyElementsOf(expected);

        GraphQlTester.Response tail = graphQl.document(CONVERSATIONS)
                .variable("last", 5).variable("order", order).execute();
        tail.path("conversations.nodes[*].id").entityList(String.class)
                .containsExactly(expected.subList(expected.size() - 5, expected.size()).toArray(String[]::new));
        assertThat(endCursor).isNotNull();
    }

    @Test
    void afterAndBeforeTogetherBoundAWindow() {
        List<String> expected = Sql.strings(sql, Sql.CONVERSATIONS_IN_ORDER);
        GraphQlTester.Response first = graphQl.document("{ conversations(first: 30) { edges { cursor node { id } } } }").execute();
        String tenth = first.path("conversations.edges[9].cursor").entity(String.class).get();
        String twentieth = first.path("conversations.edges[19].cursor").entity(String.class).get();
        graphQl.document("query($a: String, $b: String) { conversations(first: 100, after: $a, before: $b) { nodes { id } } }")
                .variable("a", tenth).variable("b", twentieth).execute()
                .path("conversations.nodes[*].id").entityList(String.class)
                .containsExactly(expected.subList(10, 19).toArray(String[]::new));
        graphQl.document("query($a: String, $b: String) { conversations(last: 3, after: $a, before: $b) { nodes { id } } }")
                .variable("a", tenth).variable("b", twentieth).execute()
                .path("conversations.nodes[*].id").entityList(String.class)
                .containsExactly(expected.subList(16, 19).toArray(String[]::new));
    }

    @Test
    void messagesPageBackwardAndNewestFirst() {
        UUID conversation = UUID.fromString(Sql.string(sql, """
                select c.id::text from chat.conversations c join public.conversations p using (id)
                order by (select count(*) from chat.messages m where m.conversation_id = c.id) desc, 1 limit 1"""));
        List<String> ascending = Sql.strings(sql, Sql.MESSAGES_IN_ORDER, conversation);
        List<String> descending = Sql.strings(sql, """
                select id::text from (
                  select distinct on (id) id, created_at from (
                    select 1 as rank, id, created_at from chat.messages where conversation_id = $1
                    union all
                    select 2, id, created_at from public.messages where conversation_id = $1) all_rows
                  order by id, rank) winners
                order by created_at desc, id""", conversation);
        String document = """
                query($id: ID!, $first: Int, $last: Int, $before: String, $after: String, $order: MessageOrder) {
                  conversation(id: $id) { messages(first: $first, last: $last, before: $before, after: $after, orderBy: $order) {
                    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id } } } }""";

        List<String> newestFirst = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            GraphQlTester.Response page = graphQl.document(document).variable("id", conversation.toString())
                    .variable("first", 6).variable("after", after)
                    .variable("order", Map.of("field", "CREATED_AT", "direction", "DESC")).execute();
            newestFirst.addAll(page.path("conversation.messages.nodes[*].id").entityList(String.class).get());
            hasNext = page.path("conversation.messages.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("conversation.messages.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(newestFirst).containsExactlyElementsOf(descending);

        List<String> backward = new ArrayList<>();
        String before = null;
        boolean hasPrevious = true;
        while (hasPrevious) {
            GraphQlTester.Response page = graphQl.document(document).variable("id", conversation.toString())
                    .variable("last", 7).variable("before", before).execute();
            List<String> ids = new ArrayList<>(page.path("conversation.messages.nodes[*].id").entityList(String.class).get());
            Collections.reverse(ids);
            backward.addAll(ids);
            hasPrevious = page.path("conversation.messages.pageInfo.hasPreviousPage").entity(Boolean.class).get();
            before = page.path("conversation.messages.pageInfo.startCursor").entity(String.class).get();
        }
        Collections.reverse(backward);
        assertThat(backward).containsExactlyElementsOf(ascending);
    }

    @Test
    void mixedDirectionsInOneRequestStayOneStatement() {
        statements.reset();
        GraphQlTester.Response response = graphQl.document("""
                { conversations(first: 8) { nodes { id
                    oldest: messages(first: 2) { nodes { id } }
                    newest: messages(first: 2, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id } }
                    tail: messages(last: 2) { nodes { id } } } } }""").execute();
        assertThat(statements.statements().stream().filter(s -> s.contains("\"messages\"")).count()).isEqualTo(1);
        List<String> ids = response.path("conversations.nodes[*].id").entityList(String.class).get();
        for (int i = 0; i < ids.size(); i++) {
            List<String> all = Sql.strings(sql, Sql.MESSAGES_IN_ORDER, UUID.fromString(ids.get(i)));
            List<String> oldest = all.subList(0, Math.min(2, all.size()));
            List<String> tail = all.subList(Math.max(0, all.size() - 2), all.size());
            response.path("conversations.nodes[" + i + "].oldest.nodes[*].id").entityList(String.class).containsExactly(oldest.toArray(String[]::new));
            response.path("conversations.nodes[" + i + "].tail.nodes[*].id").entityList(String.class).containsExactly(tail.toArray(String[]::new));
            response.path("conversations.nodes[" + i + "].newest.nodes[0].id").entity(String.class).isEqualTo(all.get(all.size() - 1));
        }
    }

    @Test
    void filesAndMemoriesPageBackwardToo() {
        List<String> files = Sql.strings(sql, "select id::text from public.files where expires_at is null or expires_at > now() order by created_at desc, id");
        graphQl.document("{ files(last: 4) { nodes { id } pageInfo { hasPreviousPage hasNextPage } } }").execute()
                .path("files.nodes[*].id").entityList(String.class).containsExactly(files.subList(files.size() - 4, files.size()).toArray(String[]::new))
                .path("files.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("files.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        List<String> memories = Sql.strings(sql, "select id::text from ai_manager.memories order by created_at desc, id");
        graphQl.document("{ memories(last: 3) { nodes { id } } }").execute()
                .path("memories.nodes[*].id").entityList(String.class).containsExactly(memories.subList(memories.size() - 3, memories.size()).toArray(String[]::new));
    }

    @Test
    void firstAndLastTogetherIsABadRequest() {
        graphQl.document("{ conversations(first: 2, last: 2) { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
    }
}
