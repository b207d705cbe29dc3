package io.frontlineguard.api;

import io.frontlineguard.api.v1.ErrorCode;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses API requests that arrive once the graceful drain has begun, before anything is read or
 * decided. Quarkus waits for the requests in flight when the drain begins, but it keeps accepting
 * new ones until the server closes, and the server may close while one of those is being decided:
 * that decision would be logged and its answer lost. Refused with 503 SHUTTING_DOWN instead, a
 * late request is neither decided nor logged, and the client retries on another replica.
 *
 * <p>The drain begins at SIGTERM plus {@code quarkus.shutdown.delay}: during the delay readiness is
 * DOWN while the cluster stops routing here, and requests still arriving are decided as usual.
 */
@ApplicationScoped
public class Draining {

    static final String REFUSAL = "this instance is shutting down; send the request again, another instance will answer it";

    private final Problems problems;
    private final long delayNanos;
    private volatile long drainFrom = Long.MAX_VALUE;
    private volatile boolean stopping;

    Draining(Problems problems, @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay) {
        this.problems = problems;
        this.delayNanos = delay.map(Duration::toNanos).orElse(0L);
    }

    void watchForSigterm(@Observes StartupEvent e) {
        // JVM shutdown hooks start together on SIGTERM, Quarkus' own among them: this marks the moment.
        Runtime.getRuntime().addShutdownHook(new Thread(this::sigterm, "guard-drain-marker"));
    }

    void sigterm() {
        drainFrom = System.nanoTime() + delayNanos;
        stopping = true;
    }

    /** Whether a request arriving now comes after the drain began. */
    boolean refusing() {
        return stopping && System.nanoTime() - drainFrom >= 0;
    }

    void install(@Observes Router router) {
        router.route().order(-1002).handler(ctx -> {
            if (refusing() && ctx.request().path().startsWith("/v1/")) {
                problems.send(ctx, ErrorCode.SHUTTING_DOWN, REFUSAL, Map.of("Connection", "close"));
                return;
            }
            ctx.next();
        });
    }
}
