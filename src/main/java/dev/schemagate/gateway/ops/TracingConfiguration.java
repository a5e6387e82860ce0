package dev.schemagate.gateway.ops;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing is off unless {@code gateway.tracing.enabled}: observations (HTTP, GraphQL, SQL) still
 * give their metrics, but the tracer and propagator are Micrometer's no-op ones and the
 * OpenTelemetry sampler drops everything, so no span is recorded, continued from a caller's
 * {@code traceparent} or exported. Enabled, Spring Boot's OpenTelemetry tracing takes over, with
 * the {@code management.tracing.*} and {@code management.opentelemetry.tracing.export.*} properties.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "gateway.tracing.enabled", havingValue = false, matchIfMissing = true)
public class TracingConfiguration {

    @Bean
    public Tracer noopTracer() {
        return Tracer.NOOP;
    }

    @Bean
    public Propagator noopPropagator() {
        return Propagator.NOOP;
    }

    @Bean
    public Sampler noSampling() {
        return Sampler.alwaysOff();
    }
}
