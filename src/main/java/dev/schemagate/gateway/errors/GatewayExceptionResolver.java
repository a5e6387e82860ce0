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
        Throwable cause = unwrap(ex);
        if (cause instanceof BadRequestException) {
            return error(env, ErrorType.BAD_REQUEST, cause.getMessage());
        }
        if (cause instanceof NotFoundException) {
            return error(env, ErrorType.NOT_FOUND, cause.getMessage());
        }
        String reference = UUID.randomUUID().toString();
        logger.error("Data fetcher failed at " + env.getExecutionStepInfo().getPath() + " (reference " + reference + ")", cause);
        return error(env, ErrorType.INTERNAL_ERROR,
                "The gateway could not fetch this field; the server log has the details under reference " + reference);
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }

    private static Throwable unwrap(Throwable ex) {
        Throwable cause = ex;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
