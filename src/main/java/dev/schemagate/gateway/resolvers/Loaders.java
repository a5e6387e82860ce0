package dev.schemagate.gateway.resolvers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.schemagate.gateway.model.AiState;
import dev.schemagate.gateway.model.Conversation;
import dev.schemagate.gateway.model.Memory;
import dev.schemagate.gateway.model.Message;
import dev.schemagate.gateway.model.PlatformUpload;
import dev.schemagate.gateway.model.StoredFile;
import dev.schemagate.gateway.paging.Page;
import dev.schemagate.gateway.sql.ConversationFilesKey;
import dev.schemagate.gateway.sql.ConversationMemoriesKey;
import dev.schemagate.gateway.sql.ConversationStore;
import dev.schemagate.gateway.sql.FileStore;
import dev.schemagate.gateway.sql.MemoryStore;
import dev.schemagate.gateway.sql.MessageCountKey;
import dev.schemagate.gateway.sql.MessagePageKey;
import dev.schemagate.gateway.sql.MessageStore;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * Registers one batch loader per nested read. Each batch is one SQL statement, whatever
 * the number of routed tables behind it; controllers take the loaders by these names.
 */
@Configuration(proxyBeanMethods = false)
public class Loaders {

    public static final String CONVERSATION_BY_ID = "conversationById";
    public static final String AI_STATE_BY_ID = "aiStateById";
    public static final String CONVERSATIONS_BY_FILE = "conversationsByFile";
    public static final String MESSAGE_BY_ID = "messageById";
    public static final String MESSAGE_PAGES = "messagePages";
    public static final String MESSAGE_COUNTS = "messageCounts";
    public static final String EMBEDDING_BY_MESSAGE = "embeddingByMessage";
    public static final String FILE_BY_ID = "fileById";
    public static final String FILES_BY_CONVERSATION = "filesByConversation";
    public static final String UPLOADS_BY_FILE = "uploadsByFile";
    public static final String MEMORY_BY_ID = "memoryById";
    public static final String MEMORIES_BY_CONVERSATION = "memoriesByConversation";
    public static final String NODE_BY_ID = "nodeById";

    public Loaders(BatchLoaderRegistry registry, ConversationStore conversations, MessageStore messages,
            FileStore files, MemoryStore memories) {
        registry.<UUID, Conversation>forName(CONVERSATION_BY_ID)
                .registerMappedBatchLoader((ids, env) -> conversations.byIds(ids));
        registry.<UUID, AiState>forName(AI_STATE_BY_ID)
                .registerMappedBatchLoader((ids, env) -> conversations.aiStates(ids));
        registry.<UUID, List<Conversation>>forName(CONVERSATIONS_BY_FILE)
                .registerMappedBatchLoader((ids, env) -> conversations.byFiles(ids));
        registry.<UUID, Message>forName(MESSAGE_BY_ID)
                .registerMappedBatchLoader((ids, env) -> messages.byIds(ids));
        registry.<MessagePageKey, Page<Message>>forName(MESSAGE_PAGES)
                .registerMappedBatchLoader((keys, env) -> messages.pages(new ArrayList<>(keys)));
        registry.<MessageCountKey, Integer>forName(MESSAGE_COUNTS)
                .registerMappedBatchLoader((keys, env) -> messages.counts(new ArrayList<>(keys)));
        registry.<UUID, List<Double>>forName(EMBEDDING_BY_MESSAGE)
                .registerMappedBatchLoader((ids, env) -> messages.embeddings(ids));
        registry.<UUID, StoredFile>forName(FILE_BY_ID)
                .registerMappedBatchLoader((ids, env) -> files.byIds(ids));
        registry.<ConversationFilesKey, List<StoredFile>>forName(FILES_BY_CONVERSATION)
                .registerMappedBatchLoader((keys, env) -> files.byConversations(new ArrayList<>(keys)));
        registry.<UUID, List<PlatformUpload>>forName(UPLOADS_BY_FILE)
                .registerMappedBatchLoader((ids, env) -> files.uploads(ids));
        registry.<UUID, Memory>forName(MEMORY_BY_ID)
                .registerMappedBatchLoader((ids, env) -> memories.byIds(ids));
        registry.<ConversationMemoriesKey, List<Memory>>forName(MEMORIES_BY_CONVERSATION)
                .registerMappedBatchLoader((keys, env) -> memories.byConversations(new ArrayList<>(keys)));
        registry.<UUID, Object>forName(NODE_BY_ID)
                .registerMappedBatchLoader((ids, env) -> Mono.zip(conversations.byIds(ids), messages.byIds(ids),
                                files.byIds(ids), memories.byIds(ids))
                        .map(found -> firstFound(ids, List.of(found.getT1(), found.getT2(), found.getT3(), found.getT4()))));
    }

    /** Each id's entity from the first type that has it; ids are uuids and never shared between types. */
    private static Map<UUID, Object> firstFound(Set<UUID> ids, List<Map<UUID, ?>> byType) {
        Map<UUID, Object> nodes = new HashMap<>();
        for (UUID id : ids) {
            byType.stream().map(found -> found.get(id)).filter(Objects::nonNull).findFirst()
                    .ifPresent(node -> nodes.put(id, node));
        }
        return nodes;
    }

    static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
