package dev.schemagate.gateway.security;

/** The gateway serves an external database and no authentication mode was chosen. */
public class AuthModeMissingException extends RuntimeException {

    public AuthModeMissingException() {
        super("gateway.auth.mode is not set. The gateway serves an external database and does not guess "
                + "whether it may be reached without authentication: set GATEWAY_AUTH_MODE to jwt "
                + "(with GATEWAY_AUTH_JWT_SECRET or GATEWAY_AUTH_JWKS_URI) or to none.");
    }
}
