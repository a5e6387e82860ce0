package dev.schemagate.gateway.routing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a routing mismatch into a start-up report that names each problem. */
class RoutingFailureAnalyzer extends AbstractFailureAnalyzer<RoutingMismatchException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RoutingMismatchException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the tables in the database or the gateway.routing.* properties "
                        + "(GATEWAY_ROUTING_* environment variables) so that every routed table exists "
                        + "with the columns listed.",
                cause);
    }
}
