package dev.schemagate.gateway.errors;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an HTTP error (401, 413, 4xx of a malformed request) as a GraphQL response body, so
 * every client reads errors one way.
 */
public final class HttpErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpErrors() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String classification, String message) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        String body = JSON.writeValueAsString(Map.of("errors", List.of(Map.of(
                "message", message, "extensions", Map.of("classification", classification)))));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
