package io.frontlineguard.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.scenario.ScenarioLoader;
import io.frontlineguard.scenario.ScenarioResult;
import io.frontlineguard.scenario.ScenarioRunner;
import io.frontlineguard.verification.VerifiedRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deadlines hold even when a rule never returns. The timeouts below bound how long a broken
 * build would hang; they measure nothing.
 */
@Timeout(30)
class DeadlineTest {

    private static final Path RULES = Path.of("rules");
    private static final Incident INCIDENT = new IncidentReader().read(("{\"incidentId\":\"D-1\","
            + "\"occurredAt\":\"2026-05-01T10:00:00+09:00\",\"channel\":\"PHONE\",\"department\":\"CALL_CENTER\"}")
            .getBytes(StandardCharsets.UTF_8));

    private static final Duration SHORT = Duration.ofMillis(100);

    @BeforeEach
    void arm() {
        StuckRules.rearm();
    }

    @AfterEach
    void letGo() throws InterruptedException {
        StuckRules.release();
        awaitNoOverdue();
    }

    @Test
    void shouldStopWaitingAtTheDeadlineWhenARuleNeverReturns() {
        DecisionEngine engine = new DecisionEngine();
        assertThrows(EvaluationThreads.DeadlineExceeded.class, () -> engine.evaluateWithin(StuckRules.ruleSet(), INCIDENT, SHORT));
        assertEquals(1, EvaluationThreads.decisions().overdue(), "the stuck evaluation is counted until it ends");
    }

    @Test
    void shouldCountTheOverdueEvaluationOnlyUntilItEnds() throws InterruptedException {
        DecisionEngine engine = new DecisionEngine();
        long before = EvaluationThreads.decisions().timeouts();
        assertThrows(EvaluationThreads.DeadlineExceeded.class, () -> engine.evaluateWithin(StuckRules.ruleSet(), INCIDENT, SHORT));
        StuckRules.release();
        awaitNoOverdue();
        assertEquals(before + 1, EvaluationThreads.decisions().timeouts());
    }

    @Test
    void shouldKeepDecidingWhileAnEvaluationIsStuck() {
        DecisionEngine engine = new DecisionEngine();
        RuleSet builtIn = new VerifiedRules(Clock.systemUTC()).compile(RULES);
        assertThrows(EvaluationThreads.DeadlineExceeded.class, () -> engine.evaluateWithin(StuckRules.ruleSet(), INCIDENT, SHORT));
        DecisionEngine other = new DecisionEngine();
        for (int i = 0; i < 20; i++) {
            assertFalse(other.evaluateWithin(builtIn, INCIDENT, Duration.ofSeconds(5)).firedRules().isEmpty());
        }
        assertEquals(1, EvaluationThreads.decisions().overdue());
    }

    /**
     * Under overload a request can reach its deadline before any thread takes its evaluation. It is
     * answered then, and the evaluation must not run later for nobody, nor count as overdue: that
     * would add a thread per refused request exactly when the cores are saturated.
     */
    @Test
    void shouldNeverRunAnEvaluationThatExpiredInTheQueue() throws Exception {
        EvaluationThreads threads = EvaluationThreads.decisions();
        int busy = threads.threads();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(busy);
        java.util.concurrent.CountDownLatch letGo = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.CompletableFuture<Boolean>> blockers = new java.util.ArrayList<>();
        for (int i = 0; i < busy; i++) {
            blockers.add(threads.submit(() -> {
                started.countDown();
                return letGo.await(20, java.util.concurrent.TimeUnit.SECONDS);
            }, Duration.ofSeconds(25), () -> { }));
        }
        assertTrue(started.await(20, java.util.concurrent.TimeUnit.SECONDS), "every thread is busy");
        long before = threads.timeouts();
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<Boolean> queued = threads.submit(() -> ran.getAndSet(true), SHORT, () -> { });
        java.util.concurrent.ExecutionException refused = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> queued.get(20, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof EvaluationThreads.DeadlineExceeded);
        assertEquals(before + 1, threads.timeouts());
        assertEquals(0, threads.overdue(), "nothing was running, so nothing is overdue");
        assertEquals(busy, threads.threads(), "no thread was added for it");
        letGo.countDown();
        for (java.util.concurrent.CompletableFuture<Boolean> b : blockers) {
            assertTrue(b.get(20, java.util.concurrent.TimeUnit.SECONDS));
        }
        // Queued after the expired task: once these are done, the pool has taken that one too.
        for (int i = 0; i < busy; i++) {
            threads.call(() -> true, Duration.ofSeconds(5), () -> { });
        }
        assertFalse(ran.get(), "the expired evaluation never ran");
    }

    /** Daemon threads never hold the JVM up, so SIGTERM stops the service however stuck a rule is. */
    @Test
    void shouldEvaluateOnDaemonThreads() {
        assertThrows(EvaluationThreads.DeadlineExceeded.class,
                () -> new DecisionEngine().evaluateWithin(StuckRules.ruleSet(), INCIDENT, SHORT));
        assertTrue(StuckRules.ranOnDaemon());
    }

    @Test
    void shouldFailAScenarioThatMissesItsDeadline() {
        Scenario scenario = ScenarioLoader.load(FolderSnapshot.read(RULES)).get(0);
        ScenarioResult result = new ScenarioRunner(Duration.ofMillis(100)).run(StuckRules.ruleSet(), scenario);
        assertFalse(result.passed());
        assertEquals(List.of("did not finish within 100 ms (guard.rules.scenario-deadline)"), result.differences());
    }

    @Test
    void shouldRefuseARuleSetWhoseScenariosMissTheirDeadlineNamingTheScenario() {
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> new VerifiedRules(Clock.systemUTC(), Duration.ofNanos(1)).verify(FolderSnapshot.read(RULES)));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().startsWith("scenario '")
                && p.message().endsWith("fails: did not finish within 0 ms (guard.rules.scenario-deadline)")), e.getMessage());
    }

    @Test
    void shouldRefuseAFolderWhoseVerificationOutlastsItsTimeout() {
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> new VerifiedRules(Clock.systemUTC()).verifyWithin(FolderSnapshot.read(RULES), Duration.ofMillis(1)));
        assertTrue(e.getMessage().contains("verification did not finish within 1 ms (guard.rules.verify-timeout)"), e.getMessage());
    }

    private static void awaitNoOverdue() throws InterruptedException {
        for (int i = 0; i < 500 && (EvaluationThreads.decisions().overdue() > 0 || EvaluationThreads.verification().overdue() > 0); i++) {
            Thread.sleep(10);
        }
        assertEquals(0, EvaluationThreads.decisions().overdue());
    }
}
