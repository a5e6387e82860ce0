package dev.schemagate.gateway.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.Sql;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** {@code node(id)} finds every type in whichever schema holds it, batched. */
class NodeQueryTest extends GatewayHttpTest {

    private static final String NODE = """
            query($id: ID!) { node(id: $id) { __typename id
              ... on Conversation { title } ... on Message { content } ... on File { filename } ... on Memory { kind } } }""";

    @Test
    void findsEachTypeFromEverySchema() {
        assertNode(Sql.string(sql, "select id::text from public.conversations p where not exists "
                + "(select 1 from chat.conversations c where c.id = p.id) order by id limit 1"), "Conversation", "title",
                "select title from public.conversations where id::text = $1");
        assertNode(Sql.string(sql, "select id::text from chat.conversations order by id limit 1"), "Conversation", "title",
                "select title from chat.conversations where id::text = $1");
        assertNode(Sql.string(sql, "select id::text from public.messages order by id limit 1"), "Message", "content",
                "select content from public.messages where id::text = $1");
        assertNode(Sql.string(sql, "select id::text from chat.messages order by id limit 1"), "Message", "content",
                "select content from chat.messages where id::text = $1");
        assertNode(Sql.string(sql, "select id::text from public.files where expires_at < now() order by id limit 1"), "File", "filename",
                "select filename from public.files where id::text = $1");
        assertNode(Sql.string(sql, "select id::text from ai_manager.memories order by id limit 1"), "Memory", "kind",
                "select kind from ai_manager.memories where id::text = $1");
    }

    @Test
    void anUnknownIdIsNullAndAMalformedOneABadRequest() {
        graphQl.document(NODE).variable("id", "00000000-0000-4000-8000-000000000000").execute()
                .errors().verify().path("node").valueIsNull();
        graphQl.document(NODE).variable("id", "nope").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
    }

    @Test
    void manyNodeFieldsShareOneBatch() {
        List<String> ids = Sql.strings(sql, """
                (select id::text from chat.conversations order by id limit 3)
                union all (select id::text from public.messages order by id limit 3)
                union all (select id::text from public.files order by id limit 3)
                union all (select id::text from ai_manager.memories order by id limit 3)""");
        StringBuilder document = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            document.append(" n").append(i).append(": node(id: \"").append(ids.get(i)).append("\") { id __typename }");
        }
        document.append(" }");
        statements.reset();
        GraphQlTester.Response response = graphQl.document(document.toString()).execute();
        for (int i = 0; i < ids.size(); i++) {
            response.path("n" + i + ".id").entity(String.class).isEqualTo(ids.get(i));
        }
        assertThat(statements.count()).as("%s", statements.statements()).isEqualTo(4);
    }

    private void assertNode(String id, String type, String field, String expectedSql) {
        String expected = Sql.string(sql, expectedSql, id);
        graphQl.document(NODE).variable("id", id).execute()
                .path("node.__typename").entity(String.class).isEqualTo(type)
                .path("node.id").entity(String.class).isEqualTo(id)
                .path("node." + field).entity(String.class).isEqualTo(expected);
    }
}
