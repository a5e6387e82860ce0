package dev.schemagate.gateway.sql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.schemagate.gateway.errors.BadRequestException;
import dev.schemagate.gateway.errors.NotFoundException;
import dev.schemagate.gateway.model.Conversation;
import dev.schemagate.gateway.model.Memory;
import dev.schemagate.gateway.model.Message;
import dev.schemagate.gateway.model.Role;
import dev.schemagate.gateway.routing.PhysicalTable;
import dev.schemagate.gateway.routing.Routing;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Every write, each in one transaction, into the tables routing names for writes. A message
 * for a conversation that only another schema holds first copies that conversation into the
 * conversation write table, with the same id, in the same transaction.
 */
@Component
public class WriteStore {

    private final DatabaseClient db;
    private final Routing routing;
    private final TransactionalOperator transactions;
    private final WriteLimits limits;

    public WriteStore(DatabaseClient db, Routing routing, WriteLimits limits) {
        this.db = db;
        this.routing = routing;
        this.limits = limits;
        this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(db.getConnectionFactory()));
    }

    public Mono<Conversation> startConversation(NewConversation input) {
        PhysicalTable table = routing.conversationWrites();
        if (input.sessionId() != null && !table.has("session_id")) {
            throw new BadRequestException("sessionId cannot be stored: " + table + " has no session_id column");
        }
        String metadata = Json.object("metadata", input.metadata());
        boolean session = table.has("session_id");
        String sql = """
                insert into %s (id, continuation_id, title, metadata%s)
                values (:id, :continuationId, :title, cast(:metadata as jsonb)%s)
                returning id, continuation_id, title, metadata, %s, created_at, updated_at
                """.formatted(table.sql(), session ? ", session_id" : "", session ? ", :sessionId" : "",
                session ? "session_id" : "null::uuid as session_id");
        GenericExecuteSpec spec = db.sql(sql).bind("id", UUID.randomUUID()).bind("metadata", metadata);
        spec = nullable(spec, "continuationId", input.continuationId(), String.class);
        spec = nullable(spec, "title", input.title(), String.class);
        if (session) {
            spec = nullable(spec, "sessionId", input.sessionId(), UUID.class);
        }
        return transactions.transactional(spec.map(ConversationStore::conversation).one());
    }

    public Mono<Message> postMessage(NewMessage input) {
        PhysicalTable table = routing.messageWrites();
        checkContent(input.content());
        if (!table.accepts("role", input.role().label())) {
            throw new BadRequestException("role " + input.role() + " cannot be stored in " + table);
        }
        String metadata = Json.object("metadata", input.metadata());
        String insert = """
                insert into %s (id, conversation_id, role, content, metadata, idempotency_key)
                values (:id, :conversationId, %s, :content, cast(:metadata as jsonb), :idempotencyKey)
                on conflict (idempotency_key) do nothing
                returning id, conversation_id, role::text as role, content, metadata, created_at, idempotency_key
                """.formatted(table.sql(), table.castTo("role", ":role"));
        GenericExecuteSpec spec = db.sql(insert)
                .bind("id", UUID.randomUUID())
                .bind("conversationId", input.conversationId())
                .bind("role", input.role().label())
                .bind("content", input.content())
                .bind("metadata", metadata);
        Mono<Message> written = nullable(spec, "idempotencyKey", input.idempotencyKey(), String.class)
                .map(MessageStore::message).one()
                .flatMap(message -> afterInsert(message).thenReturn(message))
                .switchIfEmpty(Mono.defer(() -> replay(input)));
        Mono<Message> post = bridge(input.conversationId()).then(written);
        if (input.idempotencyKey() == null) {
            return transactions.transactional(post);
        }
        Mono<Message> once = lockKey(input.idempotencyKey())
                .then(firstWithKey(input.idempotencyKey()))
                .flatMap(first -> sameOrConflict(first, input))
                .switchIfEmpty(post);
        return transactions.transactional(once);
    }

    public Mono<UUID> attachFile(UUID conversationId, UUID fileId) {
        if (routing.fileLinks().isEmpty()) {
            throw new BadRequestException("attachFile needs a link table: gateway.routing.file.links is empty");
        }
        PhysicalTable links = routing.fileLinks().get(0);
        String fileExists = "select exists (" + PrecedenceUnion.of(routing.files(), t -> "1", t -> "t.id = :fileId") + ") as found";
        String link = """
                insert into %s (conversation_id, file_id) values (:conversationId, :fileId)
                on conflict do nothing""".formatted(links.sql());
        Mono<Void> attach = db.sql(fileExists).bind("fileId", fileId).map(row -> row.get("found", Boolean.class)).one()
                .flatMap(found -> found
                        ? db.sql(link).bind("conversationId", conversationId).bind("fileId", fileId).then()
                        : Mono.error(new NotFoundException("No file has id " + fileId)));
        return transactions.transactional(bridge(conversationId).then(attach)).thenReturn(conversationId);
    }

    public Mono<Memory> rememberMemory(NewMemory input) {
        PhysicalTable table = routing.memoryWrites();
        checkContent(input.content());
        if (input.kind() == null || input.kind().isBlank()) {
            throw new BadRequestException("kind must not be empty");
        }
        double importance = input.importance() == null ? 0.5 : input.importance();
        if (Double.isNaN(importance) || importance < 0 || importance > 1) {
            throw new BadRequestException("importance must be between 0 and 1, was " + importance);
        }
        String metadata = Json.object("metadata", input.metadata());
        String sql = """
                insert into %s (id, conversation_id, user_id, kind, content, importance, metadata)
                values (:id, :conversationId, :userId, :kind, :content, :importance, cast(:metadata as jsonb))
                returning id, conversation_id, user_id, kind, content, importance, metadata,
                          created_at, last_accessed_at
                """.formatted(table.sql());
        GenericExecuteSpec spec = db.sql(sql)
                .bind("id", UUID.randomUUID())
                .bind("kind", input.kind())
                .bind("content", input.content())
                .bind("importance", (float) importance)
                .bind("metadata", metadata);
        spec = nullable(spec, "conversationId", input.conversationId(), UUID.class);
        spec = nullable(spec, "userId", input.userId(), String.class);
        Mono<Memory> insert = spec.map(MemoryStore::memory).one();
        Mono<Void> check = input.conversationId() == null ? Mono.empty() : requireConversation(input.conversationId());
        return transactions.transactional(check.then(insert));
    }

    /**
     * Makes sure the conversation write table holds the conversation, copying it from the first
     * routed table that does; {@code NOT_FOUND} where none does.
     */
    private Mono<Void> bridge(UUID conversationId) {
        PhysicalTable target = routing.conversationWrites();
        List<PhysicalTable> sources = new ArrayList<>(routing.conversations());
        sources.remove(target);
        Mono<Void> copy = Mono.empty();
        if (!sources.isEmpty()) {
            boolean session = target.has("session_id");
            String columns = "id, continuation_id, title, metadata, created_at, updated_at";
            String source = PrecedenceUnion.of(sources,
                    t -> columns + (session ? (t.has("session_id") ? ", t.session_id" : ", null::uuid") : ""),
                    t -> "t.id = :id");
            String sql = "insert into %s (%s%s) select * from (%s) s limit 1 on conflict (id) do nothing"
                    .formatted(target.sql(), columns, session ? ", session_id" : "", source);
            copy = db.sql(sql).bind("id", conversationId).then();
        }
        String exists = "select exists (select 1 from %s where id = :id) as found".formatted(target.sql());
        return copy.then(db.sql(exists).bind("id", conversationId).map(row -> row.get("found", Boolean.class)).one())
                .flatMap(found -> found ? Mono.<Void>empty()
                        : Mono.error(new NotFoundException("No conversation has id " + conversationId)));
    }

    private Mono<Void> requireConversation(UUID conversationId) {
        String sql = "select exists (" + PrecedenceUnion.of(routing.conversations(), t -> "1", t -> "t.id = :id") + ") as found";
        return db.sql(sql).bind("id", conversationId).map(row -> row.get("found", Boolean.class)).one()
                .flatMap(found -> found ? Mono.<Void>empty()
                        : Mono.error(new NotFoundException("No conversation has id " + conversationId)));
    }

    private Mono<Void> afterInsert(Message message) {
        PhysicalTable conversations = routing.conversationWrites();
        String bump = "update %s set updated_at = greatest(updated_at, now()) where id = :id".formatted(conversations.sql());
        return db.sql(bump).bind("id", message.conversationId()).then()
                .then(db.sql(MessageEvents.NOTIFY)
                        .bind("id", message.id().toString())
                        .bind("conversationId", message.conversationId().toString())
                        .bind("table", routing.messageWrites().name().toString())
                        .then());
    }

    /** Serialises posts with one idempotency key for the rest of the transaction, across every message table. */
    private Mono<Void> lockKey(String key) {
        return db.sql("select pg_advisory_xact_lock(hashtext(:key))").bind("key", key).fetch().all().then();
    }

    /** The message any routed message table already holds under the key, first table first. */
    private Mono<Message> firstWithKey(String key) {
        String sql = "select * from (" + PrecedenceUnion.of(routing.messages(),
                t -> "t.id, t.conversation_id, t.role::text as role, t.content, t.metadata, t.created_at, t.idempotency_key",
                t -> "t.idempotency_key = :key") + ") u limit 1";
        return db.sql(sql).bind("key", key).map(MessageStore::message).one();
    }

    /** The idempotency key was used before: the same message again is that message, anything else a bad request. */
    private Mono<Message> replay(NewMessage input) {
        return firstWithKey(input.idempotencyKey()).flatMap(first -> sameOrConflict(first, input));
    }

    private static Mono<Message> sameOrConflict(Message first, NewMessage input) {
        boolean same = first.conversationId().equals(input.conversationId())
                && first.role() == input.role() && first.content().equals(input.content());
        return same ? Mono.just(first) : Mono.error(new BadRequestException(
                "idempotencyKey '" + input.idempotencyKey() + "' was already used for a different message"));
    }

    private void checkContent(String content) {
        if (content == null || content.isBlank()) {
            throw new BadRequestException("content must not be empty");
        }
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxContentBytes()) {
            throw new BadRequestException("content is " + bytes + " bytes, more than the " + limits.maxContentBytes() + " allowed");
        }
        if (content.indexOf('\u0000') >= 0) {
            throw new BadRequestException("content must not contain NUL characters");
        }
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** A conversation to start. */
    public record NewConversation(String title, String continuationId, UUID sessionId, Object metadata) {
    }

    /** A message to post; {@code idempotencyKey} makes a retry return the first message. */
    public record NewMessage(UUID conversationId, Role role, String content, Object metadata, String idempotencyKey) {
    }

    /** A memory to remember. */
    public record NewMemory(UUID conversationId, String userId, String kind, String content, Double importance, Object metadata) {
    }
}
