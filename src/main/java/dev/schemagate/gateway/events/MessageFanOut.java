package dev.schemagate.gateway.events;

import java.time.Duration;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Hands each new message to every subscriber. Each subscriber has a buffer of its own; one that
 * falls further behind loses its oldest events, so a slow client never holds up the others.
 */
class MessageFanOut {

    private static final Log logger = LogFactory.getLog(MessageFanOut.class);

    private final Sinks.Many<MessageEvent> sink = Sinks.many().multicast().directBestEffort();
    private final int bufferSize;

    MessageFanOut(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    void publish(MessageEvent message) {
        sink.emitNext(message, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    Flux<MessageEvent> subscribe(UUID conversationId) {
        return sink.asFlux()
                .filter(message -> conversationId == null || conversationId.equals(message.conversationId()))
                .onBackpressureBuffer(bufferSize,
                        dropped -> logger.debug("Subscriber too slow: dropped message " + dropped.id()),
                        BufferOverflowStrategy.DROP_OLDEST);
    }
}
