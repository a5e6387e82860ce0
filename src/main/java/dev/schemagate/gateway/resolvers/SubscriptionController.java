package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.Ids;
import dev.schemagate.gateway.events.MessageEventHub;
import dev.schemagate.gateway.model.Message;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** {@code messageAdded}, over WebSocket ({@code graphql-transport-ws}) and Server-Sent Events. */
@Controller
public class SubscriptionController {

    private final MessageEventHub events;

    public SubscriptionController(MessageEventHub events) {
        this.events = events;
    }

    @SubscriptionMapping
    public Flux<Message> messageAdded(@Argument String conversationId) {
        return Flux.defer(() -> events.messages(Ids.parse("conversationId", conversationId)));
    }
}
