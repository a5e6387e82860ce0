package dev.schemagate.gateway.sql;

/**
 * The notification every message insert raises, from the gateway itself or from the opt-in
 * triggers of {@code fixtures/notify-triggers.sql}. Both build the same payload text, so
 * PostgreSQL delivers one notification where both fire in one transaction.
 */
public final class MessageEvents {

    public static final String CHANNEL = "schemagate_message_added";

    static final String NOTIFY = """
            select pg_notify('schemagate_message_added',
                   json_build_object('id', cast(:id as uuid), 'conversationId', cast(:conversationId as uuid), 'table', :table)::text)""";

    private MessageEvents() {
    }
}
