package dev.schemagate.gateway.execution;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import dev.schemagate.gateway.errors.GatewayExceptionResolver;
import dev.schemagate.gateway.sql.JsonCompiler;
import dev.schemagate.gateway.sql.JsonStatement;
import graphql.ExecutionResult;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.normalized.ExecutableNormalizedField;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.R2dbcTransientException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Runs a query as the one statement {@link JsonCompiler} compiles for it, and through the
 * resolvers and their DataLoaders where it declines. Validation, limits and access checks
 * have run before either. Where the statement fails for a reason other than a lost
 * connection or a timeout (a table dropped under the gateway, say), the query runs again
 * through the resolvers, so every field that can still be served is, and the error names
 * the field that cannot.
 */
public class CompiledQueryStrategy extends AsyncExecutionStrategy {

    private final JsonCompiler compiler;
    private final DatabaseClient db;
    private final Counter compiled;
    private final Counter resolved;

    public CompiledQueryStrategy(DataFetcherExceptionHandler exceptionHandler, JsonCompiler compiler, DatabaseClient db,
            MeterRegistry meters) {
        super(exceptionHandler);
        this.compiler = compiler;
        this.db = db;
        this.compiled = queries(meters, "compiled");
        this.resolved = queries(meters, "resolvers");
    }

    private static Counter queries(MeterRegistry meters, String path) {
        return Counter.builder("gateway.queries")
                .description("Queries by how they were answered: one compiled statement, or the resolvers "
                        + "(also after a compiled statement failed)")
                .tag("path", path).register(meters);
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
        Optional<JsonStatement> statement = compile(context);
        if (statement.isEmpty()) {
            return resolve(context, parameters);
        }
        ContextSnapshot snapshot = ContextPropagationHelper.captureFrom(context.getGraphQLContext());
        return statement.get().run(db)
                .map(json -> {
                    compiled.increment();
                    return ExecutionResult.newExecutionResult().data(new RawJson(json)).build();
                })
                .onErrorResume(ex -> recover(ex, context, parameters))
                .contextWrite(snapshot::updateContext)
                .toFuture();
    }

    private CompletableFuture<ExecutionResult> resolve(ExecutionContext context, ExecutionStrategyParameters parameters) {
        resolved.increment();
        return super.execute(context, parameters);
    }

    private Mono<ExecutionResult> recover(Throwable ex, ExecutionContext context, ExecutionStrategyParameters parameters) {
        if (ex instanceof CancellationException) {
            return Mono.just(ExecutionResult.newExecutionResult().build());
        }
        if (ex instanceof TransientDataAccessException || ex.getCause() instanceof R2dbcTransientException) {
            return Mono.just(ExecutionResult.newExecutionResult()
                    .errors(List.of(GatewayExceptionResolver.classify(ex, "Compiled query"))).build());
        }
        return Mono.fromFuture(() -> resolve(context, parameters));
    }

    private Optional<JsonStatement> compile(ExecutionContext context) {
        List<ExecutableNormalizedField> roots = context.getNormalizedQueryTree().get().getTopLevelFields();
        return compiler.compile(roots);
    }
}
