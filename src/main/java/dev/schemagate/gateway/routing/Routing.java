package dev.schemagate.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routing after it was checked against the catalog: every table exists with the
 * columns the gateway reads, and optional columns are known.
 */
public record Routing(
        List<PhysicalTable> conversations,
        PhysicalTable conversationWrites,
        PhysicalTable conversationAiState,
        List<PhysicalTable> messages,
        PhysicalTable messageWrites,
        List<PhysicalTable> files,
        List<PhysicalTable> fileLinks,
        PhysicalTable fileUploads,
        List<PhysicalTable> memories,
        PhysicalTable memoryWrites) {

    /** GraphQL field to physical tables, in precedence order, for logs and documentation. */
    public Map<String, List<String>> describe() {
        Map<String, List<String>> table = new LinkedHashMap<>();
        table.put("Conversation", names(conversations));
        table.put("Conversation (writes)", List.of(conversationWrites.toString()));
        table.put("Conversation.model/summary/tokenCount", List.of(conversationAiState.toString()));
        table.put("Message", names(messages));
        table.put("Message (writes)", List.of(messageWrites.toString()));
        table.put("File", names(files));
        table.put("File.conversations (links)", names(fileLinks));
        table.put("File.platformUploads", List.of(fileUploads.toString()));
        table.put("Memory", names(memories));
        table.put("Memory (writes)", List.of(memoryWrites.toString()));
        return table;
    }

    private static List<String> names(List<PhysicalTable> tables) {
        List<String> names = new ArrayList<>();
        tables.forEach(t -> names.add(t.toString()));
        return names;
    }
}
