package dev.schemagate.gateway.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a missing or incomplete authentication configuration at start-up. */
class AuthFailureAnalyzer extends AbstractFailureAnalyzer<AuthModeMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AuthModeMissingException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set GATEWAY_AUTH_MODE=jwt or GATEWAY_AUTH_MODE=none.", cause);
    }
}
