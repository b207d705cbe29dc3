package io.frontlineguard.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up swallows its failures at start-up, so this is where a broken one shows. */
class EngineWarmUpTest {

    @Test
    void shouldCompileAndFireItsOwnRuleOnTheIncidentItReads() {
        assertEquals(List.of("visit"), EngineWarmUp.run());
    }
}
