package dev.schemagate.gateway.sql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what mutations accept.
 *
 * @param maxContentBytes the largest message or memory content, in UTF-8 bytes
 */
@ConfigurationProperties("gateway.writes")
public record WriteLimits(@DefaultValue("1048576") int maxContentBytes) {
}
