package dev.schemagate.gateway.documents;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one {@link PreparsedDocumentProvider} of the gateway, over HTTP and WebSocket alike.
 * <ul>
 * <li>Keeps up to {@link DocumentProperties#cacheSize()} parsed and validated documents by
 * their text, so a repeated document skips parsing and validation. Only documents that passed
 * both (with the limits checked during validation) are kept; the checks made at execution
 * (depth, aliases, roles, introspection) run on every request.</li>
 * <li>Serves Automatic Persisted Queries: a hash alone runs the document registered under it,
 * or answers {@code PersistedQueryNotFound}; a hash with its query is checked and registered.</li>
 * <li>With an {@link AllowList}, runs nothing else: other documents and registrations are
 * refused before anything runs.</li>
 * </ul>
 */
public class DocumentProvider implements PreparsedDocumentProvider {

    private final DocumentProperties properties;
    private final AllowList allowList;
    private final Cache<String, Document> documents;
    private final Cache<String, String> textByHash;
    private final Counter hits;
    private final Counter misses;
    private final MeterRegistry registry;

    public DocumentProvider(DocumentProperties properties, AllowList allowList, MeterRegistry registry) {
        this.properties = properties;
        this.allowList = allowList;
        this.registry = registry;
        this.documents = boundedCache(properties.cacheSize());
        this.textByHash = boundedCache(properties.cacheSize());
        this.hits = documentCounter(registry, "hit");
        this.misses = documentCounter(registry, "miss");
        Gauge.builder("gateway.documents.cached", documents, Cache::estimatedSize)
                .description("Parsed and validated documents in the cache").register(registry);
    }

    private static Counter documentCounter(MeterRegistry registry, String result) {
        return Counter.builder("gateway.documents").tag("result", result)
                .description("GraphQL documents taken from the cache (hit) or parsed and validated (miss)").register(registry);
    }

    /** Eviction runs on the calling thread, so the cache never holds more than its bound for long. */
    private static <V> Cache<String, V> boundedCache(int size) {
        return Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }

    public Optional<AllowList> allowList() {
        return Optional.ofNullable(allowList);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        try {
            return CompletableFuture.completedFuture(document(input, parseAndValidate));
        }
        catch (DocumentRefusal refusal) {
            Counter.builder("gateway.documents.refused").tag("code", refusal.code())
                    .description("Requests refused for their persisted query or the allow-list").register(registry).increment();
            return CompletableFuture.completedFuture(refusal.entry());
        }
    }

    private PreparsedDocumentEntry document(ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PersistedQuery persisted = PersistedQuery.of(input);
        String text = persisted == null ? input.getQuery() : persistedText(persisted, input);
        String allowed = allowList == null ? text : allowList.match(text);
        if (allowed == null) {
            throw DocumentRefusal.notAllowed();
        }
        PreparsedDocumentEntry entry = parsed(allowed, input, parseAndValidate);
        boolean registering = persisted != null && PersistedQuery.sentText(input) != null;
        if (registering && !entry.hasErrors() && properties.persistedQueries() && cacheable(allowed)) {
            textByHash.put(persisted.hash(), allowed);
        }
        return entry;
    }

    /** The text a persisted query stands for: the one sent with it (if its hash matches) or the one known by its hash. */
    private String persistedText(PersistedQuery persisted, ExecutionInput input) {
        if (!properties.persistedQueries() && allowList == null) {
            throw DocumentRefusal.notSupported();
        }
        String sent = PersistedQuery.sentText(input);
        if (sent != null) {
            if (!persisted.matches(sent)) {
                throw DocumentRefusal.hashMismatch();
            }
            return sent;
        }
        String known = allowList == null ? null : allowList.byHash(persisted.hash());
        if (known == null) {
            known = textByHash.getIfPresent(persisted.hash());
        }
        if (known == null) {
            throw DocumentRefusal.notFound();
        }
        return known;
    }

    private PreparsedDocumentEntry parsed(String text, ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Document cached = documents.getIfPresent(text);
        if (cached != null) {
            hits.increment();
            return new PreparsedDocumentEntry(cached);
        }
        misses.increment();
        ExecutionInput source = text.equals(input.getQuery()) ? input : input.transform(builder -> builder.query(text));
        PreparsedDocumentEntry entry = parseAndValidate.apply(source);
        if (!entry.hasErrors() && cacheable(text)) {
            documents.put(text, entry.getDocument());
        }
        return entry;
    }

    /** Allowed documents always are (the operator chose them); others up to a length, so memory stays bounded. */
    private boolean cacheable(String text) {
        return allowList != null || text.length() <= properties.maxCachedLength();
    }
}
