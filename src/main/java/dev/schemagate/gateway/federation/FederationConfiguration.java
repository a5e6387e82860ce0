package dev.schemagate.gateway.federation;

import dev.schemagate.gateway.resolvers.GraphQlConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.data.federation.FederationSchemaFactory;

/**
 * With {@code gateway.federation.enabled}, builds the schema as an Apollo Federation 2 subgraph:
 * {@code schema.graphqls} plus {@code graphql-federation/federation.graphqls} ({@code @link} and
 * the {@code @key} of each entity), transformed by federation-jvm, which adds {@code _service}
 * and {@code _entities}. {@link EntityController} resolves the entities.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(FederationProperties.ENABLED)
public class FederationConfiguration {

    private static final Log logger = LogFactory.getLog(FederationConfiguration.class);

    static final String FEDERATION_SCHEMA = "graphql-federation/federation.graphqls";

    @Bean
    public FederationSchemaFactory federationSchemaFactory() {
        FederationSchemaFactory factory = new FederationSchemaFactory();
        factory.setTypeResolver(GraphQlConfiguration.entityTypes());
        return factory;
    }

    @Bean
    public GraphQlSourceBuilderCustomizer federationSchema(FederationSchemaFactory factory, FederationProperties properties) {
        logger.info("Apollo Federation 2 subgraph mode (gateway.federation.enabled=" + properties.enabled()
                + "): serving _service and _entities for Conversation, Message, File and Memory");
        return builder -> builder.schemaResources(new ClassPathResource(FEDERATION_SCHEMA))
                .schemaFactory(factory::createGraphQLSchema);
    }
}
