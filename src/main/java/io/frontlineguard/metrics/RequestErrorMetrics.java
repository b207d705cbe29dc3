package io.frontlineguard.metrics;

import io.frontlineguard.api.v1.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code guard_request_errors_total{status,code}}: every error response the service sends, by HTTP
 * status and problem code; every error has a code ({@code BAD_REQUEST} stands for the HTTP layer's
 * rarer 4xx, with their own status). Both tags are closed sets. Quarkus' {@code http_server_requests_seconds_count{status}} counts by status too, but
 * cannot tell a bad incident from a refused batch.
 */
@ApplicationScoped
public class RequestErrorMetrics {

    private final MeterRegistry registry;
    private final Map<ErrorCode, Counter> byCode = new EnumMap<>(ErrorCode.class);
    private final Map<Integer, Counter> otherBadRequests = new ConcurrentHashMap<>();

    RequestErrorMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ErrorCode code : ErrorCode.values()) {
            byCode.put(code, counter(code.status(), code.name()));
        }
    }

    public void count(ErrorCode code, int status) {
        if (status == code.status()) {
            byCode.get(code).increment();
        } else {
            otherBadRequests.computeIfAbsent(status, s -> counter(s, code.name())).increment();
        }
    }

    private Counter counter(int status, String code) {
        return Counter.builder("guard.request.errors").tag("status", Integer.toString(status)).tag("code", code)
                .description("Error responses by status and problem code").register(registry);
    }
}
