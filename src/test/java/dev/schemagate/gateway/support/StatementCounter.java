package dev.schemagate.gateway.support;

import java.util.ArrayList;
import java.util.List;

import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import org.springframework.boot.test.context.TestComponent;

/** Records every SQL statement the gateway's DatabaseClient executes, so tests can count them. */
@TestComponent
public class StatementCounter implements ProxyExecutionListener {

    private final List<String> statements = new ArrayList<>();

    @Override
    public void afterQuery(QueryExecutionInfo execInfo) {
        synchronized (statements) {
            execInfo.getQueries().forEach(query -> statements.add(query.getQuery()));
        }
    }

    public void reset() {
        synchronized (statements) {
            statements.clear();
        }
    }

    public List<String> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    public int count() {
        return statements().size();
    }
}
