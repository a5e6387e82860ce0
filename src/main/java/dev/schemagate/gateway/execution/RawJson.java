package dev.schemagate.gateway.execution;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * JSON text PostgreSQL built, written into the response as it is: the gateway neither parses
 * nor re-encodes it.
 */
public record RawJson(String json) implements JacksonSerializable {

    @Override
    public void serialize(JsonGenerator generator, SerializationContext context) {
        generator.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer typeSerializer) {
        generator.writeRawValue(json);
    }

    @Override
    public String toString() {
        return json;
    }
}
