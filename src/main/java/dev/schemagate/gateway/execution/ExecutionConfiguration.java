package dev.schemagate.gateway.execution;

import java.util.List;

import dev.schemagate.gateway.sql.JsonCompiler;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.r2dbc.core.DatabaseClient;

/** Puts the compiled query strategy in front of graphql-java's own, unless switched off. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutionProperties.class)
public class ExecutionConfiguration {

    @Bean
    public GraphQlSourceBuilderCustomizer compiledQueries(ExecutionProperties properties, JsonCompiler compiler,
            DatabaseClient db, List<DataFetcherExceptionResolver> resolvers, MeterRegistry meters) {
        return builder -> {
            if (!properties.compile()) {
                return;
            }
            CompiledQueryStrategy strategy = new CompiledQueryStrategy(
                    DataFetcherExceptionResolver.createExceptionHandler(resolvers), compiler, db, meters);
            builder.configureGraphQl(graphQl -> graphQl.queryExecutionStrategy(strategy));
        };
    }
}
