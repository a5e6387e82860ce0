package dev.schemagate.gateway.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.Sql;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * On the resolver path (compilation off, as for queries the compiler declines) every nested
 * field loads through a batch: the statement count does not grow with the parents.
 */
@TestPropertySource(properties = "gateway.execution.compile=false")
class StatementCountTest extends GatewayHttpTest {

    @RepeatedTest(5)
    void aNestedDashboardIssuesTheSameStatementsForFiveAndFiftyParents() {
        int five = statementsForDashboard(5);
        List<String> fiveStatements = statements.statements();
        int fifty = statementsForDashboard(50);

        assertThat(fifty).as("five: %s%nfifty: %s", fiveStatements, statements.statements()).isEqualTo(five);
        assertThat(five).as("statements: %s", fiveStatements).isLessThanOrEqualTo(9);
        assertThat(fiveStatements.stream().filter(s -> s.contains("\"messages\"") && s.contains("lateral")).count())
                .as("one statement for every messages field of every parent").isEqualTo(1);
    }

    @Test
    void differentArgumentsOnTheSameFieldBatchTogetherAndStayCorrect() {
        String document = """
                { conversations(first: 12) { nodes { id
                    five: messages(first: 5) { nodes { id } pageInfo { hasNextPage } }
                    ten: messages(first: 10) { nodes { id } pageInfo { hasNextPage } }
                    tools: messages(first: 3, role: TOOL) { nodes { role } } } } }""";
        statements.reset();
        GraphQlTester.Response response = graphQl.document(document).execute();
        long messageStatements = statements.statements().stream().filter(s -> s.contains("\"messages\"")).count();
        assertThat(messageStatements).isEqualTo(1);

        List<String> ids = response.path("conversations.nodes[*].id").entityList(String.class).get();
        for (int i = 0; i < ids.size(); i++) {
            List<String> expected = Sql.strings(sql, Sql.MESSAGES_IN_ORDER, UUID.fromString(ids.get(i)));
            response.path("conversations.nodes[" + i + "].five.nodes[*].id").entityList(String.class)
                    .containsExactly(expected.subList(0, Math.min(5, expected.size())).toArray(String[]::new));
            response.path("conversations.nodes[" + i + "].ten.nodes[*].id").entityList(String.class)
                    .containsExactly(expected.subList(0, Math.min(10, expected.size())).toArray(String[]::new));
            response.path("conversations.nodes[" + i + "].five.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(expected.size() > 5);
            response.path("conversations.nodes[" + i + "].ten.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(expected.size() > 10);
            long tools = Math.min(3, Sql.number(sql, "select count(*) from (" + Sql.MESSAGES_IN_ORDER + ") m "
                    + "where m.id::uuid in (select id from chat.messages where role = 'tool')", UUID.fromString(ids.get(i))));
            response.path("conversations.nodes[" + i + "].tools.nodes[*].role").entityList(String.class)
                    .satisfies(roles -> assertThat(roles).hasSize((int) tools).allMatch("TOOL"::equals));
        }
    }

    @Test
    void manyRootLookupsShareOneStatementPerType() {
        List<String> ids = Sql.strings(sql, "select id::text from public.conversations order by id limit 8");
        StringBuilder document = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            document.append(" c").append(i).append(": conversation(id: \"").append(ids.get(i)).append("\") { id model }");
        }
        document.append(" }");
        statements.reset();
        GraphQlTester.Response response = graphQl.document(document.toString()).execute();
        for (int i = 0; i < ids.size(); i++) {
            response.path("c" + i + ".id").entity(String.class).isEqualTo(ids.get(i));
        }
        assertThat(statements.count()).as("%s", statements.statements()).isEqualTo(2);
    }

    private int statementsForDashboard(int parents) {
        statements.reset();
        graphQl.documentName("dashboard").variable("first", parents).execute()
                .path("conversations.nodes").entityList(Object.class).hasSize(parents);
        return statements.count();
    }
}
