package dev.schemagate.gateway.federation;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.graphql.data.federation.RepresentationException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * A representation {@code _entities} cannot route to an entity type (no {@code __typename}, or
 * a type this subgraph has no {@code @key} for) is the caller's mistake: {@code BAD_REQUEST}.
 */
@ControllerAdvice
@ConditionalOnBooleanProperty(FederationProperties.ENABLED)
public class RepresentationErrors {

    @GraphQlExceptionHandler
    public GraphQLError unroutable(RepresentationException ex, DataFetchingEnvironment env) {
        Map<String, Object> representation = ex.getRepresentation();
        Object type = representation == null ? null : representation.get("__typename");
        String message = type == null ? "An entity representation needs its \"__typename\""
                : "No entity type '" + shorten(type.toString()) + "' here; this subgraph resolves Conversation, Message, File and Memory";
        return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(message).build();
    }

    private static String shorten(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
