package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.Ids;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.schemagate.gateway.model.AiState;
import dev.schemagate.gateway.model.Conversation;
import dev.schemagate.gateway.model.Memory;
import dev.schemagate.gateway.model.StoredFile;
import dev.schemagate.gateway.paging.Connection;
import dev.schemagate.gateway.paging.PageRequest;
import dev.schemagate.gateway.paging.SortOrder;
import dev.schemagate.gateway.paging.Paging;
import dev.schemagate.gateway.sql.ConversationCriteria;
import dev.schemagate.gateway.sql.ConversationFilesKey;
import dev.schemagate.gateway.sql.ConversationMemoriesKey;
import dev.schemagate.gateway.sql.ConversationStore;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code Conversation} and its root queries; messages live in {@link MessageController}. */
@Controller
public class ConversationController {

    private final ConversationStore conversations;
    private final Paging paging;

    public ConversationController(ConversationStore conversations, Paging paging) {
        this.conversations = conversations;
        this.paging = paging;
    }

    @QueryMapping
    public CompletableFuture<Conversation> conversation(@Argument String id, DataLoader<UUID, Conversation> conversationById) {
        return conversationById.load(Ids.parse("id", id));
    }

    /** The GraphQL {@code ConversationOrder} input. */
    public record ConversationOrderInput(String field, String direction) {
    }

    @QueryMapping
    public Mono<Connection<Conversation>> conversations(@Argument Integer first, @Argument String after,
            @Argument Integer last, @Argument String before, @Argument ConversationFilterInput filter,
            @Argument ConversationOrderInput orderBy, DataLoader<UUID, Conversation> conversationById) {
        ConversationCriteria criteria = ConversationFilterInput.criteria(filter);
        SortOrder order = orderBy == null ? ConversationStore.DEFAULT_ORDER
                : ConversationStore.order(orderBy.field(), "ASC".equals(orderBy.direction()));
        PageRequest request = paging.request(first, after, last, before, order);
        return conversations.page(criteria, request)
                .doOnNext(page -> page.items().forEach(c -> conversationById.prime(c.id(), c)))
                .map(page -> Connection.of(page, c -> ConversationStore.cursor(c, order), criteria));
    }

    @SchemaMapping(typeName = "ConversationConnection", field = "totalCount")
    public Mono<Integer> totalCount(Connection<Conversation> connection) {
        return conversations.count((ConversationCriteria) connection.countKey());
    }

    @SchemaMapping
    public CompletableFuture<String> model(Conversation conversation, DataLoader<UUID, AiState> aiStateById) {
        return aiState(conversation, aiStateById).thenApply(AiState::model);
    }

    @SchemaMapping
    public CompletableFuture<String> summary(Conversation conversation, DataLoader<UUID, AiState> aiStateById) {
        return aiState(conversation, aiStateById).thenApply(AiState::summary);
    }

    @SchemaMapping
    public CompletableFuture<Integer> tokenCount(Conversation conversation, DataLoader<UUID, AiState> aiStateById) {
        return aiState(conversation, aiStateById).thenApply(AiState::tokenCount);
    }

    @SchemaMapping
    public CompletableFuture<List<StoredFile>> files(Conversation conversation, @Argument Boolean includeExpired,
            DataLoader<ConversationFilesKey, List<StoredFile>> filesByConversation) {
        return filesByConversation.load(new ConversationFilesKey(conversation.id(), Boolean.TRUE.equals(includeExpired)))
                .thenApply(Loaders::orEmpty);
    }

    @SchemaMapping
    public CompletableFuture<List<Memory>> memories(Conversation conversation, @Argument Integer first,
            DataLoader<ConversationMemoriesKey, List<Memory>> memoriesByConversation) {
        return memoriesByConversation.load(new ConversationMemoriesKey(conversation.id(), paging.size("first", first)))
                .thenApply(Loaders::orEmpty);
    }

    private static CompletableFuture<AiState> aiState(Conversation conversation, DataLoader<UUID, AiState> aiStateById) {
        return aiStateById.load(conversation.id()).thenApply(state -> state == null ? AiState.NONE : state);
    }
}
