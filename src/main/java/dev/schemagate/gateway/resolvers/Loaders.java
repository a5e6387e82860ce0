package dev.schemagate.gateway.resolvers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
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
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
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
            FileStore files, MemoryStore memories, MeterRegistry meters) {
        Registrar loaders = new Registrar(registry, meters);
        loaders.<UUID, Conversation>register(CONVERSATION_BY_ID, conversations::byIds);
        loaders.<UUID, AiState>register(AI_STATE_BY_ID, conversations::aiStates);
        loaders.<UUID, List<Conversation>>register(CONVERSATIONS_BY_FILE, conversations::byFiles);
        loaders.<UUID, Message>register(MESSAGE_BY_ID, messages::byIds);
        loaders.<MessagePageKey, Page<Message>>register(MESSAGE_PAGES, keys -> messages.pages(new ArrayList<>(keys)));
        loaders.<MessageCountKey, Integer>register(MESSAGE_COUNTS, keys -> messages.counts(new ArrayList<>(keys)));
        loaders.<UUID, List<Double>>register(EMBEDDING_BY_MESSAGE, messages::embeddings);
        loaders.<UUID, StoredFile>register(FILE_BY_ID, files::byIds);
        loaders.<ConversationFilesKey, List<StoredFile>>register(FILES_BY_CONVERSATION, keys -> files.byConversations(new ArrayList<>(keys)));
        loaders.<UUID, List<PlatformUpload>>register(UPLOADS_BY_FILE, files::uploads);
        loaders.<UUID, Memory>register(MEMORY_BY_ID, memories::byIds);
        loaders.<ConversationMemoriesKey, List<Memory>>register(MEMORIES_BY_CONVERSATION, keys -> memories.byConversations(new ArrayList<>(keys)));
        loaders.<UUID, Object>register(NODE_BY_ID, ids -> Mono.zip(conversations.byIds(ids), messages.byIds(ids), files.byIds(ids),
                        memories.byIds(ids))
                .map(found -> firstFound(ids, List.of(found.getT1(), found.getT2(), found.getT3(), found.getT4()))));
    }

    /** Registers batch loaders by name, recording each batch's size ({@code gateway.dataloader.batch.size}). */
    private record Registrar(BatchLoaderRegistry registry, MeterRegistry meters) {

        <K, V> void register(String name, Function<Set<K>, Mono<Map<K, V>>> load) {
            DistributionSummary sizes = DistributionSummary.builder("gateway.dataloader.batch.size")
                    .description("Keys per DataLoader batch")
                    .tag("loader", name)
                    .register(meters);
            registry.<K, V>forName(name).registerMappedBatchLoader((keys, env) -> {
                sizes.record(keys.size());
                return load.apply(keys);
            });
        }
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
