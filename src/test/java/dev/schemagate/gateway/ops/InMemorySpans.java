package dev.schemagate.gateway.ops;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Collects the spans the gateway exports, in memory, beside whatever exporter it is configured with. */
@TestConfiguration(proxyBeanMethods = false)
class InMemorySpans {

    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }

    /** Every span ended so far, once the batch processor has handed them to the exporter. */
    static List<SpanData> exported(SdkTracerProvider provider, InMemorySpanExporter exporter) {
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        return exporter.getFinishedSpanItems();
    }
}
