package dev.schemagate.gateway.ops;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.schemagate.gateway.database.RequestScope;
import graphql.GraphQLError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * One line per GraphQL request: operation, duration, SQL statements, error classifications.
 * With {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (or {@code logstash}) the values are JSON fields.
 */
public final class RequestLog {

    private static final Logger logger = LoggerFactory.getLogger("schemagate.requests");

    private static final Pattern OPERATION = Pattern.compile("\\s*(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

    private RequestLog() {
    }

    public static void log(WebGraphQlRequest request, WebGraphQlResponse response, RequestScope scope, long startedNanos) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        String operation = operationName(request);
        String errors = response == null ? "INTERNAL_ERROR" : classifications(response.getExecutionResult().getErrors());
        logger.atInfo()
                .addKeyValue("operation", operation)
                .addKeyValue("durationMs", millis)
                .addKeyValue("statements", scope.statements())
                .addKeyValue("errors", errors)
                .log("graphql operation={} durationMs={} statements={} errors={}", operation, millis, scope.statements(), errors);
    }

    /** The operation name the client chose, or the one the document gives its first operation. */
    private static String operationName(WebGraphQlRequest request) {
        if (request.getOperationName() != null && !request.getOperationName().isBlank()) {
            return request.getOperationName();
        }
        Matcher named = OPERATION.matcher(request.getDocument());
        return named.lookingAt() ? named.group(1) : "anonymous";
    }

    private static String classifications(List<GraphQLError> errors) {
        if (errors.isEmpty()) {
            return "none";
        }
        return errors.stream().map(error -> String.valueOf(error.getErrorType())).distinct().collect(Collectors.joining(","));
    }
}
