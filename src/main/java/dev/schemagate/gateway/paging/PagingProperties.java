package dev.schemagate.gateway.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Page sizes of every connection and list with a {@code first} argument.
 *
 * @param defaultSize the page size when {@code first} is absent
 * @param maxSize     the largest {@code first} accepted; larger is a {@code BAD_REQUEST}, not a clamp
 */
@ConfigurationProperties("gateway.paging")
public record PagingProperties(@DefaultValue("20") int defaultSize, @DefaultValue("100") int maxSize) {
}
