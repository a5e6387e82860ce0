package dev.schemagate.gateway.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.schemagate.gateway.support.Gateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/** With a data directory the embedded database keeps its data, and fixtures load only once. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aConfiguredDataDirectoryPersistsAndFixturesLoadOnce() throws Exception {
        String[] properties = {
                "spring.r2dbc.url=",
                "gateway.embedded.data-directory=" + dataDirectory.resolve("pg") };
        long first;
        try (ConfigurableApplicationContext gateway = Gateways.start(properties)) {
            DatabaseClient db = DatabaseClient.create(gateway.getBean(io.r2dbc.spi.ConnectionFactory.class));
            first = count(db);
            assertThat(first).isPositive();
            db.sql("insert into chat.conversations (id, title) values ('00000000-0000-4000-8000-00000000c0de', 'kept across restarts')")
                    .then().block();
        }
        assertThat(Files.exists(dataDirectory.resolve("pg").resolve("PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext gateway = Gateways.start(properties)) {
            DatabaseClient db = DatabaseClient.create(gateway.getBean(io.r2dbc.spi.ConnectionFactory.class));
            assertThat(count(db)).isEqualTo(first + 1);
            Gateways.graphQl(gateway).document("{ conversation(id: \"00000000-0000-4000-8000-00000000c0de\") { title } }").execute()
                    .path("conversation.title").entity(String.class).isEqualTo("kept across restarts");
        }
    }

    private static long count(DatabaseClient db) {
        return db.sql("select count(*) from chat.conversations").map(row -> row.get(0, Long.class)).one().block();
    }
}
