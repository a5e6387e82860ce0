package dev.schemagate.gateway.resolvers;

import java.util.UUID;
import java.util.regex.Pattern;

import dev.schemagate.gateway.errors.BadRequestException;

/** Entity ids are uuids in text; anything else is a bad request, never a database error. */
public final class Ids {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static UUID parse(String argument, String value) {
        if (value == null) {
            return null;
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new BadRequestException(argument + " must be a uuid such as 3f2c9a4e-8d1b-4c7a-9e2f-5b6d7c8e9f01, was '"
                    + (value.length() > 64 ? value.substring(0, 64) + "..." : value) + "'");
        }
        return UUID.fromString(value);
    }
}
