package dev.schemagate.gateway.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers to map the rows of one batch statement back to the keys that asked for them. */
final class Batches {

    private Batches() {
    }

    static <K, V> Map<K, List<V>> groupByKey(List<Map.Entry<K, V>> rows) {
        Map<K, List<V>> grouped = new LinkedHashMap<>();
        for (Map.Entry<K, V> row : rows) {
            grouped.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        return grouped;
    }

    /** Rows tagged with the 0-based index of their key, grouped under the key. */
    static <K, V> Map<K, List<V>> byIndex(List<K> keys, List<Map.Entry<Integer, V>> rows) {
        Map<K, List<V>> grouped = new LinkedHashMap<>();
        keys.forEach(key -> grouped.put(key, new ArrayList<>()));
        for (Map.Entry<Integer, V> row : rows) {
            grouped.get(keys.get(row.getKey())).add(row.getValue());
        }
        return grouped;
    }
}
