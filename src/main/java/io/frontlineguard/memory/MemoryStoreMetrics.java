package io.frontlineguard.memory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What an operator graphs about the store: guard_memory_up (1 while the last probe answered in
 * time) and guard_memory_server_restarts_total (the embedded server brought back by its watchdog).
 */
@Startup
@ApplicationScoped
public class MemoryStoreMetrics {

    MemoryStoreMetrics(Memory memory, MeterRegistry registry) {
        if (!memory.enabled()) {
            return;
        }
        Gauge.builder("guard.memory.up", memory, m -> m.reachable() ? 1 : 0)
                .description("1 while case memory answers its probe in time, 0 while it does not").register(registry);
        memory.embeddedServer().ifPresent(server -> FunctionCounter.builder("guard.memory.server.restarts", server,
                        s -> s.restarts())
                .description("times the watchdog restarted the embedded PostgreSQL after it died").register(registry));
    }
}
