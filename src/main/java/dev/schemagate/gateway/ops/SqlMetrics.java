package dev.schemagate.gateway.ops;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Per physical source: SQL statements, their latency ({@code gateway.sql}) and the rows they
 * return ({@code gateway.sql.rows}), tagged with the routed tables a statement reads (never
 * with bound values) and whether it failed.
 */
@Component
public class SqlMetrics implements ProxyExecutionListener {

    private static final Pattern TABLE = Pattern.compile("\"([a-z_][a-z0-9_]*)\"\\.\"([a-z_][a-z0-9_]*)\"");
    private static final String ROWS = SqlMetrics.class.getName() + ".rows";

    private final MeterRegistry registry;

    public SqlMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void eachQueryResult(QueryExecutionInfo execInfo) {
        Object rows = execInfo.getValueStore().get(ROWS);
        execInfo.getValueStore().put(ROWS, rows instanceof Long count ? count + 1 : 1L);
    }

    @Override
    public void afterQuery(QueryExecutionInfo execInfo) {
        String tables = execInfo.getQueries().isEmpty() ? "none" : tables(execInfo.getQueries().get(0).getQuery());
        String outcome = execInfo.isSuccess() ? "success" : "error";
        Timer.builder("gateway.sql")
                .description("SQL statements the gateway sent, by the routed tables they read")
                .tag("tables", tables)
                .tag("outcome", outcome)
                .register(registry)
                .record(execInfo.getExecuteDuration() == null ? Duration.ZERO : execInfo.getExecuteDuration());
        Object rows = execInfo.getValueStore().get(ROWS);
        DistributionSummary.builder("gateway.sql.rows")
                .description("Rows returned per SQL statement")
                .tag("tables", tables)
                .register(registry)
                .record(rows instanceof Long count ? count : 0);
    }

    /** The schema-qualified tables a statement names, in order, e.g. {@code chat.messages,public.messages}. */
    static String tables(String sql) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = TABLE.matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(1) + "." + matcher.group(2));
        }
        return names.isEmpty() ? "none" : String.join(",", names);
    }
}
