package io.frontlineguard.memory;

import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.memory.embedded.EmbeddedServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Not alive while the embedded PostgreSQL has stayed down longer than guard.memory.server-down-limit
 * although its watchdog keeps restarting it: only a restart of the service (the pod) can help then.
 * A shared PostgreSQL that is down is no reason to restart this service; readiness covers it.
 */
@Liveness
@ApplicationScoped
public class MemoryLiveness implements HealthCheck {

    private final Memory memory;
    private final Duration limit;

    MemoryLiveness(Memory memory, GuardConfig config) {
        this.memory = memory;
        this.limit = config.memory().serverDownLimit();
    }

    @Override
    public HealthCheckResponse call() {
        Optional<EmbeddedServer> server = memory.embeddedServer();
        if (server.isEmpty()) {
            return HealthCheckResponse.named("case-memory-server").up().withData("store", memory.description()).build();
        }
        Duration down = server.get().downFor();
        return HealthCheckResponse.named("case-memory-server").status(down.compareTo(limit) <= 0)
                .withData("store", memory.description())
                .withData("downForMillis", down.toMillis())
                .withData("restarts", server.get().restarts()).build();
    }
}
