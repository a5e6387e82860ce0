package dev.schemagate.gateway.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import dev.schemagate.gateway.errors.BadRequestException;

/**
 * A keyset position: the sort value and id of the last row seen, tagged with the ordering it
 * belongs to. Opaque to clients (base64url); the timestamp keeps microsecond precision so that
 * rows sharing a timestamp are neither skipped nor repeated.
 */
public record Cursor(String ordering, OffsetDateTime at, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        Instant instant = at.toInstant();
        long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        String text = ordering + "|" + micros + "|" + id;
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor this gateway issued for {@code ordering}; anything else is a bad request. */
    public static Cursor decode(String ordering, String text) {
        try {
            String[] parts = new String(DECODER.decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(ordering)) {
                throw new IllegalArgumentException("cursor of another ordering");
            }
            long micros = Long.parseLong(parts[1]);
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return new Cursor(ordering, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), UUID.fromString(parts[2]));
        }
        catch (RuntimeException ex) {
            throw new BadRequestException("'" + abbreviate(text) + "' is not a cursor of this connection");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
