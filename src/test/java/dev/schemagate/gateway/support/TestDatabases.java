package dev.schemagate.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import dev.schemagate.gateway.embedded.SqlScripts;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Scratch databases for tests that need a database of their own (start-up refusal, other
 * routings). They live on the external server when {@code SPRING_R2DBC_URL} is set (as in
 * {@code .ci/run}), otherwise on one embedded PostgreSQL shared by the test JVM.
 */
public final class TestDatabases {

    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** A fresh database with the fixtures' layout and, where asked, the seed. */
    public static Scratch create(boolean seed) {
        ConnectionFactoryOptions server = serverOptions();
        String name = "gw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        run(server.mutate().option(ConnectionFactoryOptions.DATABASE, "postgres").build(), "create database " + name);
        ConnectionFactoryOptions options = server.mutate().option(ConnectionFactoryOptions.DATABASE, name).build();
        run(options, SqlScripts.classpath("fixtures/schema.sql"));
        if (seed) {
            run(options, SqlScripts.classpath("fixtures/seed.sql"));
        }
        return new Scratch(name, options);
    }

    /** A database on the test server, its r2dbc URL and credentials, and a client to change it. */
    public record Scratch(String name, ConnectionFactoryOptions options) {

        public String url() {
            return "r2dbc:postgresql://" + host() + ":" + port() + "/" + name;
        }

        public String host() {
            return String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.HOST));
        }

        public int port() {
            return Integer.parseInt(String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.PORT)));
        }

        /** The same database reached through a proxy on another port. */
        public String[] propertiesThrough(TcpProxy proxy) {
            return new String[] {
                    "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name,
                    "spring.r2dbc.username=" + username(),
                    "spring.r2dbc.password=" + password() };
        }

        public String username() {
            return String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.USER));
        }

        public String password() {
            Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
            return password == null ? "" : password.toString();
        }

        public String[] properties() {
            return new String[] {
                    "spring.r2dbc.url=" + url(),
                    "spring.r2dbc.username=" + username(),
                    "spring.r2dbc.password=" + password() };
        }

        public void execute(String sql) {
            run(options, sql);
        }

        public DatabaseClient client() {
            return DatabaseClient.create(ConnectionFactories.get(options));
        }

        public void drop() {
            run(serverOptions().mutate().option(ConnectionFactoryOptions.DATABASE, "postgres").build(),
                    "drop database if exists " + name + " with (force)");
        }
    }

    private static void run(ConnectionFactoryOptions options, String sql) {
        ConnectionFactory factory = ConnectionFactories.get(options);
        Mono.usingWhen(Mono.from(factory.create()), c -> SqlScripts.run(c, sql), Connection::close)
                .block(Duration.ofMinutes(2));
    }

    private static synchronized ConnectionFactoryOptions serverOptions() {
        String url = System.getenv("SPRING_R2DBC_URL");
        if (url != null && !url.isBlank()) {
            ConnectionFactoryOptions.Builder builder = ConnectionFactoryOptions.parse(url).mutate();
            String user = System.getenv("SPRING_R2DBC_USERNAME");
            String password = System.getenv("SPRING_R2DBC_PASSWORD");
            builder.option(ConnectionFactoryOptions.USER, user == null || user.isBlank() ? "postgres" : user);
            if (password != null && !password.isBlank()) {
                builder.option(ConnectionFactoryOptions.PASSWORD, password);
            }
            return builder.build();
        }
        return ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, "localhost")
                .option(ConnectionFactoryOptions.PORT, embedded().getPort())
                .option(ConnectionFactoryOptions.USER, "postgres")
                .option(ConnectionFactoryOptions.DATABASE, "postgres")
                .build();
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                }
                catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return embedded;
    }
}
