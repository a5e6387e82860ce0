package dev.schemagate.gateway.errors;

/** Input the gateway cannot serve: answered as a GraphQL error classified {@code BAD_REQUEST}. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
