package dev.schemagate.gateway.documents;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable allow-list into a start-up report that names each problem. */
class AllowListFailureAnalyzer extends AbstractFailureAnalyzer<AllowListException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AllowListException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Point gateway.documents.allow-list (GATEWAY_DOCUMENTS_ALLOW_LIST) at a readable folder of .graphql files, "
                        + "each a valid operation against schema.graphqls, or unset it to run any document.",
                cause);
    }
}
