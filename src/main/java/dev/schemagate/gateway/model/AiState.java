package dev.schemagate.gateway.model;

/** The AI side of a conversation: model, summary and token count. */
public record AiState(String model, String summary, int tokenCount) {

    public static final AiState NONE = new AiState(null, null, 0);
}
