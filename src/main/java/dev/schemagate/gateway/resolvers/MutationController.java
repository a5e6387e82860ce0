package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.Ids;
import java.util.UUID;

import dev.schemagate.gateway.model.Conversation;
import dev.schemagate.gateway.model.Memory;
import dev.schemagate.gateway.model.Message;
import dev.schemagate.gateway.model.Role;
import dev.schemagate.gateway.sql.ConversationStore;
import dev.schemagate.gateway.sql.WriteStore;
import dev.schemagate.gateway.sql.WriteStore.NewConversation;
import dev.schemagate.gateway.sql.WriteStore.NewMemory;
import dev.schemagate.gateway.sql.WriteStore.NewMessage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The mutations; each runs in one transaction against the tables routing names for writes. */
@Controller
public class MutationController {

    private final WriteStore writes;
    private final ConversationStore conversations;

    public MutationController(WriteStore writes, ConversationStore conversations) {
        this.writes = writes;
        this.conversations = conversations;
    }

    /** The GraphQL {@code StartConversationInput}. */
    public record StartConversationInput(String title, String continuationId, String sessionId, Object metadata) {
    }

    /** The GraphQL {@code PostMessageInput}. */
    public record PostMessageInput(String conversationId, Role role, String content, Object metadata, String idempotencyKey) {
    }

    /** The GraphQL {@code RememberMemoryInput}. */
    public record RememberMemoryInput(String conversationId, String userId, String kind, String content,
            Double importance, Object metadata) {
    }

    @MutationMapping
    public Mono<Conversation> startConversation(@Argument StartConversationInput input) {
        return Mono.defer(() -> writes.startConversation(new NewConversation(input.title(), input.continuationId(),
                Ids.parse("input.sessionId", input.sessionId()), input.metadata())));
    }

    @MutationMapping
    public Mono<Message> postMessage(@Argument PostMessageInput input) {
        return Mono.defer(() -> writes.postMessage(new NewMessage(Ids.parse("input.conversationId", input.conversationId()),
                input.role(), input.content(), input.metadata(), input.idempotencyKey())));
    }

    @MutationMapping
    public Mono<Conversation> attachFile(@Argument String conversationId, @Argument String fileId) {
        return Mono.defer(() -> {
            UUID conversation = Ids.parse("conversationId", conversationId);
            UUID file = Ids.parse("fileId", fileId);
            return writes.attachFile(conversation, file)
                    .flatMap(id -> conversations.byIds(java.util.List.of(id)))
                    .mapNotNull(found -> found.get(conversation));
        });
    }

    @MutationMapping
    public Mono<Memory> rememberMemory(@Argument RememberMemoryInput input) {
        return Mono.defer(() -> writes.rememberMemory(new NewMemory(Ids.parse("input.conversationId", input.conversationId()),
                input.userId(), input.kind(), input.content(), input.importance(), input.metadata())));
    }
}
