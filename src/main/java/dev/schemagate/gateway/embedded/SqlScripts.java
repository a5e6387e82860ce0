package dev.schemagate.gateway.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import org.springframework.core.io.ClassPathResource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs whole SQL files over one connection with the simple query protocol, the way
 * {@code psql -f} does for files without meta-commands.
 */
public final class SqlScripts {

    private SqlScripts() {
    }

    public static String classpath(String location) {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + location + " from the classpath", ex);
        }
    }

    public static Mono<Void> run(Connection connection, String script) {
        return Flux.from(connection.createStatement(script).execute())
                .concatMap(Result::getRowsUpdated)
                .then();
    }
}
