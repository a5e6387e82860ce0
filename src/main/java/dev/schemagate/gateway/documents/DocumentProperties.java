package dev.schemagate.gateway.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How GraphQL documents are cached, persisted and allowed.
 *
 * @param cacheSize           parsed and validated documents kept, and persisted-query hashes remembered
 * @param maxCachedLength     longer documents are parsed on every request and not remembered by hash,
 *                            so that the cache's memory stays bounded
 * @param persistedQueries    whether clients may register documents by hash (Automatic Persisted Queries)
 * @param allowList           a folder of {@code .graphql} files; when set, only these documents run
 */
@ConfigurationProperties("gateway.documents")
public record DocumentProperties(
        @DefaultValue("1000") int cacheSize,
        @DefaultValue("16384") int maxCachedLength,
        @DefaultValue("true") boolean persistedQueries,
        String allowList) {
}
