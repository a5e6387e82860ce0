package dev.schemagate.gateway.support;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the gateway as configured by default (the embedded database, or the one
 * {@code SPRING_R2DBC_URL} names) and talks to it over HTTP. {@link #sql} reads the same
 * database directly, so answers are checked against SQL rather than against fixed numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementCounter.class)
public abstract class GatewayHttpTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected StatementCounter statements;

    @Autowired
    private ConnectionFactory connectionFactory;

    protected HttpGraphQlTester graphQl;

    protected WebTestClient http;

    protected DatabaseClient sql;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
        graphQl = HttpGraphQlTester.create(http.mutate().baseUrl("http://localhost:" + port + "/graphql").build());
        sql = DatabaseClient.create(connectionFactory);
    }
}
