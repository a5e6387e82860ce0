package dev.schemagate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.schemagate.gateway.model.Message;
import dev.schemagate.gateway.model.Role;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

class MessageFanOutTest {

    private static final UUID CONVERSATION = UUID.randomUUID();

    @Test
    void aSlowSubscriberLosesItsOldestEventsWithoutHoldingUpOthers() {
        MessageFanOut fanOut = new MessageFanOut(16);
        List<MessageEvent> fast = new ArrayList<>();
        fanOut.subscribe(null).subscribe(fast::add);
        Slow slow = new Slow();
        fanOut.subscribe(null).subscribe(slow);

        List<MessageEvent> published = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            MessageEvent message = message(i);
            published.add(message);
            fanOut.publish(message);
        }
        assertThat(fast).containsExactlyElementsOf(published);
        assertThat(slow.received).containsExactly(published.get(0));

        slow.request(100);
        assertThat(slow.received).hasSize(17);
        assertThat(slow.received.subList(1, 17)).containsExactlyElementsOf(published.subList(984, 1000));
    }

    @Test
    void filtersByConversation() {
        MessageFanOut fanOut = new MessageFanOut(16);
        List<MessageEvent> mine = new ArrayList<>();
        fanOut.subscribe(CONVERSATION).subscribe(mine::add);
        fanOut.publish(message(1));
        Message other = new Message(UUID.randomUUID(), UUID.randomUUID(), Role.USER, "other", null, OffsetDateTime.now(), null);
        fanOut.publish(new MessageEvent(other.id(), other.conversationId(), other));
        assertThat(mine).hasSize(1);
    }

    private static MessageEvent message(int i) {
        Message message = new Message(UUID.randomUUID(), CONVERSATION, Role.USER, "message " + i, null, OffsetDateTime.now(), null);
        return new MessageEvent(message.id(), CONVERSATION, message);
    }

    /** Takes one event and asks for no more until told. */
    private static final class Slow extends BaseSubscriber<MessageEvent> {
        private final List<MessageEvent> received = new ArrayList<>();

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(MessageEvent value) {
            received.add(value);
        }
    }
}
