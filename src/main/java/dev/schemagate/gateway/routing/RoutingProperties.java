package dev.schemagate.gateway.routing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which physical tables serve each GraphQL type: the tables it reads, in precedence order
 * (the first table holding an id wins that row), and the table it writes to.
 * Checked against the database catalog at start-up by {@link RoutingValidator}.
 */
@ConfigurationProperties("gateway.routing")
public record RoutingProperties(
        ConversationRoute conversation,
        MessageRoute message,
        FileRoute file,
        MemoryRoute memory) {

    /**
     * Conversations, plus the table that serves {@code model}, {@code summary} and
     * {@code tokenCount} (the AI state, keyed by the conversation id).
     */
    public record ConversationRoute(List<TableName> reads, TableName writes, TableName aiState) {
    }

    public record MessageRoute(List<TableName> reads, TableName writes) {
    }

    /**
     * Files, the link tables that attach files to conversations besides the file's own
     * {@code conversation_id}, and where platform uploads are registered.
     */
    public record FileRoute(List<TableName> reads, List<TableName> links, TableName uploads) {
    }

    public record MemoryRoute(List<TableName> reads, TableName writes) {
    }
}
