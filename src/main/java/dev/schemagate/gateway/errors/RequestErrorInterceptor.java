package dev.schemagate.gateway.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives request errors (syntax, validation, variable coercion such as an unknown enum value)
 * the contract's {@code BAD_REQUEST} classification; graphql-java's own category stays
 * available as {@code extensions.reason}.
 */
@Component
public class RequestErrorInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(RequestErrorInterceptor::isRequestError)) {
                return response;
            }
            List<GraphQLError> classified = errors.stream().map(RequestErrorInterceptor::classify).toList();
            return response.transform(builder -> builder.errors(classified));
        });
    }

    private static boolean isRequestError(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        return type == graphql.ErrorType.ValidationError || type == graphql.ErrorType.InvalidSyntax;
    }

    private static GraphQLError classify(GraphQLError error) {
        if (!isRequestError(error)) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("reason", String.valueOf(error.getErrorType()));
        extensions.remove("classification");
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(extensions);
        if (error.getLocations() != null) {
            builder.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }
}
