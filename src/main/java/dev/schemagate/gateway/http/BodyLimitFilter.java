package dev.schemagate.gateway.http;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
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

    private static final String TOO_LARGE = """
            {"errors":[{"message":"The request body is larger than the %d bytes allowed","extensions":{"classification":"BAD_REQUEST"}}]}""";

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

    @Bean
    @Order(-2)
    public WebExceptionHandler bufferLimitHandler(HttpLimits limits) {
        return (exchange, ex) -> {
            if (hasCause(ex, DataBufferLimitException.class) && !exchange.getResponse().isCommitted()) {
                return tooLarge(exchange, limits);
            }
            return Mono.error(ex);
        };
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, HttpLimits limits) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = TOO_LARGE.formatted(limits.maxBodySize().toBytes()).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
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
