package dev.schemagate.gateway.documents;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import org.springframework.graphql.execution.ErrorType;

/**
 * A document the gateway will not run, with the GraphQL error that says why. Messages and
 * codes of persisted queries are those of the Apollo protocol, which clients act on.
 */
final class DocumentRefusal extends RuntimeException {

    static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    static final String NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED";
    static final String HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    static final String INVALID = "PERSISTED_QUERY_INVALID";
    static final String NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED";

    private final ErrorType classification;
    private final String code;

    private DocumentRefusal(ErrorType classification, String code, String message) {
        super(message, null, false, false);
        this.classification = classification;
        this.code = code;
    }

    static DocumentRefusal notFound() {
        return new DocumentRefusal(ErrorType.NOT_FOUND, NOT_FOUND, "PersistedQueryNotFound");
    }

    static DocumentRefusal notSupported() {
        return new DocumentRefusal(ErrorType.BAD_REQUEST, NOT_SUPPORTED, "PersistedQueryNotSupported");
    }

    static DocumentRefusal hashMismatch() {
        return new DocumentRefusal(ErrorType.BAD_REQUEST, HASH_MISMATCH,
                "provided sha does not match query: persistedQuery.sha256Hash must be the SHA-256 of the query text, in hexadecimal");
    }

    static DocumentRefusal invalid(String message) {
        return new DocumentRefusal(ErrorType.BAD_REQUEST, INVALID, message);
    }

    static DocumentRefusal notAllowed() {
        return new DocumentRefusal(ErrorType.FORBIDDEN, NOT_ALLOWED,
                "This gateway runs only the documents on its allow-list, and this document is not one of them");
    }

    String code() {
        return code;
    }

    PreparsedDocumentEntry entry() {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .errorType(classification)
                .message("%s", getMessage())
                .extensions(Map.of("code", code))
                .build();
        return new PreparsedDocumentEntry(error);
    }
}
