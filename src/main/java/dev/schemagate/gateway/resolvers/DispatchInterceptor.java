package dev.schemagate.gateway.resolvers;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Dispatches DataLoaders when execution has nothing else to do, rather than per level: all the
 * children of one batch then load in one batch, whenever the sibling batches finish, so the
 * number of statements depends on the shape of a query and not on the timing of the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DispatchInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> {
            DataLoaderDispatchingContextKeys.setEnableDataLoaderExhaustedDispatching(input.getGraphQLContext(), true);
            return input;
        });
        return chain.next(request);
    }
}
