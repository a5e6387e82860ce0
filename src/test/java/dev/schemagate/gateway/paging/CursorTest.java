package dev.schemagate.gateway.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.schemagate.gateway.errors.BadRequestException;
import org.junit.jupiter.api.Test;

class CursorTest {

    private static final UUID ID = UUID.fromString("3f2c9a4e-8d1b-4c7a-9e2f-5b6d7c8e9f01");
    private static final SortOrder BY_TIME = SortOrder.of("things", "CREATED_AT", "created_at", false, true);
    private static final SortOrder BY_TITLE = SortOrder.of("things", "TITLE", "title", true, false);

    @Test
    void roundTripsTimestampsKeepingMicroseconds() {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.ofHours(2));
        Cursor decoded = Cursor.decode(BY_TIME, Cursor.of(BY_TIME.name(), at, ID).encode());
        assertThat(decoded.at().toInstant()).isEqualTo(at.toInstant());
        assertThat(decoded.id()).isEqualTo(ID);
    }

    @Test
    void roundTripsInstantsBeforeTheEpoch() {
        OffsetDateTime at = OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC);
        assertThat(Cursor.decode(BY_TIME, Cursor.of(BY_TIME.name(), at, ID).encode()).at().toInstant()).isEqualTo(at.toInstant());
    }

    @Test
    void roundTripsTextKeysWithSeparatorsAndNullAsEmpty() {
        assertThat(Cursor.decode(BY_TITLE, Cursor.of(BY_TITLE.name(), "a|b|ü", ID).encode()).key()).isEqualTo("a|b|ü");
        assertThat(Cursor.decode(BY_TITLE, Cursor.of(BY_TITLE.name(), (String) null, ID).encode()).key()).isEmpty();
    }

    @Test
    void isOpaque() {
        String encoded = Cursor.of(BY_TIME.name(), OffsetDateTime.now(ZoneOffset.UTC), ID).encode();
        assertThat(encoded).doesNotContain(ID.toString()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesCursorsOfAnotherOrderingOrGarbage() {
        String encoded = Cursor.of(BY_TIME.name(), OffsetDateTime.now(ZoneOffset.UTC), ID).encode();
        assertThatThrownBy(() -> Cursor.decode(BY_TITLE, encoded)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> Cursor.decode(BY_TIME, "!!!")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> Cursor.decode(BY_TIME, "")).isInstanceOf(BadRequestException.class);
        String textAsTime = Cursor.of(BY_TIME.name(), "not a number", ID).encode();
        assertThatThrownBy(() -> Cursor.decode(BY_TIME, textAsTime)).isInstanceOf(BadRequestException.class);
    }
}
