package dev.schemagate.gateway.ops;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.R2dbcException;
import org.springframework.stereotype.Component;
import reactor.util.context.ContextView;

/**
 * Each SQL statement as an {@link Observation} named {@code gateway.sql}: the timer of the same
 * name and, where tracing is on, a span, child of the GraphQL request or data fetcher that ran
 * it (the observation the statement's Reactor context carries). Its key values are the routed
 * tables a statement reads, their schemas and the outcome; never the SQL text or a bound value,
 * and a failure is recorded by its SQLSTATE only, since PostgreSQL's messages can quote values.
 * The rows each statement returns go to {@code gateway.sql.rows}.
 */
@Component
public class SqlObservations implements ProxyExecutionListener {

    static final String NAME = "gateway.sql";

    private static final Pattern TABLE = Pattern.compile("\"([a-z_][a-z0-9_]*)\"\\.\"([a-z_][a-z0-9_]*)\"");
    private static final String ROWS = SqlObservations.class.getName() + ".rows";

    /** The gateway sends a few statement shapes again and again; scanning each once is enough. */
    private static final Map<String, String> TABLES_BY_SQL = new ConcurrentHashMap<>();
    private static final String TABLES = SqlObservations.class.getName() + ".tables";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;

    public SqlObservations(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = observations;
        this.meters = meters;
    }

    @Override
    public void beforeQuery(QueryExecutionInfo execInfo) {
        String tables = execInfo.getQueries().isEmpty() ? "none" : tables(execInfo.getQueries().get(0).getQuery());
        Observation observation = Observation.createNotStarted(NAME, observations)
                .contextualName("sql " + tables)
                .lowCardinalityKeyValue("tables", tables)
                .lowCardinalityKeyValue("schemas", schemas(tables))
                .parentObservation(parent(execInfo))
                .start();
        execInfo.getValueStore().put(Observation.class, observation);
        execInfo.getValueStore().put(TABLES, tables);
    }

    @Override
    public void eachQueryResult(QueryExecutionInfo execInfo) {
        Object rows = execInfo.getValueStore().get(ROWS);
        execInfo.getValueStore().put(ROWS, rows instanceof Long count ? count + 1 : 1L);
    }

    @Override
    public void afterQuery(QueryExecutionInfo execInfo) {
        Observation observation = execInfo.getValueStore().get(Observation.class, Observation.class);
        if (observation == null) {
            return;
        }
        observation.lowCardinalityKeyValue("outcome", execInfo.isSuccess() ? "success" : "error");
        if (execInfo.getThrowable() != null) {
            observation.error(new StatementFailure(execInfo.getThrowable()));
        }
        observation.stop();
        Object rows = execInfo.getValueStore().get(ROWS);
        DistributionSummary.builder("gateway.sql.rows")
                .description("Rows returned per SQL statement")
                .tag("tables", execInfo.getValueStore().get(TABLES, String.class))
                .register(meters)
                .record(rows instanceof Long count ? count : 0);
    }

    /** The observation in the Reactor context of the statement, else the current one, if any. */
    private Observation parent(QueryExecutionInfo execInfo) {
        ContextView context = execInfo.getValueStore().get(ContextView.class, ContextView.class);
        Observation current = observations.getCurrentObservation();
        return context == null ? current : context.getOrDefault(ObservationThreadLocalAccessor.KEY, current);
    }

    /** The schema-qualified tables a statement names, in order, e.g. {@code chat.messages,public.messages}. */
    static String tables(String sql) {
        String known = TABLES_BY_SQL.get(sql);
        if (known != null) {
            return known;
        }
        String found = scanTables(sql);
        if (TABLES_BY_SQL.size() >= 1000) {
            TABLES_BY_SQL.clear();
        }
        TABLES_BY_SQL.put(sql, found);
        return found;
    }

    private static String scanTables(String sql) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = TABLE.matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(1) + "." + matcher.group(2));
        }
        return names.isEmpty() ? "none" : String.join(",", names);
    }

    /** The schemas of {@link #tables(String) tables}, in order, e.g. {@code chat,public}. */
    static String schemas(String tables) {
        Set<String> schemas = new LinkedHashSet<>();
        for (String table : tables.split(",")) {
            schemas.add(table.contains(".") ? table.substring(0, table.indexOf('.')) : table);
        }
        return String.join(",", schemas);
    }

    /** A failed statement as a span records it: the SQLSTATE, without the driver's message or a stack. */
    static final class StatementFailure extends RuntimeException {

        StatementFailure(Throwable cause) {
            super(cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
                    ? "SQLSTATE " + r2dbc.getSqlState() : cause.getClass().getSimpleName(), null, false, false);
        }
    }
}
