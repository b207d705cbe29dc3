package io.frontlineguard.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When late requests start being refused: not before SIGTERM, not during the shutdown delay, always after it. */
class DrainingTest {

    @Test
    void shouldDecideAsUsualUntilSigterm() {
        assertFalse(new Draining(null, Optional.empty()).refusing());
    }

    @Test
    void shouldRefuseFromSigtermWhenNoDelayIsConfigured() {
        Draining draining = new Draining(null, Optional.empty());
        draining.sigterm();
        assertTrue(draining.refusing());
    }

    @Test
    void shouldKeepDecidingDuringTheShutdownDelayAndRefuseAfterIt() throws InterruptedException {
        Draining draining = new Draining(null, Optional.of(Duration.ofMillis(300)));
        draining.sigterm();
        assertFalse(draining.refusing(), "the cluster may still route here while readiness is DOWN");
        Thread.sleep(400);
        assertTrue(draining.refusing(), "the drain has begun");
    }
}
