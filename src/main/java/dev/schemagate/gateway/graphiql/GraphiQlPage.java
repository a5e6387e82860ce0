package dev.schemagate.gateway.graphiql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * GraphiQL's page as the front-end build wrote it. Its asset URLs are relative ({@code ./assets/...}),
 * so it works under any prefix a proxy adds: as is at {@code /graphiql/}, and at {@code /graphiql}
 * with the folder's name in front, since there the browser resolves them against the parent path.
 */
final class GraphiQlPage {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final String insideFolder;

    private final String besideFolder;

    private GraphiQlPage(String html, String folderName) {
        this.insideFolder = html;
        this.besideFolder = html.replace("src=\"./", "src=\"" + folderName + "/")
                .replace("href=\"./", "href=\"" + folderName + "/");
    }

    static GraphiQlPage read(Resource index, String folderName) {
        try {
            return new GraphiQlPage(index.getContentAsString(StandardCharsets.UTF_8), folderName);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read GraphiQL's page " + index, ex);
        }
    }

    Mono<ServerResponse> render(ServerRequest request) {
        String html = request.path().endsWith("/") ? insideFolder : besideFolder;
        return ServerResponse.ok().contentType(HTML).cacheControl(CacheControl.noCache()).bodyValue(html);
    }
}
