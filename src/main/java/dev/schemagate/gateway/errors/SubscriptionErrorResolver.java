package dev.schemagate.gateway.errors;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** Classifies failures of a subscription's stream the way {@link GatewayExceptionResolver} does for fields. */
@Component
public class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        return GatewayExceptionResolver.classify(ex, GraphqlErrorBuilder.newError(), "Subscription");
    }
}
