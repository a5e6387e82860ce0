package dev.schemagate.gateway.security;

import java.util.Map;
import java.util.Set;

/**
 * Who sends a request: the role from the token and the token's claims, or nobody in
 * particular where authentication is off.
 */
public record Caller(String role, Map<String, Object> claims, String claimsJson) {

    public static final String ANON = "anon";
    public static final String AUTHENTICATED = "authenticated";
    public static final String SERVICE_ROLE = "service_role";
    public static final Set<String> ROLES = Set.of(ANON, AUTHENTICATED, SERVICE_ROLE);

    /** Authentication is off: the caller may read and write, and no claims reach PostgreSQL. */
    public static final Caller UNAUTHENTICATED = new Caller(null, Map.of(), null);

    /** Authentication is on but nothing verified the caller: no role, so it may do nothing. */
    public static final Caller UNVERIFIED = new Caller("", Map.of(), null);

    public boolean verified() {
        return role != null;
    }

    public boolean mayRead(boolean anonymousReads) {
        if (!verified()) {
            return true;
        }
        return AUTHENTICATED.equals(role) || SERVICE_ROLE.equals(role) || (ANON.equals(role) && anonymousReads);
    }

    public boolean mayWrite() {
        return !verified() || AUTHENTICATED.equals(role) || SERVICE_ROLE.equals(role);
    }
}
