package dev.schemagate.gateway.support;

import java.time.Duration;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Expected answers, read with plain SQL from the database the gateway serves. */
public final class Sql {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Every conversation id once, the first routed schema winning, in the gateway's default order. */
    public static final String CONVERSATIONS_IN_ORDER = """
            select id::text from (
              select distinct on (id) id, updated_at from (
                select 1 as rank, id, updated_at from chat.conversations
                union all
                select 2, id, updated_at from public.conversations) all_rows
              order by id, rank) winners
            order by updated_at desc, id
            """;

    /**
     * Conversations matching a condition over the winning rows ({@code id, continuation_id, title,
     * session_id, updated_at}), in the gateway's default order.
     */
    public static String conversationsWhere(String condition) {
        return """
                with winners as (
                  select distinct on (id) * from (
                    select 1 as rank, id, continuation_id, title, session_id, updated_at from chat.conversations
                    union all
                    select 2, id, continuation_id, title, null::uuid, updated_at from public.conversations) all_rows
                  order by id, rank)
                select id::text from winners where %s order by updated_at desc, id
                """.formatted(condition);
    }

    /** Every message id of one conversation once, from either schema, by createdAt then id. */
    public static final String MESSAGES_IN_ORDER = """
            select id::text from (
              select distinct on (id) id, created_at from (
                select 1 as rank, id, created_at from chat.messages where conversation_id = $1
                union all
                select 2, id, created_at from public.messages where conversation_id = $1) all_rows
              order by id, rank) winners
            order by created_at, id
            """;

    private Sql() {
    }

    public static List<String> strings(DatabaseClient db, String query, Object... values) {
        return bind(db.sql(query), values).map(row -> row.get(0, String.class)).all().collectList().block(TIMEOUT);
    }

    public static String string(DatabaseClient db, String query, Object... values) {
        List<String> rows = strings(db, query, values);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static long number(DatabaseClient db, String query, Object... values) {
        return bind(db.sql(query), values).map(row -> row.get(0, Number.class).longValue()).one().block(TIMEOUT);
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, Object... values) {
        GenericExecuteSpec bound = spec;
        for (int i = 0; i < values.length; i++) {
            bound = bound.bind(i, values[i]);
        }
        return bound;
    }
}
