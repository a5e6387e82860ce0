package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.Ids;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code node(id)}: any entity, whatever its type and schema, batched across every node field of a request. */
@Controller
public class NodeController {

    @QueryMapping
    public CompletableFuture<Object> node(@Argument String id, DataLoader<UUID, Object> nodeById) {
        return nodeById.load(Ids.parse("id", id));
    }
}
