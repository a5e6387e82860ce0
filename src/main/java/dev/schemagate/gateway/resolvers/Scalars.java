package dev.schemagate.gateway.resolvers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** The contract's custom scalars: {@code DateTime}, {@code JSON} and {@code Long}. */
final class Scalars {

    /** RFC 3339 in UTC, with a fraction only where there is one (up to microseconds). */
    static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT);

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An RFC 3339 date-time with offset")
            .coercing(new DateTimeCoercing())
            .build();

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
            .name("JSON")
            .description("Any JSON value")
            .coercing(new JsonCoercing())
            .build();

    static final GraphQLScalarType LONG = GraphQLScalarType.newScalar()
            .name("Long")
            .description("A 64-bit signed integer")
            .coercing(new LongCoercing())
            .build();

    private Scalars() {
    }

    private static final class DateTimeCoercing implements Coercing<OffsetDateTime, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof OffsetDateTime dateTime) {
                try {
                    return RFC_3339.format(dateTime.withOffsetSameInstant(ZoneOffset.UTC));
                }
                catch (java.time.DateTimeException ex) {
                    throw new CoercingSerializeException("A date-time out of range");
                }
            }
            throw new CoercingSerializeException("Not a date-time: " + value.getClass().getSimpleName());
        }

        @Override
        public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("DateTime must be a string such as 2026-01-01T00:00:00Z");
        }

        @Override
        public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("DateTime must be a string such as 2026-01-01T00:00:00Z");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(input, context, locale));
        }

        private static <E extends RuntimeException> OffsetDateTime parse(String text, java.util.function.Function<String, E> error) {
            try {
                OffsetDateTime value = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                int year = value.withOffsetSameInstant(ZoneOffset.UTC).getYear();
                if (year < 1 || year > 9999) {
                    throw error.apply("DateTime must lie between the years 1 and 9999; was '" + text + "'");
                }
                return value;
            }
            catch (DateTimeParseException ex) {
                throw error.apply("DateTime must be RFC 3339 with an offset, such as 2026-01-01T00:00:00Z; was '" + text + "'");
            }
        }
    }

    private static final class JsonCoercing implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }

        private static Object literal(Value<?> input, CoercedVariables variables) {
            if (input instanceof NullValue) {
                return null;
            }
            if (input instanceof StringValue value) {
                return value.getValue();
            }
            if (input instanceof IntValue value) {
                return value.getValue();
            }
            if (input instanceof FloatValue value) {
                return value.getValue();
            }
            if (input instanceof BooleanValue value) {
                return value.isValue();
            }
            if (input instanceof EnumValue value) {
                return value.getName();
            }
            if (input instanceof VariableReference reference) {
                return variables.get(reference.getName());
            }
            if (input instanceof ArrayValue array) {
                List<Object> values = new ArrayList<>();
                array.getValues().forEach(v -> values.add(literal(v, variables)));
                return values;
            }
            if (input instanceof ObjectValue object) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (ObjectField field : object.getObjectFields()) {
                    values.put(field.getName(), literal(field.getValue(), variables));
                }
                return values;
            }
            throw new CoercingParseLiteralException("Not a JSON value: " + input);
        }
    }

    private static final class LongCoercing implements Coercing<Long, Long> {

        @Override
        public Long serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Number number) {
                return number.longValue();
            }
            throw new CoercingSerializeException("Not a Long: " + value.getClass().getSimpleName());
        }

        @Override
        public Long parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof Integer || input instanceof Long) {
                return ((Number) input).longValue();
            }
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("Long must be an integer");
        }

        @Override
        public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof IntValue value) {
                return parse(value.getValue().toString(), CoercingParseLiteralException::new);
            }
            if (input instanceof StringValue value) {
                return parse(value.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("Long must be an integer");
        }

        private static <E extends RuntimeException> Long parse(String text, java.util.function.Function<String, E> error) {
            try {
                return Long.parseLong(text);
            }
            catch (NumberFormatException ex) {
                throw error.apply("Long must be a 64-bit integer, was '" + text + "'");
            }
        }
    }
}
