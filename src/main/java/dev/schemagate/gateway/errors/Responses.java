package dev.schemagate.gateway.errors;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/** GraphQL responses the gateway answers itself, without executing the request. */
public final class Responses {

    private Responses() {
    }

    public static WebGraphQlResponse error(WebGraphQlRequest request, ErrorType type, String message) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().errorType(type).message(message).build())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
