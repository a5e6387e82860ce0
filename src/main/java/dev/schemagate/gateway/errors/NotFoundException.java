package dev.schemagate.gateway.errors;

/** A mutation named a row no routed table holds: classified {@code NOT_FOUND}. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
