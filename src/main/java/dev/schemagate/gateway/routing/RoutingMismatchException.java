package dev.schemagate.gateway.routing;

import java.util.List;

/** The routing configuration does not match the database: the gateway refuses to start. */
public class RoutingMismatchException extends RuntimeException {

    private final List<String> problems;

    public RoutingMismatchException(List<String> problems) {
        super("Routing does not match the database:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
