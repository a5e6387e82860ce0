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
        ClassNameTypeResolver resolver = new ClassNameTypeResolver();
        resolver.addMapping(StoredFile.class, "File");
        return builder -> builder.defaultTypeResolver(resolver);
    }
}
