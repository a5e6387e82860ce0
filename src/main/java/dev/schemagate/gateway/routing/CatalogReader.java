package dev.schemagate.gateway.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Reads what the PostgreSQL catalog says about the routed tables. */
class CatalogReader {

    /** A table or view found in the catalog, its columns and whether the gateway may select from it. */
    record CatalogTable(TableName name, Map<String, String> columnTypes, Map<String, List<String>> enumLabels, boolean readable) {
    }

    /** A routed view that reads a forbidden table directly. */
    record ForbiddenDependency(TableName routed, TableName forbidden) {
    }

    private static final String COLUMNS = """
            select n.nspname as schema_name, c.relname as table_name, a.attname as column_name,
                   case when t.typtype = 'e' then 'enum:' || tn.nspname || '.' || t.typname
                        else t.typname end as type_name,
                   case when t.typtype = 'e' then (select array_agg(e.enumlabel::text order by e.enumsortorder)
                                                   from pg_catalog.pg_enum e where e.enumtypid = t.oid) end as labels,
                   has_table_privilege(c.oid, 'SELECT') as readable
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            join pg_catalog.pg_type t on t.oid = a.atttypid
            join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
            where c.relkind in ('r', 'p', 'v', 'm', 'f')
              and n.nspname || '.' || c.relname = any(:names)
            """;

    /** Routed views that read a credential table, directly or through other views. */
    private static final String VIEW_DEPENDENCIES = """
            with recursive reads(routed, relation) as (
              select c.oid, c.oid from pg_catalog.pg_class c
              join pg_catalog.pg_namespace n on n.oid = c.relnamespace
              where n.nspname || '.' || c.relname = any(:names)
              union
              select reads.routed, d.refobjid
              from reads
              join pg_catalog.pg_rewrite r on r.ev_class = reads.relation
              join pg_catalog.pg_depend d on d.objid = r.oid
                   and d.classid = 'pg_catalog.pg_rewrite'::regclass
                   and d.refclassid = 'pg_catalog.pg_class'::regclass
              where d.refobjid <> reads.relation)
            select distinct vn.nspname as view_schema, v.relname as view_name,
                   tn.nspname as table_schema, t.relname as table_name
            from reads
            join pg_catalog.pg_class v on v.oid = reads.routed
            join pg_catalog.pg_namespace vn on vn.oid = v.relnamespace
            join pg_catalog.pg_class t on t.oid = reads.relation
            join pg_catalog.pg_namespace tn on tn.oid = t.relnamespace
            where reads.routed <> reads.relation
              and tn.nspname || '.' || t.relname = any(:forbidden)
            """;

    private final DatabaseClient db;

    CatalogReader(DatabaseClient db) {
        this.db = db;
    }

    Mono<Map<TableName, CatalogTable>> tables(Collection<TableName> names) {
        return db.sql(COLUMNS)
                .bind("names", qualified(names))
                .map(row -> new Object[] {
                        new TableName(row.get("schema_name", String.class), row.get("table_name", String.class)),
                        row.get("column_name", String.class),
                        row.get("type_name", String.class),
                        row.get("readable", Boolean.class),
                        row.get("labels", String[].class) })
                .all()
                .collectList()
                .map(CatalogReader::group);
    }

    Mono<List<ForbiddenDependency>> forbiddenDependencies(Collection<TableName> names) {
        return db.sql(VIEW_DEPENDENCIES)
                .bind("names", qualified(names))
                .bind("forbidden", qualified(ForbiddenTables.TABLES))
                .map(row -> new ForbiddenDependency(
                        new TableName(row.get("view_schema", String.class), row.get("view_name", String.class)),
                        new TableName(row.get("table_schema", String.class), row.get("table_name", String.class))))
                .all()
                .collectList();
    }

    private static Map<TableName, CatalogTable> group(List<Object[]> rows) {
        Map<TableName, Map<String, String>> columns = new HashMap<>();
        Map<TableName, Map<String, List<String>>> labels = new HashMap<>();
        Map<TableName, Boolean> readable = new HashMap<>();
        for (Object[] row : rows) {
            TableName name = (TableName) row[0];
            columns.computeIfAbsent(name, n -> new HashMap<>()).put((String) row[1], (String) row[2]);
            Map<String, List<String>> tableLabels = labels.computeIfAbsent(name, n -> new HashMap<>());
            if (row[4] != null) {
                tableLabels.put((String) row[1], List.of((String[]) row[4]));
            }
            readable.put(name, Boolean.TRUE.equals(row[3]));
        }
        Map<TableName, CatalogTable> tables = new HashMap<>();
        columns.forEach((name, cols) -> tables.put(name, new CatalogTable(name, cols, labels.get(name), readable.get(name))));
        return tables;
    }

    private static String[] qualified(Collection<TableName> names) {
        List<String> list = new ArrayList<>();
        names.forEach(n -> list.add(n.toString()));
        return list.toArray(String[]::new);
    }
}
