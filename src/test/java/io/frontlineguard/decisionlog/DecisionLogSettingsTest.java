package io.frontlineguard.decisionlog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up rule for the decision log's HMAC key. */
class DecisionLogSettingsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-real";

    @Test
    void shouldStartInProductionWithoutAKeyAndLeaveTheLogOff() {
        // The README's start command on a fresh machine: prod profile, nothing configured.
        assertFalse(DecisionLogSettings.enabled(Optional.empty(), Optional.empty(), true));
        assertFalse(DecisionLogSettings.enabled(Optional.empty(), Optional.of("  "), true));
    }

    @Test
    void shouldLogWhenAKeyIsConfigured() {
        assertTrue(DecisionLogSettings.enabled(Optional.empty(), Optional.of(SECRET), true));
        assertTrue(DecisionLogSettings.enabled(Optional.of(true), Optional.of(SECRET), true));
    }

    @Test
    void shouldRefuseToStartWhenTheLogIsEnabledWithoutAKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DecisionLogSettings.enabled(Optional.of(true), Optional.empty(), true));
        assertTrue(e.getMessage().contains("guard.decision-log.hmac-key"), e.getMessage());
        assertTrue(e.getMessage().contains("GUARD_DECISION_LOG_HMAC_KEY"), e.getMessage());
    }

    @Test
    void shouldRefuseTheDevKeyInProductionButAcceptItInDevAndTest() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DecisionLogSettings.enabled(Optional.empty(), Optional.of(DecisionLogSettings.DEV_KEY), true));
        assertTrue(e.getMessage().contains("guard.decision-log.hmac-key"), e.getMessage());
        assertTrue(DecisionLogSettings.enabled(Optional.empty(), Optional.of(DecisionLogSettings.DEV_KEY), false));
    }

    @Test
    void shouldRefuseAShortKey() {
        assertThrows(IllegalStateException.class,
                () -> DecisionLogSettings.enabled(Optional.empty(), Optional.of("short"), false));
    }

    @Test
    void shouldWriteNothingWhenTurnedOffEvenWithAKey() {
        assertFalse(DecisionLogSettings.enabled(Optional.of(false), Optional.of(SECRET), true));
        assertFalse(DecisionLogSettings.enabled(Optional.of(false), Optional.empty(), true));
    }
}
