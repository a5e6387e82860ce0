package dev.schemagate.gateway.sql;

import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * One SQL statement that returns a whole GraphQL {@code data} object as JSON (UTF-8 bytes), with the
 * values bound to its named parameters.
 */
public record JsonStatement(String sql, Map<String, Object> binds) {

    public Mono<byte[]> run(DatabaseClient db) {
        GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(row -> row.get(0, byte[].class)).one();
    }
}
