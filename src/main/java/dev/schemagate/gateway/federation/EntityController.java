package dev.schemagate.gateway.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.schemagate.gateway.errors.BadRequestException;
import dev.schemagate.gateway.errors.GatewayExceptionResolver;
import dev.schemagate.gateway.model.Conversation;
import dev.schemagate.gateway.model.Memory;
import dev.schemagate.gateway.model.Message;
import dev.schemagate.gateway.model.StoredFile;
import dev.schemagate.gateway.model.Ids;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.stereotype.Controller;

/**
 * {@code _entities} for an Apollo Router. The representations of each type load as one batch
 * through the DataLoaders {@code node} and the root lookups use, so one SQL statement per type
 * whatever their number; results keep the order of the representations and an id no routed
 * table holds is {@code null}. A representation whose {@code id} is not a uuid fails its type's
 * batch with a {@code BAD_REQUEST}.
 */
@Controller
@ConditionalOnBooleanProperty(FederationProperties.ENABLED)
public class EntityController {

    @EntityMapping
    public CompletableFuture<List<Conversation>> conversation(List<Map<String, Object>> representations,
            DataLoader<UUID, Conversation> conversationById) {
        return conversationById.loadMany(ids("Conversation", representations));
    }

    @EntityMapping
    public CompletableFuture<List<Message>> message(List<Map<String, Object>> representations,
            DataLoader<UUID, Message> messageById) {
        return messageById.loadMany(ids("Message", representations));
    }

    @EntityMapping
    public CompletableFuture<List<StoredFile>> file(List<Map<String, Object>> representations,
            DataLoader<UUID, StoredFile> fileById) {
        return fileById.loadMany(ids("File", representations));
    }

    @EntityMapping
    public CompletableFuture<List<Memory>> memory(List<Map<String, Object>> representations,
            DataLoader<UUID, Memory> memoryById) {
        return memoryById.loadMany(ids("Memory", representations));
    }

    /** Classified like every other field: bad input keeps its message, anything else is a log reference. */
    @GraphQlExceptionHandler
    public GraphQLError failed(Throwable ex, DataFetchingEnvironment env) {
        return GatewayExceptionResolver.classify(ex, GraphqlErrorBuilder.newError(env),
                "_entities at " + env.getExecutionStepInfo().getPath());
    }

    private static List<UUID> ids(String type, List<Map<String, Object>> representations) {
        List<UUID> ids = new ArrayList<>(representations.size());
        for (Map<String, Object> representation : representations) {
            if (!(representation.get("id") instanceof String id)) {
                throw new BadRequestException("A " + type + " representation needs its key field \"id\" as a string");
            }
            ids.add(Ids.parse(type + " id", id));
        }
        return ids;
    }
}
