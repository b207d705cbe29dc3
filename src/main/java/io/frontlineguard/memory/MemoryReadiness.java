package io.frontlineguard.memory;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while case memory does not answer: decisions for known callers and cases would be
 * refused with 503 MEMORY_UNAVAILABLE, so a load balancer should send them elsewhere.
 */
@Readiness
@ApplicationScoped
public class MemoryReadiness implements HealthCheck {

    private final Memory memory;

    MemoryReadiness(Memory memory) {
        this.memory = memory;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("case-memory").status(memory.reachable())
                .withData("store", memory.description()).build();
    }
}
