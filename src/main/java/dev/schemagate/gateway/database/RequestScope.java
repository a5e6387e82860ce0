package dev.schemagate.gateway.database;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.schemagate.gateway.security.Caller;

/**
 * One GraphQL request as the database layer sees it, carried in the Reactor context: who
 * calls, and the statements running for it, so that a request that times out or whose client
 * goes away cancels them in PostgreSQL instead of letting them run on.
 */
public final class RequestScope {

    private final Caller caller;
    private final Set<Runnable> running = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean cancelled;

    public RequestScope(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** How many SQL statements the request has run so far. */
    public int statements() {
        return statements.get();
    }

    void started(Runnable cancel) {
        statements.incrementAndGet();
        running.add(cancel);
        if (cancelled) {
            cancel.run();
        }
    }

    void finished(Runnable cancel) {
        running.remove(cancel);
    }

    /** Cancels every statement still running for the request, and any it starts from now on. */
    public void cancel() {
        cancelled = true;
        running.forEach(Runnable::run);
        running.clear();
    }
}
