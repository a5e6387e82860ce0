package dev.schemagate.gateway.errors;

import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** Classifies failures of a subscription's stream the way {@link GatewayExceptionResolver} does for fields. */
@Component
public class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

    private static final Log logger = LogFactory.getLog(SubscriptionErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        if (ex instanceof BadRequestException) {
            return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).build();
        }
        if (ex instanceof NotFoundException) {
            return GraphqlErrorBuilder.newError().errorType(ErrorType.NOT_FOUND).message(ex.getMessage()).build();
        }
        String reference = UUID.randomUUID().toString();
        logger.error("Subscription failed (reference " + reference + ")", ex);
        return GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR)
                .message("The subscription failed; the server log has the details under reference " + reference).build();
    }
}
