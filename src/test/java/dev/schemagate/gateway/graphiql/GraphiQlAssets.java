package dev.schemagate.gateway.graphiql;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks GraphiQL's page and every file it references, the way a browser resolves them: the page's
 * {@code src}/{@code href}, the chunks, workers and fonts named in scripts and style sheets.
 */
final class GraphiQlAssets {

    private static final Pattern PAGE_REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    /** Names the front-end build gives its files: {@code name-HASH.ext}, as chunks, workers and fonts are referenced. */
    private static final Pattern BUILT_FILE = Pattern.compile("[\"'`(]((?:\\./)?[A-Za-z0-9_.]+(?:-[A-Za-z0-9_]+)*-[A-Za-z0-9_-]{8}\\.(?:js|css|ttf|woff2?))[\"'`)]");

    private GraphiQlAssets() {
    }

    /**
     * Every file reachable from the page at {@code page} on the page's own host, with its body
     * ({@code fetch} answers null for a failed request), and the references to other hosts, not fetched.
     */
    static Crawl crawl(URI page, Function<URI, String> fetch) {
        Map<URI, String> seen = new LinkedHashMap<>();
        Set<URI> elsewhere = new LinkedHashSet<>();
        String html = fetch.apply(page);
        seen.put(page, html);
        Deque<URI> queue = new ArrayDeque<>();
        enqueue(page, html, PAGE_REFERENCE, queue);
        while (!queue.isEmpty()) {
            URI asset = queue.poll();
            if (seen.containsKey(asset)) {
                continue;
            }
            if (!Objects.equals(asset.getRawAuthority(), page.getRawAuthority())) {
                elsewhere.add(asset);
                continue;
            }
            String body = fetch.apply(asset);
            seen.put(asset, body);
            if (body != null && !asset.getPath().endsWith(".ttf") && !asset.getPath().endsWith(".woff2")) {
                enqueue(asset, body, BUILT_FILE, queue);
            }
        }
        return new Crawl(seen, elsewhere);
    }

    private static void enqueue(URI base, String text, Pattern references, Deque<URI> queue) {
        if (text == null) {
            return;
        }
        Matcher matcher = references.matcher(text);
        while (matcher.find()) {
            String reference = matcher.group(1);
            if (!reference.startsWith("data:") && !reference.startsWith("#")) {
                queue.add(base.resolve(reference));
            }
        }
    }

    /** The files fetched from the page's host and the references to any other host. */
    record Crawl(Map<URI, String> files, Set<URI> elsewhere) {
    }
}
