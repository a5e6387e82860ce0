package dev.schemagate.gateway.events;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.schemagate.gateway.model.Message;
import dev.schemagate.gateway.routing.Routing;
import dev.schemagate.gateway.sql.MessageEvents;
import dev.schemagate.gateway.sql.MessageStore;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens for message notifications on one dedicated connection per gateway instance and fans
 * each new message out to every subscriber. The connection is checked by a heartbeat and
 * replaced, with backoff, whenever it fails or the database drops it. Each message is loaded
 * once, however many subscribers there are; a subscriber that falls behind by more than its
 * buffer loses the oldest events rather than slowing the others down.
 */
@Component
public class MessageEventHub implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(MessageEventHub.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REMEMBERED_IDS = 10_000;

    private final NotificationConnections connections;
    private final MessageStore messages;
    private final EventProperties properties;
    private final Set<String> routedTables;
    private final MessageFanOut fanOut;
    private final Map<UUID, Boolean> recent = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });
    private volatile Disposable subscription;

    private final boolean loadPerSubscriber;

    public MessageEventHub(NotificationConnections connections, MessageStore messages, Routing routing, EventProperties properties,
            dev.schemagate.gateway.security.AuthProperties auth) {
        this.connections = connections;
        this.messages = messages;
        this.properties = properties;
        this.loadPerSubscriber = auth.postgresClaims();
        this.fanOut = new MessageFanOut(properties.subscriberBuffer());
        this.routedTables = routing.messages().stream().map(t -> t.name().toString()).collect(Collectors.toSet());
    }

    /**
     * New messages, optionally of one conversation. Where row-level security applies each
     * subscriber loads the message itself, in its own Reactor context, so under its own claims.
     */
    public Flux<Message> messages(UUID conversationId) {
        return fanOut.subscribe(conversationId).concatMap(event -> event.message() != null ? Mono.just(event.message())
                : messages.byIds(List.of(event.id())).mapNotNull(found -> found.get(event.id())));
    }

    @Override
    public void start() {
        subscription = Flux.defer(this::listen)
                .doOnError(ex -> logger.warn("Message notifications interrupted, reconnecting: " + ex.getMessage()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2)))
                .concatMap(this::load)
                .subscribe(fanOut::publish, ex -> logger.error("Message notifications stopped", ex));
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null && !subscription.isDisposed();
    }

    private Flux<Notification> listen() {
        return Flux.usingWhen(Mono.from(connections.factory().create()),
                connection -> {
                    PostgresqlConnection postgres = (PostgresqlConnection) connection;
                    Flux<Notification> heartbeat = Flux.interval(properties.heartbeat())
                            .concatMap(tick -> postgres.createStatement("select 1").execute().flatMap(r -> r.map((row, meta) -> 1)))
                            .thenMany(Flux.empty());
                    return postgres.createStatement("LISTEN " + MessageEvents.CHANNEL).execute()
                            .flatMap(result -> result.getRowsUpdated())
                            .then(Mono.fromRunnable(() -> logger.info("Listening for message notifications")))
                            .thenMany(Flux.merge(postgres.getNotifications(), heartbeat))
                            .concatWith(Mono.error(new IllegalStateException("the notification connection closed")));
                },
                Connection::close);
    }

    private Flux<MessageEvent> load(Notification notification) {
        UUID id;
        UUID conversationId;
        try {
            JsonNode payload = JSON.readTree(notification.getParameter());
            if (!routedTables.contains(payload.path("table").asString())) {
                return Flux.empty();
            }
            id = UUID.fromString(payload.path("id").asString());
            conversationId = UUID.fromString(payload.path("conversationId").asString());
        }
        catch (RuntimeException ex) {
            logger.warn("Ignoring a malformed message notification: " + notification.getParameter());
            return Flux.empty();
        }
        if (recent.putIfAbsent(id, Boolean.TRUE) != null) {
            return Flux.empty();
        }
        if (loadPerSubscriber) {
            return Flux.just(new MessageEvent(id, conversationId, null));
        }
        return messages.byIds(List.of(id))
                .flatMapMany(found -> Flux.fromIterable(found.values()))
                .map(message -> new MessageEvent(id, message.conversationId(), message))
                .onErrorResume(ex -> {
                    logger.warn("Could not load message " + id + " for subscribers: " + ex.getMessage());
                    return Flux.empty();
                });
    }
}
