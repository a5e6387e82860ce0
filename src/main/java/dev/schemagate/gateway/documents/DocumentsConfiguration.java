package dev.schemagate.gateway.documents;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.util.StringUtils;

/**
 * Installs the {@link DocumentProvider} into the one {@code GraphQL} instance, and checks the
 * allow-list against the schema before the server accepts requests.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentsConfiguration {

    private static final Log logger = LogFactory.getLog(DocumentsConfiguration.class);

    @Bean
    public DocumentProvider documentProvider(DocumentProperties properties, MeterRegistry registry) {
        AllowList allowList = StringUtils.hasText(properties.allowList()) ? AllowList.load(properties.allowList()) : null;
        return new DocumentProvider(properties, allowList, registry);
    }

    @Bean
    public GraphQlSourceBuilderCustomizer documentProviderCustomizer(DocumentProvider provider) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    @Bean
    public SmartInitializingSingleton allowListCheck(DocumentProvider provider, GraphQlSource graphQlSource) {
        return () -> provider.allowList().ifPresent(allowList -> {
            allowList.validate(graphQlSource.schema());
            logger.info("Allow-list on: " + allowList.size() + " document(s) from " + allowList.folder() + " run, nothing else");
        });
    }
}
