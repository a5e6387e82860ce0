package dev.schemagate.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the gateway.
 *
 * @param mode           {@code jwt} or {@code none}; unset means {@code none} on the embedded
 *                       database and a refusal to start on an external one
 * @param jwtSecret      the HS256 secret tokens are signed with (Supabase's JWT secret)
 * @param jwksUri        a JWKS document to verify RS256/ES256 tokens with, instead of a secret
 * @param issuer         the {@code iss} tokens must carry, where set
 * @param audience       an {@code aud} tokens must carry, where set
 * @param clockSkew      leeway on {@code exp} and {@code nbf}
 * @param roleClaim      the claim that holds the role: {@code anon}, {@code authenticated}, {@code service_role}
 * @param anonymousReads whether {@code anon} may read
 * @param postgresClaims run each request's SQL in transactions that set {@code request.jwt.claims}
 *                       and {@code role}, so row-level security policies apply
 */
@ConfigurationProperties("gateway.auth")
public record AuthProperties(
        Mode mode,
        String jwtSecret,
        String jwksUri,
        String issuer,
        String audience,
        @DefaultValue("0s") Duration clockSkew,
        @DefaultValue("role") String roleClaim,
        @DefaultValue("false") boolean anonymousReads,
        @DefaultValue("false") boolean postgresClaims) {

    public enum Mode {
        JWT, NONE
    }
}
