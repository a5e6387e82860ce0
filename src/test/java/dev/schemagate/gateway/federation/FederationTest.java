package dev.schemagate.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.LocalReactorResources;
import dev.schemagate.gateway.support.Sql;
import dev.schemagate.gateway.support.StatementCounter;
import org.springframework.graphql.ResponseError;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

/**
 * Federation 2 subgraph mode, spoken to the way Apollo Router does: {@code _service { sdl }} at
 * composition, {@code _entities(representations:)} with variables at query time. Answers are
 * compared with SQL on the same database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.federation.enabled=true")
@Import({ StatementCounter.class, LocalReactorResources.class })
class FederationTest extends GatewayHttpTest {

    private static final String ENTITIES = """
            query($representations: [_Any!]!) {
              _entities(representations: $representations) {
                __typename
                ... on Conversation { id title }
                ... on Message { id content }
                ... on File { id filename }
                ... on Memory { id content }
              }
            }""";

    /** Each type's id and the value the query above selects besides it, from the row that wins the id. */
    private static final Map<String, String> EXPECTED = Map.of(
            "Conversation", """
                    select distinct on (id) id::text, title from (
                      select 1 as rank, id, title from chat.conversations
                      union all select 2, id, title from public.conversations) rows
                    order by id, rank""",
            "Message", """
                    select distinct on (id) id::text, content from (
                      select 1 as rank, id, content from chat.messages
                      union all select 2, id, content from public.messages) rows
                    order by id, rank""",
            "File", "select id::text, filename from public.files",
            "Memory", "select id::text, content from ai_manager.memories");

    private static final Map<String, String> VALUE_FIELD = Map.of(
            "Conversation", "title", "Message", "content", "File", "filename", "Memory", "content");

    @Test
    void serviceSdlIsAFederationTwoSubgraphWithAKeyOnEachEntity() {
        String sdl = graphQl.document("{ _service { sdl } }").execute().path("_service.sdl").entity(String.class).get();

        assertThat(sdl).containsPattern("schema @link\\(import ?: \\[\"@key\"\\], url ?: \"https://specs.apollo.dev/federation/v2.7\"\\)");
        for (String type : List.of("Conversation", "Message", "File", "Memory")) {
            assertThat(sdl).containsPattern("type " + type + " implements Node @key\\(fields ?: \"id\"");
        }
        assertThat(sdl).contains("union _Entity = Conversation | File | Memory | Message");
        assertThat(sdl).contains("type PageInfo {").doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("jwt");
    }

    @Test
    void entitiesOfEachTypeAreTheRowsSqlFinds() {
        List<String> conversationIds = Sql.strings(sql, """
                (select id::text from chat.conversations c where exists (select 1 from public.conversations p where p.id = c.id) limit 2)
                union all (select id::text from public.conversations p where not exists (select 1 from chat.conversations c where c.id = p.id) limit 2)
                union all (select id::text from chat.conversations c where not exists (select 1 from public.conversations p where p.id = c.id) limit 2)""");
        List<String> messageIds = Sql.strings(sql, """
                (select id::text from chat.messages c where exists (select 1 from public.messages p where p.id = c.id) limit 2)
                union all (select id::text from public.messages p where not exists (select 1 from chat.messages c where c.id = p.id) limit 2)
                union all (select id::text from chat.messages order by created_at desc limit 2)""");
        assertThat(conversationIds).hasSize(6);
        assertThat(messageIds).hasSize(6);
        assertEntitiesMatchSql("Conversation", conversationIds);
        assertEntitiesMatchSql("Message", messageIds);
        assertEntitiesMatchSql("File", Sql.strings(sql, "select id::text from public.files order by expires_at nulls first, id limit 5"));
        assertEntitiesMatchSql("Memory", Sql.strings(sql, "select id::text from ai_manager.memories order by id limit 5"));
    }

    @Test
    void aMixedBatchRunsOneStatementPerTypeWhateverItsSizeAndKeepsItsOrder() {
        assertThat(statementsForMixedBatch(2)).isEqualTo(4);
        assertThat(statementsForMixedBatch(10)).isEqualTo(4);
    }

    @Test
    void unknownIdsAreNullInTheirPlace() {
        String conversation = Sql.string(sql, "select id::text from chat.conversations order by id limit 1");
        String memory = Sql.string(sql, "select id::text from ai_manager.memories order by id limit 1");
        String secret = Sql.string(sql, "select id::text from public.secrets order by name limit 1");
        List<Map<String, Object>> representations = List.of(
                representation("Conversation", UUID.randomUUID().toString()),
                representation("Conversation", conversation),
                representation("Memory", UUID.randomUUID().toString()),
                representation("Memory", memory),
                representation("Conversation", secret),
                representation("File", secret));

        GraphQlTester.Response response = graphQl.document(ENTITIES).variable("representations", representations).execute();

        response.path("_entities").entityList(Object.class).hasSize(6);
        response.path("_entities[0]").valueIsNull();
        response.path("_entities[1].id").entity(String.class).isEqualTo(conversation);
        response.path("_entities[2]").valueIsNull();
        response.path("_entities[3].id").entity(String.class).isEqualTo(memory);
        response.path("_entities[4]").valueIsNull();
        response.path("_entities[5]").valueIsNull();
    }

    @Test
    void malformedRepresentationsAreBadRequestsWithoutSqlOrStackTraces() {
        String valid = Sql.string(sql, "select id::text from public.files order by id limit 1");
        List<Map<String, Object>> representations = List.of(
                representation("Conversation", "not-a-uuid"),
                representation("File", valid),
                Map.of("__typename", "Message", "id", 42),
                Map.of("id", valid),
                representation("Secret", valid));
        statements.reset();

        GraphQlTester.Response response = graphQl.document(ENTITIES).variable("representations", representations).execute();

        response.errors().satisfy(errors -> {
            assertThat(errors).extracting(error -> String.valueOf(error.getExtensions().get("classification"))).containsOnly("BAD_REQUEST");
            assertThat(errors).extracting(error -> error.getParsedPath().toString())
                    .containsExactlyInAnyOrder("[_entities, 0]", "[_entities, 2]", "[_entities, 3]", "[_entities, 4]");
            assertThat(errors).extracting(ResponseError::getMessage)
                    .anySatisfy(message -> assertThat(message).contains("Conversation id must be a uuid").contains("not-a-uuid"))
                    .anySatisfy(message -> assertThat(message).contains("Message representation needs its key field \"id\""))
                    .anySatisfy(message -> assertThat(message).contains("\"__typename\""))
                    .anySatisfy(message -> assertThat(message).contains("No entity type 'Secret'"));
        });
        response.path("_entities[0]").valueIsNull();
        response.path("_entities[1].filename").entity(String.class)
                .isEqualTo(Sql.string(sql, "select filename from public.files where id = $1", UUID.fromString(valid)));
        response.path("_entities[2]").valueIsNull();
        response.path("_entities[3]").valueIsNull();
        response.path("_entities[4]").valueIsNull();
        assertThat(statements.statements()).hasSize(1).allMatch(statement -> statement.contains("\"files\""));

        String body = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", ENTITIES, "variables", Map.of("representations", representations)))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("Exception", "\tat ", "\\tat ", "select ", "dev.schemagate");
    }

    private void assertEntitiesMatchSql(String type, List<String> ids) {
        Map<String, String> expected = new LinkedHashMap<>();
        sql.sql(EXPECTED.get(type)).map(row -> new String[] { row.get(0, String.class), row.get(1, String.class) }).all()
                .doOnNext(row -> expected.put(row[0], row[1])).then().block(Duration.ofSeconds(30));
        List<Map<String, Object>> representations = ids.stream().map(id -> representation(type, id)).toList();

        GraphQlTester.Response response = graphQl.document(ENTITIES).variable("representations", representations).execute();

        response.path("_entities").entityList(Object.class).hasSize(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertThat(expected).as("%s %s exists", type, ids.get(i)).containsKey(ids.get(i));
            response.path("_entities[" + i + "].__typename").entity(String.class).isEqualTo(type);
            response.path("_entities[" + i + "].id").entity(String.class).isEqualTo(ids.get(i));
            response.path("_entities[" + i + "]." + VALUE_FIELD.get(type)).entity(String.class).isEqualTo(expected.get(ids.get(i)));
        }
    }

    /** Sends {@code each} representations of every type, interleaved, and checks the answer keeps their order. */
    private int statementsForMixedBatch(int each) {
        List<Map<String, Object>> representations = new ArrayList<>();
        List<List<String>> idsByType = List.of(
                Sql.strings(sql, "select id::text from chat.conversations order by id limit " + each),
                Sql.strings(sql, "select id::text from public.messages order by id limit " + each),
                Sql.strings(sql, "select id::text from public.files order by id limit " + each),
                Sql.strings(sql, "select id::text from ai_manager.memories order by id limit " + each));
        List<String> types = List.of("Conversation", "Message", "File", "Memory");
        for (int i = 0; i < each; i++) {
            for (int t = 0; t < types.size(); t++) {
                representations.add(representation(types.get(t), idsByType.get(t).get(i)));
            }
        }
        statements.reset();

        GraphQlTester.Response response = graphQl.document(ENTITIES).variable("representations", representations).execute();

        int count = statements.count();
        for (int i = 0; i < representations.size(); i++) {
            response.path("_entities[" + i + "].__typename").entity(String.class).isEqualTo(representations.get(i).get("__typename"));
            response.path("_entities[" + i + "].id").entity(String.class).isEqualTo(representations.get(i).get("id"));
        }
        return count;
    }

    private static Map<String, Object> representation(String type, String id) {
        return Map.of("__typename", type, "id", id);
    }
}
