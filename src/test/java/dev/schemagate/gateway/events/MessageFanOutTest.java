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
        List<Message> fast = new ArrayList<>();
        fanOut.subscribe(null).subscribe(fast::add);
        Slow slow = new Slow();
        fanOut.subscribe(null).subscribe(slow);

        List<Message> published = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Message message = message(i);
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
        List<Message> mine = new ArrayList<>();
        fanOut.subscribe(CONVERSATION).subscribe(mine::add);
        fanOut.publish(message(1));
        fanOut.publish(new Message(UUID.randomUUID(), UUID.randomUUID(), Role.USER, "other", null, OffsetDateTime.now(), null));
        assertThat(mine).hasSize(1);
    }

    private static Message message(int i) {
        return new Message(UUID.randomUUID(), CONVERSATION, Role.USER, "message " + i, null, OffsetDateTime.now(), null);
    }

    /** Takes one event and asks for no more until told. */
    private static final class Slow extends BaseSubscriber<Message> {
        private final List<Message> received = new ArrayList<>();

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(Message value) {
            received.add(value);
        }
    }
}
