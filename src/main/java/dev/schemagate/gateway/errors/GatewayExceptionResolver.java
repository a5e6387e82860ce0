package dev.schemagate.gateway.errors;

import java.util.UUID;
import java.util.concurrent.CompletionException;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Classifies every data fetcher failure. Bad input and missing rows keep their message;
 * anything else becomes {@code INTERNAL_ERROR} with a reference to the server log and
 * nothing of the cause (no SQL, class names or connection details).
 */
@Component
public class GatewayExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Log logger = LogFactory.getLog(GatewayExceptionResolver.class);

    public GatewayExceptionResolver() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return classify(unwrap(ex), GraphqlErrorBuilder.newError(env), "Data fetcher at " + env.getExecutionStepInfo().getPath());
    }

    /** The error a failure outside any one field becomes, such as a compiled query's statement. */
    public static GraphQLError classify(Throwable ex, String where) {
        return classify(unwrap(ex), GraphqlErrorBuilder.newError(), where);
    }

    /**
     * The error a failure becomes: bad input and missing rows keep their message, anything else
     * is logged under a fresh reference that the error names instead of the cause.
     */
    public static GraphQLError classify(Throwable cause, GraphqlErrorBuilder<?> error, String where) {
        if (cause instanceof BadRequestException) {
            return error.errorType(ErrorType.BAD_REQUEST).message(cause.getMessage()).build();
        }
        if (cause instanceof NotFoundException) {
            return error.errorType(ErrorType.NOT_FOUND).message(cause.getMessage()).build();
        }
        String reference = UUID.randomUUID().toString();
        logger.error(where + " failed (reference " + reference + ")", cause);
        return error.errorType(ErrorType.INTERNAL_ERROR)
                .message("The gateway could not complete this; the server log has the details under reference " + reference)
                .build();
    }

    private static Throwable unwrap(Throwable ex) {
        Throwable cause = ex;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
