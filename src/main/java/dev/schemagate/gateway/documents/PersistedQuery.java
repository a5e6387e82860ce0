package dev.schemagate.gateway.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.ExecutionInput;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;

/**
 * The {@code extensions.persistedQuery} of a request in the Apollo protocol:
 * {@code {"version": 1, "sha256Hash": "<hex>"}}, with or without the query text.
 *
 * @param hash the SHA-256 of the document text, lower-case hexadecimal
 */
record PersistedQuery(String hash) {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** The request's persisted query, or {@code null} where it names none. */
    static PersistedQuery of(ExecutionInput input) {
        Object value = input.getExtensions() == null ? null : input.getExtensions().get("persistedQuery");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> persisted)) {
            throw DocumentRefusal.invalid("extensions.persistedQuery must be an object {\"version\": 1, \"sha256Hash\": \"...\"}");
        }
        if (!(persisted.get("version") instanceof Number version) || version.doubleValue() != 1) {
            throw DocumentRefusal.invalid("Unsupported persisted query version: only version 1 is supported");
        }
        if (!(persisted.get("sha256Hash") instanceof String hash) || !SHA_256.matcher(hash).matches()) {
            throw DocumentRefusal.invalid("persistedQuery.sha256Hash must be 64 hexadecimal digits");
        }
        return new PersistedQuery(hash.toLowerCase(Locale.ROOT));
    }

    /** The query text sent along with the hash, or {@code null} where the request sent the hash only. */
    static String sentText(ExecutionInput input) {
        String query = input.getQuery();
        if (query == null || query.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query)) {
            return null;
        }
        return query;
    }

    boolean matches(String text) {
        return hash.equals(sha256(text));
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }
}
