package dev.schemagate.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Mints test tokens the way Supabase signs them (HS256 over the project's JWT secret). */
final class Tokens {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";
    static final String ISSUER = "https://auth.example.test";
    static final String AUDIENCE = "schemagate";

    private Tokens() {
    }

    static String valid(String role, String subject) {
        return sign(SECRET, claims -> claims.claim("role", role).subject(subject));
    }

    static String sign(String secret, Consumer<JWTClaimsSet.Builder> customize) {
        JWTClaimsSet.Builder claims = defaults();
        customize.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A WebSocket client interceptor that authenticates in {@code connection_init} with this token. */
    static org.springframework.graphql.client.WebSocketGraphQlClientInterceptor initPayload(String token) {
        return new org.springframework.graphql.client.WebSocketGraphQlClientInterceptor() {
            @Override
            public reactor.core.publisher.Mono<Object> connectionInitPayload() {
                return reactor.core.publisher.Mono.just(java.util.Map.of("Authorization", "Bearer " + token));
            }
        };
    }

    static String unsigned(String role) {
        return new PlainJWT(defaults().claim("role", role).build()).serialize();
    }

    private static JWTClaimsSet.Builder defaults() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("user-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }
}
