package dev.schemagate.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import dev.schemagate.gateway.errors.HttpErrors;
import dev.schemagate.gateway.security.AuthProperties.Mode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * Bearer tokens in {@code jwt} mode (an HS256 secret, as Supabase signs, or a JWKS), nothing in
 * {@code none} mode. A rejected token is a 401 with a GraphQL-shaped body, before any SQL runs.
 * WebSocket upgrades pass; their token comes in {@code connection_init}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final Log logger = LogFactory.getLog(SecurityConfiguration.class);

    @Bean
    public AuthSettings authSettings(AuthProperties properties, ObjectProvider<EmbeddedPostgres> embedded) {
        Mode mode = properties.mode();
        if (mode == null) {
            if (embedded.getIfAvailable() == null) {
                throw new AuthModeMissingException();
            }
            mode = Mode.NONE;
        }
        if (mode == Mode.NONE) {
            logger.warn("Authentication is OFF (gateway.auth.mode=none): every caller may read and write. "
                    + "Set GATEWAY_AUTH_MODE=jwt before exposing the gateway.");
            return new AuthSettings(Mode.NONE, properties, null);
        }
        return new AuthSettings(Mode.JWT, properties, decoder(properties));
    }

    @Bean
    public SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, AuthSettings auth) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        if (auth.mode() == Mode.NONE) {
            return http.securityMatcher(exchange -> MatchResult.notMatch()).build();
        }
        ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> HttpErrors.write(exchange, HttpStatus.UNAUTHORIZED,
                "UNAUTHORIZED", "A valid bearer token is required: " + reason(ex));
        return http
                .authorizeExchange(exchanges -> exchanges
                        .matchers(SecurityConfiguration::isWebSocketUpgrade).permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/graphiql", "/graphiql/**", "/graphql/schema").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(auth.decoder()))
                        .authenticationEntryPoint(unauthorized)
                        .authenticationFailureHandler((exchange, ex) -> ex instanceof AuthenticationServiceException
                                ? HttpErrors.write(exchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE, "INTERNAL_ERROR",
                                        "Tokens cannot be verified right now; the server log has the details")
                                : unauthorized.commence(exchange.getExchange(), ex)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
                .build();
    }

    private static String reason(Exception ex) {
        String message = ex.getMessage();
        if (message == null || message.contains("Full authentication")) {
            return "none was sent";
        }
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    private static reactor.core.publisher.Mono<MatchResult> isWebSocketUpgrade(org.springframework.web.server.ServerWebExchange exchange) {
        String upgrade = exchange.getRequest().getHeaders().getUpgrade();
        return "websocket".equalsIgnoreCase(upgrade) ? MatchResult.match() : MatchResult.notMatch();
    }

    static ReactiveJwtDecoder decoder(AuthProperties properties) {
        NimbusReactiveJwtDecoder decoder;
        if (properties.jwksUri() != null && !properties.jwksUri().isBlank()) {
            java.net.URI uri = java.net.URI.create(properties.jwksUri().trim());
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalStateException("GATEWAY_AUTH_JWKS_URI must be an absolute http(s) URL, was " + uri);
            }
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(uri.toString()).build();
        }
        else if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
            if (properties.jwtSecret().getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalStateException("GATEWAY_AUTH_JWT_SECRET must be at least 32 bytes for HS256");
            }
            SecretKeySpec key = new SecretKeySpec(properties.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            decoder = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        }
        else {
            throw new IllegalStateException("gateway.auth.mode=jwt needs GATEWAY_AUTH_JWT_SECRET or GATEWAY_AUTH_JWKS_URI");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, java.util.Objects::nonNull));
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        if (properties.audience() != null && !properties.audience().isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.contains(properties.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /** The authentication mode in force and, in {@code jwt} mode, the token decoder. */
    public record AuthSettings(Mode mode, AuthProperties properties, ReactiveJwtDecoder decoder) {
    }
}
