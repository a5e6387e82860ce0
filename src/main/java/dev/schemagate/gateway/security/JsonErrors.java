package dev.schemagate.gateway.security;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an HTTP error as a GraphQL response body, so every client reads errors one way. */
final class JsonErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonErrors() {
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String classification, String message) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        String body = JSON.writeValueAsString(java.util.Map.of("errors", java.util.List.of(java.util.Map.of(
                "message", message, "extensions", java.util.Map.of("classification", classification)))));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
