package dev.schemagate.gateway.routing;

import static dev.schemagate.gateway.routing.ColumnType.EMBEDDING;
import static dev.schemagate.gateway.routing.ColumnType.INTEGER;
import static dev.schemagate.gateway.routing.ColumnType.JSON;
import static dev.schemagate.gateway.routing.ColumnType.REAL;
import static dev.schemagate.gateway.routing.ColumnType.ROLE;
import static dev.schemagate.gateway.routing.ColumnType.TEXT;
import static dev.schemagate.gateway.routing.ColumnType.TIMESTAMPTZ;
import static dev.schemagate.gateway.routing.ColumnType.UUID;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a routed table is used for, and the columns it must (and may) have for that use. */
enum TableRole {
    CONVERSATION("Conversation",
            Map.of("id", UUID, "continuation_id", TEXT, "title", TEXT, "metadata", JSON,
                    "created_at", TIMESTAMPTZ, "updated_at", TIMESTAMPTZ),
            Map.of("session_id", UUID)),
    CONVERSATION_AI_STATE("Conversation.model/summary/tokenCount",
            Map.of("id", UUID, "model", TEXT, "summary", TEXT, "token_count", INTEGER),
            Map.of()),
    MESSAGE("Message",
            Map.of("id", UUID, "conversation_id", UUID, "role", ROLE, "content", TEXT, "metadata", JSON,
                    "created_at", TIMESTAMPTZ, "idempotency_key", TEXT),
            Map.of("embedding", EMBEDDING)),
    FILE("File",
            Map.of("id", UUID, "conversation_id", UUID, "filename", TEXT, "mime_type", TEXT,
                    "size_bytes", INTEGER, "sha256", TEXT, "created_at", TIMESTAMPTZ, "expires_at", TIMESTAMPTZ),
            Map.of()),
    FILE_LINK("File.conversations",
            Map.of("conversation_id", UUID, "file_id", UUID),
            Map.of()),
    FILE_UPLOAD("File.platformUploads",
            Map.of("file_id", UUID, "platform", TEXT, "platform_file_id", TEXT, "uploaded_at", TIMESTAMPTZ),
            Map.of()),
    MEMORY("Memory",
            Map.of("id", UUID, "conversation_id", UUID, "user_id", TEXT, "kind", TEXT, "content", TEXT,
                    "importance", REAL, "metadata", JSON, "created_at", TIMESTAMPTZ, "last_accessed_at", TIMESTAMPTZ),
            Map.of("embedding", EMBEDDING));

    private final String field;
    private final Map<String, ColumnType> required;
    private final Map<String, ColumnType> optional;

    TableRole(String field, Map<String, ColumnType> required, Map<String, ColumnType> optional) {
        this.field = field;
        this.required = new LinkedHashMap<>(required);
        this.optional = optional;
    }

    String field() {
        return field;
    }

    Map<String, ColumnType> required() {
        return required;
    }

    Map<String, ColumnType> optional() {
        return optional;
    }
}
