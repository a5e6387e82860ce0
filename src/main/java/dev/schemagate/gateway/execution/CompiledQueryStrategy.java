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
import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Runs a query as the one statement {@link JsonCompiler} compiles for it, and through the
 * resolvers and their DataLoaders where it declines. Validation, limits and access checks
 * have run before either.
 */
public class CompiledQueryStrategy extends AsyncExecutionStrategy {

    private final JsonCompiler compiler;
    private final DatabaseClient db;

    public CompiledQueryStrategy(DataFetcherExceptionHandler exceptionHandler, JsonCompiler compiler, DatabaseClient db) {
        super(exceptionHandler);
        this.compiler = compiler;
        this.db = db;
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
        Optional<JsonStatement> statement = compile(context);
        if (statement.isEmpty()) {
            return super.execute(context, parameters);
        }
        ContextSnapshot snapshot = ContextPropagationHelper.captureFrom(context.getGraphQLContext());
        return statement.get().run(db)
                .map(json -> ExecutionResult.newExecutionResult().data(new RawJson(json)).build())
                .onErrorResume(ex -> Mono.just(failed(ex)))
                .contextWrite(snapshot::updateContext)
                .toFuture();
    }

    private static ExecutionResult failed(Throwable ex) {
        if (ex instanceof CancellationException) {
            return ExecutionResult.newExecutionResult().build();
        }
        return ExecutionResult.newExecutionResult().errors(List.of(GatewayExceptionResolver.classify(ex, "Compiled query"))).build();
    }

    private Optional<JsonStatement> compile(ExecutionContext context) {
        List<ExecutableNormalizedField> roots = context.getNormalizedQueryTree().get().getTopLevelFields();
        return compiler.compile(roots);
    }
}
