package dev.schemagate.gateway.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import dev.schemagate.gateway.errors.BadRequestException;

/**
 * A keyset position: the sort key and id of a row, tagged with the ordering it belongs to.
 * Opaque to clients (base64url). Timestamps keep microsecond precision so that rows sharing
 * a timestamp are neither skipped nor repeated.
 */
public record Cursor(String ordering, String key, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static Cursor of(String ordering, OffsetDateTime at, UUID id) {
        Instant instant = at.toInstant();
        long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        return new Cursor(ordering, Long.toString(micros), id);
    }

    public static Cursor of(String ordering, String text, UUID id) {
        return new Cursor(ordering, text == null ? "" : text, id);
    }

    /** The key as the timestamp it was made from. */
    public OffsetDateTime at() {
        long micros = Long.parseLong(key);
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public String encode() {
        String text = ordering + "|" + id + "|" + key;
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor this gateway issued for {@code ordering}; anything else is a bad request. */
    public static Cursor decode(SortOrder ordering, String text) {
        try {
            String[] parts = new String(DECODER.decode(text), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(ordering.name())) {
                throw new IllegalArgumentException("cursor of another ordering");
            }
            Cursor cursor = new Cursor(parts[0], parts[2], UUID.fromString(parts[1]));
            if (!ordering.text()) {
                int year = cursor.at().getYear();
                if (year < 1 || year > 9999) {
                    throw new IllegalArgumentException("cursor out of range");
                }
            }
            if (cursor.key().indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("cursor with a NUL character");
            }
            return cursor;
        }
        catch (RuntimeException ex) {
            throw new BadRequestException("'" + abbreviate(text) + "' is not a cursor of this connection in this order");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
