package io.frontlineguard.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reload errors are reported as one line each, at the best position Drools gives. */
class CompilerProblemLocationTest {

    @Test
    void shouldTakeThePositionFromTheParserTextWhenDroolsGivesNone() {
        RuleProblem p = RuleSetCompiler.located("visits.drl", 0, 0,
                "Line 34:0 unexpected exception at input '<eof>'. Exception: java.lang.NullPointerException: boom. Stack trace:\n  at x.y(Z.java:1)");
        assertEquals("visits.drl:34:1: Line 34:0 unexpected exception at input '<eof>'. Exception: java.lang.NullPointerException: boom.",
                p.toString());
    }

    @Test
    void shouldKeepAPositionDroolsGives() {
        assertEquals("a.drl:5:7: Unable to resolve ObjectType 'Nope'",
                RuleSetCompiler.located("a.drl", 5, 7, " Unable to resolve ObjectType 'Nope' ").toString());
    }
}
