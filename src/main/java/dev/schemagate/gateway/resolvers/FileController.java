package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.Ids;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.schemagate.gateway.model.Conversation;
import dev.schemagate.gateway.model.PlatformUpload;
import dev.schemagate.gateway.model.StoredFile;
import dev.schemagate.gateway.paging.Connection;
import dev.schemagate.gateway.paging.Paging;
import dev.schemagate.gateway.sql.FileCriteria;
import dev.schemagate.gateway.sql.FileStore;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code File} (a {@link StoredFile}) and its root queries. */
@Controller
@SchemaMapping(typeName = "File")
public class FileController {

    private final FileStore files;
    private final Paging paging;

    public FileController(FileStore files, Paging paging) {
        this.files = files;
        this.paging = paging;
    }

    @QueryMapping
    public CompletableFuture<StoredFile> file(@Argument String id, DataLoader<UUID, StoredFile> fileById) {
        return fileById.load(Ids.parse("id", id));
    }

    @QueryMapping(name = "files")
    public Mono<Connection<StoredFile>> filesPage(@Argument Integer first, @Argument String after,
            @Argument Integer last, @Argument String before, @Argument FileFilterInput filter) {
        FileCriteria criteria = FileFilterInput.criteria(filter);
        return files.page(criteria, paging.request(first, after, last, before, FileStore.ORDER))
                .map(page -> Connection.of(page, FileStore::cursor, criteria));
    }

    @SchemaMapping(typeName = "FileConnection", field = "totalCount")
    public Mono<Integer> totalCount(Connection<StoredFile> connection) {
        return files.count((FileCriteria) connection.countKey());
    }

    @SchemaMapping
    public CompletableFuture<List<Conversation>> conversations(StoredFile file,
            DataLoader<UUID, List<Conversation>> conversationsByFile) {
        return conversationsByFile.load(file.id()).thenApply(Loaders::orEmpty);
    }

    @SchemaMapping
    public CompletableFuture<List<PlatformUpload>> platformUploads(StoredFile file,
            DataLoader<UUID, List<PlatformUpload>> uploadsByFile) {
        return uploadsByFile.load(file.id()).thenApply(Loaders::orEmpty);
    }
}
