package dev.schemagate.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.schemagate.gateway.GatewayApplication;
import graphql.introspection.Introspection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts a whole gateway with command-line properties, which outrank the environment, so a
 * test can point it at a database of its own even when {@code SPRING_R2DBC_URL} is set.
 */
public final class Gateways {

    private Gateways() {
    }

    /** Starts a gateway; authentication is off unless the properties set {@code gateway.auth.mode}. */
    public static ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>();
        boolean authMode = false;
        for (String property : properties) {
            authMode |= property.startsWith("gateway.auth.mode=");
        }
        if (!authMode) {
            args.add("--gateway.auth.mode=none");
        }
        return startExactly(args, properties);
    }

    /** Starts a gateway with these properties and no others, not even an authentication mode. */
    public static ConfigurableApplicationContext startExactly(String... properties) {
        return startExactly(new ArrayList<>(), properties);
    }

    private static ConfigurableApplicationContext startExactly(List<String> args, String... properties) {
        args.add("--server.port=0");
        args.add("--spring.main.banner-mode=off");
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(GatewayApplication.class, StatementCounter.class, LocalReactorResources.class)
                .listeners(restoringIntrospection(Introspection.isEnabledJvmWide()))
                .run(args.toArray(String[]::new));
    }

    /**
     * Spring Boot sets graphql-java's introspection switch JVM-wide when a gateway starts; a gateway
     * started here puts it back when it stops, so it does not switch introspection off for the
     * gateway the other tests share.
     */
    private static ApplicationListener<ApplicationEvent> restoringIntrospection(boolean enabled) {
        return event -> {
            if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
                Introspection.enabledJvmWide(enabled);
            }
        };
    }

    public static HttpGraphQlTester graphQl(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        return HttpGraphQlTester.create(client);
    }

    public static String[] with(String[] properties, String... more) {
        String[] all = new String[properties.length + more.length];
        System.arraycopy(properties, 0, all, 0, properties.length);
        System.arraycopy(more, 0, all, properties.length, more.length);
        return all;
    }
}
