package dev.schemagate.gateway.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on HTTP requests.
 *
 * @param maxBodySize    the largest request body; larger is answered 413 before it is parsed
 * @param requestTimeout how long one GraphQL request may take; its SQL is cancelled after that
 */
@ConfigurationProperties("gateway.http")
public record HttpLimits(@DefaultValue("2MB") DataSize maxBodySize, @DefaultValue("10s") java.time.Duration requestTimeout) {
}
