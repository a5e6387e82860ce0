package dev.schemagate.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.schemagate.gateway.security.AuthProperties.Mode;
import dev.schemagate.gateway.security.SecurityConfiguration.AuthSettings;
import java.util.concurrent.TimeoutException;

import dev.schemagate.gateway.database.RequestScope;
import dev.schemagate.gateway.errors.Responses;
import dev.schemagate.gateway.http.HttpLimits;
import dev.schemagate.gateway.ops.RequestLog;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.ErrorType;
import reactor.core.publisher.SignalType;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Works out the {@link Caller} of each GraphQL request (from the HTTP bearer token, or from the
 * WebSocket {@code connection_init} payload) and hands it to execution: in the GraphQL context
 * for access checks, in the Reactor context for the SQL it runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CallerInterceptor implements WebSocketGraphQlInterceptor {

    private static final String SESSION_CALLER = Caller.class.getName();

    private final AuthSettings auth;
    private final HttpLimits limits;

    public CallerInterceptor(AuthSettings auth, HttpLimits limits) {
        this.auth = auth;
        this.limits = limits;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo sessionInfo, Map<String, Object> payload) {
        if (auth.mode() == Mode.NONE) {
            sessionInfo.getAttributes().put(SESSION_CALLER, Caller.UNAUTHENTICATED);
            return Mono.empty();
        }
        String token = token(payload);
        if (token == null) {
            return Mono.error(new IllegalArgumentException("connection_init carries no bearer token"));
        }
        return auth.decoder().decode(token)
                .map(jwt -> caller(jwt, auth.properties().roleClaim()))
                .doOnNext(caller -> sessionInfo.getAttributes().put(SESSION_CALLER, caller))
                .then(Mono.empty());
    }

    /**
     * Runs the request with its caller and a {@link RequestScope}; past the request timeout, or
     * when the client goes away, the statements still running for it are cancelled.
     */
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return callerOf(request).defaultIfEmpty(Caller.UNVERIFIED).flatMap(caller -> {
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(Caller.class, caller);
                return input;
            });
            RequestScope scope = new RequestScope(caller);
            long started = System.nanoTime();
            Mono<WebGraphQlResponse> response = chain.next(request)
                    .doOnNext(result -> RequestLog.log(request, result, scope, started))
                    .doFinally(signal -> {
                        if (signal != SignalType.ON_COMPLETE) {
                            scope.cancel();
                        }
                    })
                    .contextWrite(context -> context.put(Caller.class, caller).put(RequestScope.class, scope));
            return response.timeout(limits.requestTimeout())
                    .onErrorResume(TimeoutException.class, ex -> {
                        WebGraphQlResponse timedOut = Responses.error(request, ErrorType.INTERNAL_ERROR,
                                "The request took longer than " + limits.requestTimeout().toMillis() + " ms and was cancelled");
                        RequestLog.log(request, timedOut, scope, started);
                        return Mono.just(timedOut);
                    });
        });
    }


    private Mono<Caller> callerOf(WebGraphQlRequest request) {
        if (auth.mode() == Mode.NONE) {
            return Mono.just(Caller.UNAUTHENTICATED);
        }
        if (request instanceof WebSocketGraphQlRequest socket) {
            Object caller = socket.getSessionInfo().getAttributes().get(SESSION_CALLER);
            return Mono.justOrEmpty((Caller) caller);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(Jwt.class::isInstance)
                .map(jwt -> caller((Jwt) jwt, auth.properties().roleClaim()));
    }

    static Caller caller(Jwt jwt, String roleClaim) {
        Object role = jwt.getClaims().get(roleClaim);
        String[] parts = jwt.getTokenValue().split("\\.");
        String payload = parts.length > 1 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "{}";
        return new Caller(role == null ? "" : role.toString(), jwt.getClaims(), payload);
    }

    private static String token(Map<String, Object> payload) {
        if (payload == null) {
            return null;
        }
        Object headers = payload.get("headers");
        if (headers instanceof Map<?, ?> map) {
            String fromHeaders = bearer(map.get("Authorization"), map.get("authorization"));
            if (fromHeaders != null) {
                return fromHeaders;
            }
        }
        String bearer = bearer(payload.get("Authorization"), payload.get("authorization"));
        if (bearer != null) {
            return bearer;
        }
        Object token = payload.containsKey("authToken") ? payload.get("authToken") : payload.get("token");
        return token instanceof String text && !text.isBlank() ? text : null;
    }

    private static String bearer(Object... values) {
        for (Object value : values) {
            if (value instanceof String text && text.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return text.substring(7).trim();
            }
        }
        return null;
    }
}
