package dev.schemagate.gateway.database;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.schemagate.gateway.security.Caller;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Connections that belong to the request in whose Reactor context they are taken
 * ({@link RequestScope}). Each statement can be cancelled in PostgreSQL when the request ends
 * early. With {@code postgresClaims}, a connection taken for a verified caller starts a
 * transaction that first sets {@code request.jwt.claims} and {@code role} with
 * {@code set_config(..., true)}, so they hold for that transaction only and the pooled
 * connection is clean again when it is returned.
 */
public class ScopedConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory> {

    private static final String SET_CLAIMS = "select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)";

    private final ConnectionFactory delegate;
    private final boolean postgresClaims;

    public ScopedConnectionFactory(ConnectionFactory delegate, boolean postgresClaims) {
        this.delegate = delegate;
        this.postgresClaims = postgresClaims;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.deferContextual(context -> {
            RequestScope scope = context.getOrDefault(RequestScope.class, null);
            Mono<Connection> connection = Mono.from(delegate.create());
            if (scope == null) {
                return connection;
            }
            if (scope.cancelled()) {
                return Mono.error(new CancellationException("the request was cancelled"));
            }
            Caller caller = scope.caller();
            boolean claims = postgresClaims && caller != null && Caller.ROLES.contains(caller.role());
            return connection.flatMap(c -> claims ? withClaims(c, scope, caller) : Mono.just(new ScopedConnection(c, scope, false)));
        });
    }

    private static Mono<Connection> withClaims(Connection connection, RequestScope scope, Caller caller) {
        Mono<Connection> prepared = Mono.from(connection.beginTransaction())
                .then(Flux.from(connection.createStatement(SET_CLAIMS)
                                .bind("$1", caller.claimsJson() == null ? "{}" : caller.claimsJson())
                                .bind("$2", caller.role())
                                .execute())
                        .concatMap(result -> result.map((row, meta) -> 1))
                        .then())
                .thenReturn(new ScopedConnection(connection, scope, true));
        return prepared.onErrorResume(ex -> Mono.from(connection.rollbackTransaction()).onErrorResume(e -> Mono.empty())
                .then(Mono.from(connection.close())).then(Mono.error(ex)));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return delegate;
    }

    /** A connection of one request: statements register with its scope, a claims transaction ends on close. */
    private static final class ScopedConnection implements Connection, Wrapped<Connection> {

        private final Connection delegate;
        private final RequestScope scope;
        private final AtomicBoolean claimsTransaction;

        ScopedConnection(Connection delegate, RequestScope scope, boolean claimsTransaction) {
            this.delegate = delegate;
            this.scope = scope;
            this.claimsTransaction = new AtomicBoolean(claimsTransaction);
        }

        @Override
        public Publisher<Void> beginTransaction() {
            return claimsTransaction.get() ? Mono.empty() : delegate.beginTransaction();
        }

        @Override
        public Publisher<Void> beginTransaction(TransactionDefinition definition) {
            return claimsTransaction.get() ? Mono.empty() : delegate.beginTransaction(definition);
        }

        @Override
        public Publisher<Void> commitTransaction() {
            claimsTransaction.set(false);
            return delegate.commitTransaction();
        }

        @Override
        public Publisher<Void> rollbackTransaction() {
            claimsTransaction.set(false);
            return delegate.rollbackTransaction();
        }

        @Override
        public Publisher<Void> close() {
            if (claimsTransaction.compareAndSet(true, false)) {
                return Mono.from(delegate.commitTransaction())
                        .onErrorResume(ex -> Mono.from(delegate.rollbackTransaction()).onErrorResume(e -> Mono.empty()))
                        .then(Mono.from(delegate.close()));
            }
            return delegate.close();
        }

        @Override
        public Statement createStatement(String sql) {
            return new ScopedStatement(delegate.createStatement(sql), this::cancelRunning, scope);
        }

        private Mono<Void> cancelRunning() {
            Connection target = delegate;
            while (!(target instanceof PostgresqlConnection) && target instanceof Wrapped<?> wrapped
                    && wrapped.unwrap() instanceof Connection inner) {
                target = inner;
            }
            return target instanceof PostgresqlConnection postgres ? postgres.cancelRequest() : Mono.empty();
        }

        @Override
        public Batch createBatch() {
            return delegate.createBatch();
        }

        @Override
        public Publisher<Void> createSavepoint(String name) {
            return delegate.createSavepoint(name);
        }

        @Override
        public Publisher<Void> releaseSavepoint(String name) {
            return delegate.releaseSavepoint(name);
        }

        @Override
        public Publisher<Void> rollbackTransactionToSavepoint(String name) {
            return delegate.rollbackTransactionToSavepoint(name);
        }

        @Override
        public boolean isAutoCommit() {
            return delegate.isAutoCommit();
        }

        @Override
        public ConnectionMetadata getMetadata() {
            return delegate.getMetadata();
        }

        @Override
        public IsolationLevel getTransactionIsolationLevel() {
            return delegate.getTransactionIsolationLevel();
        }

        @Override
        public Publisher<Void> setAutoCommit(boolean autoCommit) {
            return delegate.setAutoCommit(autoCommit);
        }

        @Override
        public Publisher<Void> setLockWaitTimeout(Duration timeout) {
            return delegate.setLockWaitTimeout(timeout);
        }

        @Override
        public Publisher<Void> setStatementTimeout(Duration timeout) {
            return delegate.setStatementTimeout(timeout);
        }

        @Override
        public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
            return delegate.setTransactionIsolationLevel(isolationLevel);
        }

        @Override
        public Publisher<Boolean> validate(ValidationDepth depth) {
            return delegate.validate(depth);
        }

        @Override
        public Connection unwrap() {
            return delegate;
        }
    }

    /** A statement that tells its request's scope while it runs, so the scope can cancel it. */
    private static final class ScopedStatement implements Statement {


        private final Statement delegate;
        private final java.util.function.Supplier<Mono<Void>> cancel;
        private final RequestScope scope;

        ScopedStatement(Statement delegate, java.util.function.Supplier<Mono<Void>> cancel, RequestScope scope) {
            this.delegate = delegate;
            this.cancel = cancel;
            this.scope = scope;
        }

        /**
         * Registers the statement with its scope from subscription until its results are
         * consumed: a result's rows arrive after the result itself, so the statement is running
         * until the last result's publisher ends.
         */
        @Override
        public Publisher<? extends Result> execute() {
            if (scope.cancelled()) {
                return Flux.error(new CancellationException("the request was cancelled"));
            }
            Running running = new Running(scope, cancel);
            return Flux.from(delegate.execute())
                    .doOnSubscribe(subscription -> running.start())
                    .map(result -> (Result) new ScopedResult(result, running))
                    .doOnNext(result -> running.opened())
                    .doOnComplete(running::executed)
                    .doOnError(error -> running.finish())
                    .doOnCancel(running::finish);
        }

        @Override
        public Statement add() {
            delegate.add();
            return this;
        }

        @Override
        public Statement bind(int index, Object value) {
            delegate.bind(index, value);
            return this;
        }

        @Override
        public Statement bind(String name, Object value) {
            delegate.bind(name, value);
            return this;
        }

        @Override
        public Statement bindNull(int index, Class<?> type) {
            delegate.bindNull(index, type);
            return this;
        }

        @Override
        public Statement bindNull(String name, Class<?> type) {
            delegate.bindNull(name, type);
            return this;
        }

        @Override
        public Statement returnGeneratedValues(String... columns) {
            delegate.returnGeneratedValues(columns);
            return this;
        }

        @Override
        public Statement fetchSize(int rows) {
            delegate.fetchSize(rows);
            return this;
        }
    }

    /** One executing statement: cancellable through its scope until its last result is consumed. */
    private static final class Running implements Runnable {

        private final RequestScope scope;
        private final java.util.function.Supplier<Mono<Void>> cancel;
        private final java.util.concurrent.atomic.AtomicInteger openResults = new java.util.concurrent.atomic.AtomicInteger();
        private final AtomicBoolean executed = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();

        Running(RequestScope scope, java.util.function.Supplier<Mono<Void>> cancel) {
            this.scope = scope;
            this.cancel = cancel;
        }

        void start() {
            scope.started(this);
        }

        void opened() {
            openResults.incrementAndGet();
        }

        void consumed() {
            if (openResults.decrementAndGet() <= 0 && executed.get()) {
                finish();
            }
        }

        void executed() {
            executed.set(true);
            if (openResults.get() <= 0) {
                finish();
            }
        }

        void finish() {
            if (finished.compareAndSet(false, true)) {
                scope.finished(this);
            }
        }

        @Override
        public void run() {
            if (!finished.get()) {
                cancel.get().onErrorResume(ex -> Mono.empty()).subscribe();
            }
        }
    }

    /** A result whose consumption tells its statement when it is over. */
    private static final class ScopedResult implements Result {

        private final Result delegate;
        private final Running running;

        ScopedResult(Result delegate, Running running) {
            this.delegate = delegate;
            this.running = running;
        }

        @Override
        public Publisher<Long> getRowsUpdated() {
            return Flux.from(delegate.getRowsUpdated()).doFinally(signal -> running.consumed());
        }

        @Override
        public <T> Publisher<T> map(java.util.function.BiFunction<io.r2dbc.spi.Row, io.r2dbc.spi.RowMetadata, ? extends T> mapping) {
            return Flux.<T>from(delegate.map(mapping)).doFinally(signal -> running.consumed());
        }

        @Override
        public <T> Publisher<T> map(java.util.function.Function<? super io.r2dbc.spi.Readable, ? extends T> mapping) {
            return Flux.<T>from(delegate.map(mapping)).doFinally(signal -> running.consumed());
        }

        @Override
        public Result filter(java.util.function.Predicate<Segment> filter) {
            return new ScopedResult(delegate.filter(filter), running);
        }

        @Override
        public <T> Publisher<T> flatMap(java.util.function.Function<Segment, ? extends Publisher<? extends T>> mapping) {
            return Flux.<T>from(delegate.flatMap(mapping)).doFinally(signal -> running.consumed());
        }
    }
}
