package dev.schemagate.gateway.graphiql;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * GraphiQL at {@code /graphiql}, from the bundle the Maven build makes of the front-end project in
 * {@code graphiql/} (GraphiQL, React, Monaco and their workers), so the page loads nothing from
 * outside the gateway. Spring GraphQL's own page is off: it loads GraphiQL from a CDN.
 * {@code gateway.graphiql.enabled=false} removes the page and its assets.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "gateway.graphiql.enabled", matchIfMissing = true)
public class GraphiQlConfiguration {

    static final String FOLDER = "graphiql";

    private static final Log logger = LogFactory.getLog(GraphiQlConfiguration.class);

    private static final CacheControl HASHED_ASSETS = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Bean
    public RouterFunction<ServerResponse> graphiQlRouterFunction() {
        Resource folder = new ClassPathResource(FOLDER + "/");
        Resource index = new ClassPathResource(FOLDER + "/index.html");
        if (!index.exists()) {
            logger.warn("GraphiQL is not in this build (was it built with -Dgraphiql.skip?): /graphiql answers 404");
            return request -> Mono.empty();
        }
        GraphiQlPage page = GraphiQlPage.read(index, FOLDER);
        return RouterFunctions.route()
                .GET("/" + FOLDER, page::render)
                .GET("/" + FOLDER + "/", page::render)
                .add(RouterFunctions.resources("/" + FOLDER + "/**", folder, GraphiQlConfiguration::cacheHashedAssets))
                .build();
    }

    private static void cacheHashedAssets(Resource resource, HttpHeaders headers) {
        headers.setCacheControl(isHashed(resource) ? HASHED_ASSETS : CacheControl.noCache());
    }

    private static boolean isHashed(Resource resource) {
        String name = resource.getFilename();
        return name != null && name.matches(".+-[A-Za-z0-9_-]{8}\\.[a-z0-9]+");
    }
}
