package dev.schemagate.gateway.http;

import dev.schemagate.gateway.errors.HttpErrors;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Request bodies over {@link HttpLimits#maxBodySize()} are a 413 with a GraphQL-shaped error:
 * at once where {@code Content-Length} says so, otherwise as soon as the codec's buffer overflows.
 */
@Configuration(proxyBeanMethods = false)
public class BodyLimitFilter {

    @Bean
    public CodecCustomizer bodyLimitCodecs(HttpLimits limits) {
        return configurer -> configurer.defaultCodecs().maxInMemorySize((int) limits.maxBodySize().toBytes());
    }

    @Bean
    @Order(-10)
    public WebFilter contentLengthLimit(HttpLimits limits) {
        return (exchange, chain) -> {
            long length = exchange.getRequest().getHeaders().getContentLength();
            if (length > limits.maxBodySize().toBytes()) {
                return tooLarge(exchange, limits);
            }
            return chain.filter(exchange);
        };
    }

    /**
     * Requests to {@code /graphql} the GraphQL handler would answer without a body (a wrong
     * method or media type, an empty body) get their 4xx with a GraphQL-shaped error instead.
     * WebSocket upgrades pass.
     */
    @Bean
    @Order(-9)
    public WebFilter graphQlRequestShape() {
        return (exchange, chain) -> {
            org.springframework.http.server.reactive.ServerHttpRequest request = exchange.getRequest();
            if (!"/graphql".equals(request.getPath().pathWithinApplication().value())
                    || "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())) {
                return chain.filter(exchange);
            }
            if (request.getMethod() != org.springframework.http.HttpMethod.POST) {
                exchange.getResponse().getHeaders().setAllow(java.util.Set.of(org.springframework.http.HttpMethod.POST));
                return clientError(exchange, new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED));
            }
            MediaType contentType = request.getHeaders().getContentType();
            if (contentType == null || !(contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || contentType.isCompatibleWith(MediaType.APPLICATION_GRAPHQL_RESPONSE))) {
                return clientError(exchange, new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
            }
            java.util.List<MediaType> accept = request.getHeaders().getAccept();
            if (!accept.isEmpty() && accept.stream().noneMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_GRAPHQL_RESPONSE) || type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM))) {
                return clientError(exchange, new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE));
            }
            if (request.getHeaders().getContentLength() == 0) {
                return clientError(exchange, new ResponseStatusException(HttpStatus.BAD_REQUEST));
            }
            return chain.filter(exchange);
        };
    }

    /** Oversized bodies are 413; other client errors (a JSON array or broken JSON, a wrong method) keep their 4xx status with a GraphQL-shaped body. */
    @Bean
    @Order(-2)
    public WebExceptionHandler clientErrorHandler(HttpLimits limits) {
        return (exchange, ex) -> {
            if (exchange.getResponse().isCommitted()) {
                return Mono.error(ex);
            }
            if (hasCause(ex, DataBufferLimitException.class)) {
                return tooLarge(exchange, limits);
            }
            if (ex instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
                return clientError(exchange, status);
            }
            return Mono.error(ex);
        };
    }

    private static Mono<Void> clientError(ServerWebExchange exchange, ResponseStatusException ex) {
        ex.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
        String message = switch (ex.getStatusCode().value()) {
            case 405 -> "Use POST for GraphQL operations over HTTP";
            case 415 -> "Send the request as application/json";
            case 406 -> "Accept application/json or application/graphql-response+json";
            default -> "The request body must be one JSON object with a string 'query', an optional 'operationName' and an object 'variables'";
        };
        return HttpErrors.write(exchange, ex.getStatusCode(), "BAD_REQUEST", message);
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, HttpLimits limits) {
        return HttpErrors.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "BAD_REQUEST",
                "The request body is larger than the " + limits.maxBodySize().toBytes() + " bytes allowed");
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
