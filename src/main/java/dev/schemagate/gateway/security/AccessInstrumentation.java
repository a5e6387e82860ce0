package dev.schemagate.gateway.security;

import java.util.List;

import dev.schemagate.gateway.security.AuthProperties.Mode;
import dev.schemagate.gateway.security.SecurityConfiguration.AuthSettings;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition.Operation;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Lets an operation run only where the caller's role allows it, before any field (and so any
 * SQL) runs: reads need {@code authenticated} or {@code service_role} ({@code anon} only where
 * configured), writes need {@code authenticated} or {@code service_role}.
 */
@Component
public class AccessInstrumentation extends SimplePerformantInstrumentation {

    private final AuthSettings auth;

    public AccessInstrumentation(AuthSettings auth) {
        this.auth = auth;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        Caller caller = parameters.getExecutionContext().getGraphQLContext().get(Caller.class);
        if (caller == null || (auth.mode() == Mode.JWT && !caller.verified())) {
            caller = auth.mode() == Mode.NONE ? Caller.UNAUTHENTICATED : Caller.UNVERIFIED;
        }
        Operation operation = parameters.getExecutionContext().getOperationDefinition().getOperation();
        boolean write = operation == Operation.MUTATION;
        boolean allowed = write ? caller.mayWrite() : caller.mayRead(auth.properties().anonymousReads());
        if (caller.verified() && !Caller.ROLES.contains(caller.role())) {
            allowed = false;
        }
        if (!allowed) {
            String message = "Role '" + caller.role() + "' may not " + (write ? "write" : "read");
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.FORBIDDEN).message(message).build()));
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
