package dev.schemagate.gateway.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on GraphQL documents, each checked before any SQL runs.
 *
 * @param maxDepth         deepest field nesting
 * @param maxAliases       aliased fields in one operation
 * @param maxRootFields    fields at the root of one operation
 * @param maxTokens        parser tokens in one document
 * @param maxDocumentBytes characters in one document
 * @param maxFields        field selections in one document, counted before validation (whose
 *                         cost grows with the square of duplicated fields)
 */
@ConfigurationProperties("gateway.limits")
public record QueryLimits(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("20") int maxRootFields,
        @DefaultValue("15000") int maxTokens,
        @DefaultValue("1048576") int maxDocumentBytes,
        @DefaultValue("1000") int maxFields) {
}
