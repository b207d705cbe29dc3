package io.frontlineguard.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.verification.VerifiedRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request's deadline without the hand-off (issue 32): the evaluation runs on the caller's thread and
 * the watchdog halts it once its deadline has passed. The timeouts below bound how long a broken build
 * would hang; the elapsed-time bounds are what is tested, and they are loose because the machine is shared.
 */
@Timeout(60)
class WatchdogTest {

    private static final Incident INCIDENT = new IncidentReader().read(("{\"incidentId\":\"W-1\","
            + "\"occurredAt\":\"2026-05-01T10:00:00+09:00\",\"channel\":\"PHONE\",\"department\":\"CALL_CENTER\"}")
            .getBytes(StandardCharsets.UTF_8));
    private static final Duration DEADLINE = Duration.ofMillis(100);

    @AfterEach
    void letGo() throws InterruptedException {
        StuckRules.release();
        for (int i = 0; i < 500 && DecisionEngine.overdueOnRequestThreads() > 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, DecisionEngine.overdueOnRequestThreads());
    }

    /**
     * Unhalted, this run would fire for ten seconds (the engine's firing limit at a millisecond each);
     * the watchdog halts it at the deadline plus at most one look, and the caller is refused then.
     */
    @Test
    void shouldHaltARunPastItsDeadlineAndRefuseItInTime() {
        DecisionEngine engine = new DecisionEngine();
        RuleSet looping = LoopingRules.ruleSet();
        long timeoutsBefore = DecisionEngine.timeoutsOnRequestThreads();
        long firingsBefore = LoopingRules.firings();
        long start = System.nanoTime();
        EvaluationThreads.DeadlineExceeded e = assertThrows(EvaluationThreads.DeadlineExceeded.class,
                () -> engine.evaluateWatched(looping, INCIDENT, DEADLINE));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(DEADLINE, e.deadline());
        assertTrue(elapsedMs >= DEADLINE.toMillis(), "not before the deadline: " + elapsedMs + " ms");
        // The deadline, one look of the watchdog and one firing; the rest is slack for a shared machine.
        assertTrue(elapsedMs < DEADLINE.toMillis() + 150, "refused " + elapsedMs + " ms after it started");
        long fired = LoopingRules.firings() - firingsBefore;
        assertTrue(fired < 1_000, "halted after " + fired + " firings, not at the firing limit");
        assertEquals(timeoutsBefore + 1, DecisionEngine.timeoutsOnRequestThreads());
        assertEquals(0, DecisionEngine.overdueOnRequestThreads(), "a halted run that ended is not overdue");
    }

    @Test
    void shouldDecideNormallyOnTheSameThreadAfterAHalt() {
        DecisionEngine engine = new DecisionEngine();
        RuleSet builtIn = new VerifiedRules(Clock.systemUTC()).compile(Path.of("rules"));
        assertThrows(EvaluationThreads.DeadlineExceeded.class, () -> engine.evaluateWatched(LoopingRules.ruleSet(), INCIDENT, DEADLINE));
        long timeoutsBefore = DecisionEngine.timeoutsOnRequestThreads();
        for (int i = 0; i < 20; i++) {
            Evaluation evaluation = engine.evaluateWatched(builtIn, INCIDENT, Duration.ofSeconds(5));
            assertEquals(engine.evaluate(builtIn, INCIDENT).firedRules(), evaluation.firedRules());
        }
        assertEquals(timeoutsBefore, DecisionEngine.timeoutsOnRequestThreads(), "nothing in time is counted");
    }

    @Test
    void shouldEvaluateOnTheCallingThread() {
        // Long enough for a cold rule base's first firing (its consequence is compiled on first use).
        assertThrows(EvaluationThreads.DeadlineExceeded.class,
                () -> new DecisionEngine().evaluateWatched(LoopingRules.ruleSet(), INCIDENT, Duration.ofSeconds(1)));
        assertEquals(Thread.currentThread(), LoopingRules.lastThread(), "the consequences ran on the caller's thread");
        assertFalse(Watchdog.mine().active, "the watch is idle once the evaluation returned");
    }

    /**
     * A hole in the sandbox: a rule stuck inside one firing, which a halt cannot reach. The watchdog
     * counts it as overdue (liveness turns DOWN on that count) until it ends, and it is refused then.
     */
    @Test
    void shouldCountARunStuckInsideAFiringAsOverdueUntilItEnds() throws Exception {
        StuckRules.rearm();
        DecisionEngine engine = new DecisionEngine();
        CompletableFuture<Evaluation> stuck = CompletableFuture.supplyAsync(
                () -> engine.evaluateWatched(StuckRules.ruleSet(), INCIDENT, DEADLINE));
        for (int i = 0; i < 1_000 && DecisionEngine.overdueOnRequestThreads() == 0; i++) {
            Thread.sleep(5);
        }
        assertEquals(1, DecisionEngine.overdueOnRequestThreads(), "counted while stuck");
        assertFalse(stuck.isDone());
        StuckRules.release();
        ExecutionException e = assertThrows(ExecutionException.class, () -> stuck.get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof EvaluationThreads.DeadlineExceeded, String.valueOf(e.getCause()));
        assertEquals(0, DecisionEngine.overdueOnRequestThreads(), "no longer counted once it ended");
    }

    @Test
    void shouldRefuseANonPositiveDeadline() {
        assertThrows(IllegalArgumentException.class,
                () -> new DecisionEngine().evaluateWatched(LoopingRules.ruleSet(), INCIDENT, Duration.ZERO));
    }
}
