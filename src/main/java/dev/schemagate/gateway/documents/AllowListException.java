package dev.schemagate.gateway.documents;

import java.util.List;

/** The allow-list folder cannot be used: the gateway refuses to start. */
public class AllowListException extends RuntimeException {

    private final List<String> problems;

    public AllowListException(String folder, List<String> problems) {
        super("The allow-list " + folder + " (gateway.documents.allow-list) cannot be used:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
