package dev.schemagate.gateway.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no external database is configured and the embedded one is not switched off. */
class OnEmbeddedDatabase implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.r2dbc.url");
        boolean enabled = context.getEnvironment().getProperty("gateway.embedded.enabled", Boolean.class, true);
        return enabled && !StringUtils.hasText(url);
    }
}
