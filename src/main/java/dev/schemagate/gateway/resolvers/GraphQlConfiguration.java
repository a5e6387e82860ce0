package dev.schemagate.gateway.resolvers;

import dev.schemagate.gateway.model.StoredFile;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ClassNameTypeResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars and the type resolver for the {@code Node} interface. */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

    @Bean
    public RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(Scalars.DATE_TIME).scalar(Scalars.JSON).scalar(Scalars.LONG);
    }

    @Bean
    public GraphQlSourceBuilderCustomizer nodeTypes() {
        return builder -> builder.defaultTypeResolver(entityTypes());
    }

    /** GraphQL types by Java class: the class's simple name, except {@code StoredFile}, which is {@code File}. */
    public static ClassNameTypeResolver entityTypes() {
        ClassNameTypeResolver resolver = new ClassNameTypeResolver();
        resolver.addMapping(StoredFile.class, "File");
        return resolver;
    }
}
