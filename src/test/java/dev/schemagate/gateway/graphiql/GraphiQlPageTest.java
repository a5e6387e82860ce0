package dev.schemagate.gateway.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.schemagate.gateway.support.GatewayHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** GraphiQL's page and everything it loads come from the gateway, at /graphiql and /graphiql/. */
class GraphiQlPageTest extends GatewayHttpTest {

    /** A URL the code would load (import, url(), src, worker, fetch), as opposed to a link or an XML namespace. */
    private static final Pattern LOADED_FROM_ELSEWHERE = Pattern.compile(
            "(?:\\bimport\\s*\\(?\\s*|\\bfrom\\s*|url\\(\\s*|@import\\s+|\\bsrc\\s*[:=]\\s*|new\\s+(?:Shared)?Worker\\(\\s*|\\bfetch\\(\\s*)[\"'`]?(?:https?:)?//");

    private static final List<String> CDNS = List.of("esm.sh", "unpkg.com", "jsdelivr.net", "cdnjs.cloudflare.com",
            "fonts.googleapis.com", "fonts.gstatic.com", "skypack.dev");

    @Test
    void thePageAndEveryFileItLoadsAreServedByTheGateway() {
        for (String path : List.of("/graphiql", "/graphiql/")) {
            GraphiQlAssets.Crawl crawl = GraphiQlAssets.crawl(URI.create("http://localhost:" + port + path), this::fetch);
            Map<URI, String> files = crawl.files();

            assertThat(crawl.elsewhere()).as("files %s loads from other hosts", path).isEmpty();
            assertThat(files.values()).as("every file reachable from %s answers 200", path).doesNotContainNull();
            assertThat(files.keySet()).extracting(URI::getPath)
                    .allMatch(file -> file.equals(path) || file.startsWith("/graphiql/assets/"))
                    .anyMatch(file -> file.matches("/graphiql/assets/index-.+\\.js"))
                    .anyMatch(file -> file.matches("/graphiql/assets/index-.+\\.css"))
                    .anyMatch(file -> file.matches("/graphiql/assets/editor\\.worker-.+\\.js"))
                    .anyMatch(file -> file.matches("/graphiql/assets/graphql\\.worker-.+\\.js"))
                    .anyMatch(file -> file.matches("/graphiql/assets/json\\.worker-.+\\.js"))
                    .anyMatch(file -> file.matches("/graphiql/assets/codicon-.+\\.ttf"));
        }
    }

    @Test
    void nothingIsLoadedFromAnotherHost() {
        Map<URI, String> files = GraphiQlAssets.crawl(URI.create("http://localhost:" + port + "/graphiql"), this::fetch).files();
        files.forEach((file, body) -> {
            if (file.getPath().endsWith(".ttf")) {
                return;
            }
            if (!file.getPath().contains("/assets/")) {
                assertThat(body).as("the page").doesNotContainPattern("https?://|src=\"//|href=\"//");
            }
            assertThat(body).as(file.getPath()).doesNotContainPattern(LOADED_FROM_ELSEWHERE);
            for (String cdn : CDNS) {
                assertThat(body).as(file.getPath()).doesNotContain(cdn);
            }
        });
    }

    @Test
    void scriptsAreServedAsJavaScriptAndHashedFilesAreCachedForGood() {
        String page = fetch(URI.create("http://localhost:" + port + "/graphiql/"));
        String script = page.replaceAll("(?s).*src=\"\\./(assets/index-[^\"]+\\.js)\".*", "$1");
        http.get().uri("/graphiql/" + script).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().valueMatches("Cache-Control", ".*immutable.*");
        http.get().uri("/graphiql").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectBody(String.class).value(html -> assertThat(html).contains("src=\"graphiql/" + script + "\""));
    }

    private String fetch(URI uri) {
        EntityExchangeResult<byte[]> result = http.get().uri(uri).exchange().expectBody(byte[].class).returnResult();
        if (!result.getStatus().is2xxSuccessful()) {
            return null;
        }
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
