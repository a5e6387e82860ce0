package dev.schemagate.gateway.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.schemagate.gateway.routing.PhysicalTable;
import dev.schemagate.gateway.routing.Routing;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Health per physical schema (each routed table answers a one-row query) and the routing,
 * with the optional columns found, under {@code /actuator/info}.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaHealthConfiguration {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    public ReactiveHealthContributor schemas(Routing routing, ConnectionFactory connectionFactory) {
        DatabaseClient db = DatabaseClient.create(connectionFactory);
        Map<String, List<PhysicalTable>> bySchema = new TreeMap<>();
        for (PhysicalTable table : tables(routing)) {
            List<PhysicalTable> tables = bySchema.computeIfAbsent(table.name().schema(), s -> new ArrayList<>());
            if (!tables.contains(table)) {
                tables.add(table);
            }
        }
        Map<String, ReactiveHealthIndicator> indicators = new LinkedHashMap<>();
        bySchema.forEach((schema, tables) -> indicators.put(schema, () -> check(db, tables)));
        return CompositeReactiveHealthContributor.fromMap(indicators);
    }

    @Bean
    public InfoContributor routingInfo(Routing routing) {
        return builder -> {
            Map<String, Object> optional = new LinkedHashMap<>();
            for (PhysicalTable table : tables(routing)) {
                Map<String, Object> columns = new LinkedHashMap<>();
                for (String column : List.of("session_id", "embedding")) {
                    if (table.has(column)) {
                        columns.put(column, table.columnTypes().get(column));
                    }
                }
                if (!columns.isEmpty()) {
                    optional.put(table.toString(), columns);
                }
            }
            builder.withDetail("routing", routing.describe()).withDetail("optionalColumns", optional);
        };
    }

    private static Mono<Health> check(DatabaseClient db, List<PhysicalTable> tables) {
        return Flux.fromIterable(tables)
                .concatMap(table -> db.sql("select 1 from " + table.sql() + " limit 1").fetch().all().then()
                        .thenReturn(Map.entry(table.toString(), (Object) "UP"))
                        .onErrorResume(ex -> Mono.just(Map.entry(table.toString(), (Object) ("DOWN: " + ex.getClass().getSimpleName())))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
                .map(results -> (results.values().stream().allMatch("UP"::equals) ? Health.up() : Health.down())
                        .withDetail("tables", results).build())
                .timeout(CHECK_TIMEOUT, Mono.just(Health.down().withDetail("error", "no answer within " + CHECK_TIMEOUT).build()));
    }

    private static List<PhysicalTable> tables(Routing routing) {
        List<PhysicalTable> tables = new ArrayList<>();
        tables.addAll(routing.conversations());
        tables.add(routing.conversationAiState());
        tables.addAll(routing.messages());
        tables.addAll(routing.files());
        tables.addAll(routing.fileLinks());
        tables.add(routing.fileUploads());
        tables.addAll(routing.memories());
        return tables.stream().distinct().toList();
    }
}
