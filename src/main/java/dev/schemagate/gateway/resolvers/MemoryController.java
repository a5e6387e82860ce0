package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.Ids;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.schemagate.gateway.model.Conversation;
import dev.schemagate.gateway.model.Memory;
import dev.schemagate.gateway.paging.Connection;
import dev.schemagate.gateway.paging.Paging;
import dev.schemagate.gateway.sql.MemoryCriteria;
import dev.schemagate.gateway.sql.MemoryStore;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code Memory} and its root queries. */
@Controller
public class MemoryController {

    private final MemoryStore memories;
    private final Paging paging;

    public MemoryController(MemoryStore memories, Paging paging) {
        this.memories = memories;
        this.paging = paging;
    }

    @QueryMapping
    public CompletableFuture<Memory> memory(@Argument String id, DataLoader<UUID, Memory> memoryById) {
        return memoryById.load(Ids.parse("id", id));
    }

    @QueryMapping(name = "memories")
    public Mono<Connection<Memory>> memoriesPage(@Argument Integer first, @Argument String after,
            @Argument Integer last, @Argument String before, @Argument MemoryFilterInput filter) {
        MemoryCriteria criteria = MemoryFilterInput.criteria(filter);
        return memories.page(criteria, paging.request(first, after, last, before, MemoryStore.ORDER))
                .map(page -> Connection.of(page, MemoryStore::cursor, criteria));
    }

    @SchemaMapping(typeName = "MemoryConnection", field = "totalCount")
    public Mono<Integer> totalCount(Connection<Memory> connection) {
        return memories.count((MemoryCriteria) connection.countKey());
    }

    @SchemaMapping
    public CompletableFuture<Conversation> conversation(Memory memory, DataLoader<UUID, Conversation> conversationById) {
        if (memory.conversationId() == null) {
            return CompletableFuture.completedFuture(null);
        }
        return conversationById.load(memory.conversationId());
    }
}
