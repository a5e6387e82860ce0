package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.Ids;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.schemagate.gateway.model.Conversation;
import dev.schemagate.gateway.model.Message;
import dev.schemagate.gateway.model.Role;
import dev.schemagate.gateway.paging.Connection;
import dev.schemagate.gateway.paging.Page;
import dev.schemagate.gateway.paging.PageRequest;
import dev.schemagate.gateway.paging.SortOrder;
import dev.schemagate.gateway.paging.Paging;
import dev.schemagate.gateway.sql.MessageCountKey;
import dev.schemagate.gateway.sql.MessagePageKey;
import dev.schemagate.gateway.sql.MessageStore;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Message}, {@code Conversation.messages} and the message counts. */
@Controller
public class MessageController {

    private final Paging paging;

    public MessageController(Paging paging) {
        this.paging = paging;
    }

    @QueryMapping
    public CompletableFuture<Message> message(@Argument String id, DataLoader<UUID, Message> messageById) {
        return messageById.load(Ids.parse("id", id));
    }

    /** The GraphQL {@code MessageOrder} input. */
    public record MessageOrderInput(String field, String direction) {
    }

    @SchemaMapping(typeName = "Conversation")
    public CompletableFuture<Connection<Message>> messages(Conversation conversation, @Argument Integer first,
            @Argument String after, @Argument Integer last, @Argument String before, @Argument Role role,
            @Argument MessageOrderInput orderBy, DataLoader<MessagePageKey, Page<Message>> messagePages) {
        SortOrder order = orderBy == null ? MessageStore.DEFAULT_ORDER : MessageStore.order(!"DESC".equals(orderBy.direction()));
        PageRequest request = paging.request(first, after, last, before, order);
        MessagePageKey key = new MessagePageKey(conversation.id(), request, role);
        MessageCountKey countKey = new MessageCountKey(conversation.id(), role);
        return messagePages.load(key).thenApply(page -> Connection.of(page == null ? Page.empty(request) : page,
                message -> MessageStore.cursor(message, order), countKey));
    }

    @SchemaMapping(typeName = "Conversation")
    public CompletableFuture<Integer> messageCount(Conversation conversation, DataLoader<MessageCountKey, Integer> messageCounts) {
        return messageCounts.load(new MessageCountKey(conversation.id(), null));
    }

    @SchemaMapping(typeName = "MessageConnection", field = "totalCount")
    public CompletableFuture<Integer> totalCount(Connection<Message> connection, DataLoader<MessageCountKey, Integer> messageCounts) {
        return messageCounts.load((MessageCountKey) connection.countKey());
    }

    @SchemaMapping
    public CompletableFuture<Conversation> conversation(Message message, DataLoader<UUID, Conversation> conversationById) {
        return conversationById.load(message.conversationId());
    }

    @SchemaMapping
    public CompletableFuture<List<Double>> embedding(Message message, DataLoader<UUID, List<Double>> embeddingByMessage) {
        return embeddingByMessage.load(message.id());
    }
}
