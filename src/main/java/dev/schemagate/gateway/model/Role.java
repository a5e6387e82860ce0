package dev.schemagate.gateway.model;

import java.util.Locale;

/** Message roles; every schema's role enum maps onto these by label. */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL;

    public static Role fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
