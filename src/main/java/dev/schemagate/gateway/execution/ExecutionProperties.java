package dev.schemagate.gateway.execution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How queries run: compiled into one SQL statement where the compiler can, or always through
 * the resolvers and their DataLoaders.
 *
 * @param compile whether queries are compiled into one statement where possible
 */
@ConfigurationProperties("gateway.execution")
public record ExecutionProperties(@DefaultValue("true") boolean compile) {
}
