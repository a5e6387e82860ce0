package dev.schemagate.gateway.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Raw GraphQL-over-HTTP requests with extensions, and the gateway's document metrics. */
final class Requests {

    private Requests() {
    }

    /** A request body: the query (or {@code null} for a hash alone), its variables, and a persisted-query hash (or {@code null}). */
    static Map<String, Object> body(String query, Map<String, Object> variables, String hash) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (query != null) {
            body.put("query", query);
        }
        if (variables != null) {
            body.put("variables", variables);
        }
        if (hash != null) {
            body.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
        }
        return body;
    }

    /** Posts to {@code /graphql} (the client's base URL is the server's) and returns the JSON response. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> post(WebTestClient http, Map<String, Object> body) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> response) {
        if (response.get("errors") != null) {
            throw new AssertionError("expected data, got " + response);
        }
        return (Map<String, Object>) response.get("data");
    }

    /** The only error of a response, as {@code message}, {@code classification} and {@code code}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> error(Map<String, Object> response) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
        if (errors == null || errors.size() != 1 || response.get("data") != null) {
            throw new AssertionError("expected one error and no data, got " + response);
        }
        Map<String, Object> extensions = (Map<String, Object>) errors.get(0).get("extensions");
        Map<String, Object> error = new LinkedHashMap<>(extensions);
        error.put("message", errors.get(0).get("message"));
        return error;
    }

    /** The value of the Prometheus sample of {@code /actuator/prometheus} with this name whose labels include this one. */
    static double metric(WebTestClient http, String name, String label) {
        String scrape = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)})? (\\S+)$").matcher(scrape);
        while (sample.find()) {
            if (label.isEmpty() || (sample.group(1) != null && sample.group(1).contains(label))) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " with " + label + " in " + scrape);
    }

    static double hits(WebTestClient http) {
        return metric(http, "gateway_documents_total", "result=\"hit\"");
    }

    static double misses(WebTestClient http) {
        return metric(http, "gateway_documents_total", "result=\"miss\"");
    }

    /** The SHA-256 of a text's UTF-8 bytes in hexadecimal, as {@code sha256sum} prints it. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
