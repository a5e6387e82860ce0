package dev.schemagate.gateway.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives a gateway started by a test its own Netty resources, so closing it does not dispose the
 * JVM-wide ones other gateways in the same test run still serve on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalReactorResources {

    @Bean
    public ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
