package dev.schemagate.gateway.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.schemagate.gateway.support.GatewayHttpTest;
import dev.schemagate.gateway.support.Sql;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Files with their TTL and two kinds of link, platform uploads, memories and AI state. */
class FileAndMemoryQueryTest extends GatewayHttpTest {

    private static final String FILES_OF_CONVERSATION = """
            select id::text from public.files
            where (conversation_id = $1 or id in (select file_id from chat.conversation_files where conversation_id = $1))
              and ($2 or expires_at is null or expires_at > now())
            order by created_at desc, id""";

    @Test
    void filesConnectionLeavesExpiredFilesOutUnlessAsked() {
        List<String> live = Sql.strings(sql, "select id::text from public.files where expires_at is null or expires_at > now() order by created_at desc, id");
        List<String> all = Sql.strings(sql, "select id::text from public.files order by created_at desc, id");
        assertThat(all).hasSizeGreaterThan(live.size());

        assertThat(walkFiles(Map.of())).containsExactlyElementsOf(live);
        assertThat(walkFiles(Map.of("includeExpired", true))).containsExactlyElementsOf(all);
        graphQl.document("{ files(first: 1) { totalCount } all: files(first: 1, filter: { includeExpired: true }) { totalCount } }")
                .execute()
                .path("files.totalCount").entity(Integer.class).isEqualTo(live.size())
                .path("all.totalCount").entity(Integer.class).isEqualTo(all.size());
    }

    @Test
    void anExpiredFileIsStillReturnedById() {
        UUID expired = UUID.fromString(Sql.string(sql, "select id::text from public.files where expires_at < now() order by id limit 1"));
        UUID never = UUID.fromString(Sql.string(sql, "select id::text from public.files where expires_at is null order by id limit 1"));
        graphQl.document("query($a: ID!, $b: ID!) { a: file(id: $a) { id expired expiresAt } b: file(id: $b) { expired expiresAt } }")
                .variable("a", expired.toString()).variable("b", never.toString()).execute()
                .path("a.id").entity(String.class).isEqualTo(expired.toString())
                .path("a.expired").entity(Boolean.class).isEqualTo(true)
                .path("a.expiresAt").hasValue()
                .path("b.expired").entity(Boolean.class).isEqualTo(false)
                .path("b.expiresAt").valueIsNull();
    }

    @Test
    void aFileLinkedBothWaysBelongsToItsConversationOnce() {
        UUID conversation = UUID.fromString(Sql.string(sql, """
                select f.conversation_id::text from public.files f
                join chat.conversation_files l on l.file_id = f.id and l.conversation_id = f.conversation_id
                order by 1 limit 1"""));
        List<String> live = Sql.strings(sql, FILES_OF_CONVERSATION, conversation, false);
        List<String> all = Sql.strings(sql, FILES_OF_CONVERSATION, conversation, true);
        GraphQlTester.Response response = graphQl.documentName("conversationDetail").variable("id", conversation.toString()).execute();
        response.path("conversation.files[*].id").entityList(String.class).containsExactly(live.toArray(String[]::new));
        response.path("conversation.allFiles[*].id").entityList(String.class).containsExactly(all.toArray(String[]::new));

        graphQl.document("query($c: ID!) { files(first: 100, filter: { conversationId: $c, includeExpired: true }) { totalCount nodes { id } } }")
                .variable("c", conversation.toString()).execute()
                .path("files.nodes[*].id").entityList(String.class).containsExactly(all.toArray(String[]::new))
                .path("files.totalCount").entity(Integer.class).isEqualTo(all.size());
    }

    @Test
    void filesOnlyAttachedThroughTheLinkTableCountAndKnowTheirConversations() {
        UUID file = UUID.fromString(Sql.string(sql, """
                select l.file_id::text from chat.conversation_files l join public.files f on f.id = l.file_id
                where f.conversation_id is null order by 1 limit 1"""));
        List<String> owners = Sql.strings(sql, """
                select conversation_id::text from chat.conversation_files where file_id = $1
                union select conversation_id::text from public.files where id = $1 and conversation_id is not null
                order by 1""", file);
        List<String> served = graphQl.document("query($id: ID!) { file(id: $id) { conversations { id } } }")
                .variable("id", file.toString()).execute()
                .path("file.conversations[*].id").entityList(String.class).get();
        assertThat(served).containsExactlyInAnyOrderElementsOf(owners).isNotEmpty();
    }

    @Test
    void platformUploadsComeFromTheRegistry() {
        UUID file = UUID.fromString(Sql.string(sql, "select file_id::text from public.platform_file_registry group by file_id having count(*) > 1 order by 1 limit 1"));
        List<String> expected = Sql.strings(sql, "select platform || ':' || platform_file_id from public.platform_file_registry where file_id = $1 order by uploaded_at, platform, platform_file_id", file);
        List<Map<String, Object>> uploads = graphQl.document("query($id: ID!) { file(id: $id) { platformUploads { platform platformFileId uploadedAt } } }")
                .variable("id", file.toString()).execute()
                .path("file.platformUploads").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(uploads.stream().map(u -> u.get("platform") + ":" + u.get("platformFileId")).toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void aiStateFieldsComeFromAiManagerAndDefaultWhereAbsent() {
        UUID withState = UUID.fromString(Sql.string(sql, """
                select a.id::text from ai_manager.conversations a join public.conversations p using (id)
                where a.summary is not null order by 1 limit 1"""));
        String model = Sql.string(sql, "select model from ai_manager.conversations where id = $1", withState);
        String summary = Sql.string(sql, "select summary from ai_manager.conversations where id = $1", withState);
        long tokens = Sql.number(sql, "select token_count from ai_manager.conversations where id = $1", withState);
        graphQl.documentName("conversationDetail").variable("id", withState.toString()).execute()
                .path("conversation.model").entity(String.class).isEqualTo(model)
                .path("conversation.summary").entity(String.class).isEqualTo(summary)
                .path("conversation.tokenCount").entity(Long.class).isEqualTo(tokens);

        UUID without = UUID.fromString(Sql.string(sql, """
                select c.id::text from chat.conversations c where not exists (select 1 from ai_manager.conversations a where a.id = c.id)
                order by 1 limit 1"""));
        graphQl.documentName("conversationDetail").variable("id", without.toString()).execute()
                .path("conversation.model").valueIsNull()
                .path("conversation.summary").valueIsNull()
                .path("conversation.tokenCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void memoriesOfAConversationAndTheMemoriesConnectionFollowSql() {
        UUID conversation = UUID.fromString(Sql.string(sql, """
                select conversation_id::text from ai_manager.memories where conversation_id is not null
                group by conversation_id order by count(*) desc, 1 limit 1"""));
        List<String> expected = Sql.strings(sql, "select id::text from ai_manager.memories where conversation_id = $1 order by created_at desc, id", conversation);
        graphQl.documentName("conversationDetail").variable("id", conversation.toString()).execute()
                .path("conversation.memories[*].id").entityList(String.class).containsExactly(expected.toArray(String[]::new))
                .path("conversation.memories[*].conversation.id").entityList(String.class).contains(conversation.toString());

        List<String> byUserAndKind = Sql.strings(sql, "select id::text from ai_manager.memories where user_id = 'user-3' and kind = 'fact' order by created_at desc, id");
        assertThat(byUserAndKind).isNotEmpty();
        graphQl.document("{ memories(first: 100, filter: { userId: \"user-3\", kind: \"fact\" }) { totalCount nodes { id userId kind importance } } }")
                .execute()
                .path("memories.nodes[*].id").entityList(String.class).containsExactly(byUserAndKind.toArray(String[]::new))
                .path("memories.totalCount").entity(Integer.class).isEqualTo(byUserAndKind.size());

        List<String> all = Sql.strings(sql, "select id::text from ai_manager.memories order by created_at desc, id");
        List<String> walked = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            GraphQlTester.Response page = graphQl.document("query($after: String) { memories(first: 40, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }")
                    .variable("after", after).execute();
            walked.addAll(page.path("memories.nodes[*].id").entityList(String.class).get());
            hasNext = page.path("memories.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("memories.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(walked).containsExactlyElementsOf(all);
    }

    @Test
    void aMemoryWithoutConversationHasANullConversation() {
        UUID memory = UUID.fromString(Sql.string(sql, "select id::text from ai_manager.memories where conversation_id is null order by id limit 1"));
        graphQl.document("query($id: ID!) { memory(id: $id) { id conversation { id } } }").variable("id", memory.toString()).execute()
                .errors().verify()
                .path("memory.id").entity(String.class).isEqualTo(memory.toString())
                .path("memory.conversation").valueIsNull();
    }

    private List<String> walkFiles(Map<String, Object> filter) {
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            GraphQlTester.Response page = graphQl.document("query($after: String, $filter: FileFilter) { files(first: 7, after: $after, filter: $filter) { nodes { id expired } pageInfo { hasNextPage endCursor } } }")
                    .variable("after", after).variable("filter", filter).execute();
            seen.addAll(page.path("files.nodes[*].id").entityList(String.class).get());
            hasNext = page.path("files.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("files.pageInfo.endCursor").entity(String.class).get();
        }
        return seen;
    }
}
