package dev.schemagate.gateway.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps every error within the contract's classifications. Request errors (syntax, validation,
 * variable coercion such as an unknown enum value, aborted limits) become {@code BAD_REQUEST},
 * with graphql-java's category in {@code extensions.reason}; anything else unknown becomes an
 * {@code INTERNAL_ERROR} that tells nothing. Inputs with NUL characters, which PostgreSQL cannot
 * store or compare, are refused before execution.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestErrorInterceptor implements WebGraphQlInterceptor {

    private static final Set<String> CONTRACT = Set.of(
            ErrorType.BAD_REQUEST.name(), ErrorType.UNAUTHORIZED.name(), ErrorType.FORBIDDEN.name(),
            ErrorType.NOT_FOUND.name(), ErrorType.INTERNAL_ERROR.name());

    private static final Set<String> REQUEST_ERRORS = Set.of(
            graphql.ErrorType.ValidationError.name(), graphql.ErrorType.InvalidSyntax.name(),
            graphql.ErrorType.ExecutionAborted.name(), graphql.ErrorType.OperationNotSupported.name(), "IntrospectionDisabled");

    private final dev.schemagate.gateway.http.QueryLimits limits;

    public RequestErrorInterceptor(dev.schemagate.gateway.http.QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request.getDocument().length() > limits.maxDocumentBytes()) {
            return Mono.just(Responses.error(request, ErrorType.BAD_REQUEST,
                    "The document is longer than the " + limits.maxDocumentBytes() + " characters allowed"));
        }
        if (request.getDocument().indexOf('\u0000') >= 0 || request.getDocument().contains("\\u0000")
                || containsNul(request.getVariables())) {
            return Mono.just(Responses.error(request, ErrorType.BAD_REQUEST,
                    "Strings must not contain NUL characters or unpaired UTF-16 surrogates"));
        }
        return chain.next(request).map(response -> {
            if (response.getExecutionResult().getData() instanceof org.reactivestreams.Publisher<?> && !streaming(request)) {
                return Responses.error(request, ErrorType.BAD_REQUEST,
                        "Subscriptions are served over WebSocket (graphql-transport-ws) or Server-Sent Events (Accept: text/event-stream)");
            }
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().allMatch(error -> CONTRACT.contains(String.valueOf(error.getErrorType())))) {
                return response;
            }
            List<GraphQLError> classified = errors.stream().map(RequestErrorInterceptor::classify).toList();
            return response.transform(builder -> builder.errors(classified));
        });
    }

    private static GraphQLError classify(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        if (type != null && CONTRACT.contains(type.toString())) {
            return error;
        }
        boolean request = type != null && REQUEST_ERRORS.contains(type.toString());
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (request && error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.remove("classification");
        extensions.put("reason", String.valueOf(type));
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(request ? error.getMessage() : "The gateway could not serve this field")
                .errorType(request ? ErrorType.BAD_REQUEST : ErrorType.INTERNAL_ERROR)
                .extensions(extensions);
        if (error.getLocations() != null) {
            builder.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    private static boolean streaming(WebGraphQlRequest request) {
        if (request instanceof org.springframework.graphql.server.WebSocketGraphQlRequest) {
            return true;
        }
        return request.getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(org.springframework.http.MediaType.TEXT_EVENT_STREAM) && !type.isWildcardType());
    }

    private static boolean containsNul(Object value) {
        if (value instanceof String text) {
            return text.indexOf('\u0000') >= 0 || unpairedSurrogate(text);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (containsNul(entry.getKey()) || containsNul(entry.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                if (containsNul(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
            else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
