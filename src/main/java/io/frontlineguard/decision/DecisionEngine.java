package io.frontlineguard.decision;

import io.frontlineguard.assessment.Judgement;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.ruleset.JudgementStages;
import io.frontlineguard.ruleset.RuleSet;
import java.time.Duration;
import java.util.List;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Runs one incident through one rule set on the calling thread. The facts are the incident's parts;
 * the thresholds are constants compiled into the rules; nothing else (no clock, no services) is
 * visible to the rules. Sessions are
 * reused from a pool of the rule set last evaluated; a different rule set (after a reload)
 * retires the old pool. Two ways to add a deadline. {@link #evaluateWatched} evaluates on the
 * calling thread while the {@link Watchdog} halts the session once the deadline has passed: for
 * requests, whose rule sets have passed the sandbox, so that their evaluation ends (rules/README.md,
 * "Why an evaluation always ends"). {@link #evaluateWithin} moves the evaluation to an
 * {@link EvaluationThreads} thread and stops waiting at the deadline even if the evaluation never
 * returns: for scenario verification, the first run of a rule set. That hand-off costs about as much
 * as a decision itself (docs/benchmarks.md), which is why requests no longer take it (issue 32).
 * Either way a session whose run passed the deadline is halted and thrown away.
 */
public final class DecisionEngine {

    /** Rules only propose actions and never change facts, so a run this long means a runaway rule. */
    static final int MAX_FIRINGS = 10_000;
    /**
     * The deadline of offline evaluation (scenarios, the authors' commands, tests). It is far above
     * the service's guard.decision.deadline because a rule base's first evaluations in a cold JVM
     * load the engine's classes and build node memories.
     */
    public static final Duration OFFLINE_DEADLINE = Duration.ofSeconds(2);

    private final Resolver resolver = new Resolver();
    private final EvaluationThreads threads = EvaluationThreads.decisions();
    private volatile SessionPool pool;

    /** Evaluates on this thread, with no deadline: for rules that already passed their scenarios. */
    public Evaluation evaluate(RuleSet rules, Incident incident) {
        return evaluateNow(rules, incident, new Run());
    }

    /**
     * Evaluates on this thread, or throws {@link EvaluationThreads.DeadlineExceeded} when the
     * evaluation missed {@code deadline}: halted by the watchdog, or ended after it.
     */
    public Evaluation evaluateWatched(RuleSet rules, Incident incident, Duration deadline) {
        Watchdog.Watch watch = Watchdog.mine().begin(positive(deadline));
        try {
            Evaluation evaluation = evaluateNow(rules, incident, watch);
            if (watch.missed()) {
                throw new EvaluationThreads.DeadlineExceeded(deadline);
            }
            return evaluation;
        } catch (RuntimeException e) {
            if (watch.missed() && !(e instanceof EvaluationThreads.DeadlineExceeded)) {
                // Halted before it started, or failed because it was halted: the deadline is the cause.
                throw new EvaluationThreads.DeadlineExceeded(deadline);
            }
            throw e;
        } finally {
            watch.end();
        }
    }

    /** Evaluations halted by the watchdog that have still not ended (liveness, metrics). */
    public static int overdueOnRequestThreads() {
        return Watchdog.overdue();
    }

    /** Evaluations on request threads that missed their deadline, ever. */
    public static long timeoutsOnRequestThreads() {
        return Watchdog.timeouts();
    }

    /** Evaluates on an evaluation thread, or throws {@link EvaluationThreads.DeadlineExceeded} once {@code deadline} has passed. */
    public Evaluation evaluateWithin(RuleSet rules, Incident incident, Duration deadline) {
        Run run = new Run();
        return threads.call(() -> evaluateNow(rules, incident, run), positive(deadline), run::halt);
    }

    private static Duration positive(Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a decision deadline must be positive, not " + deadline);
        }
        return deadline;
    }

    private Evaluation evaluateNow(RuleSet rules, Incident incident, Stoppable run) {
        long start = System.nanoTime();
        SessionPool sessions = poolFor(rules);
        SessionPool.Pooled pooled = sessions.borrow();
        boolean clean = false;
        List<Candidate> candidates;
        List<Finding> findings;
        List<String> firedRules;
        try {
            KieSession session = pooled.session();
            if (!run.start(session)) {
                throw new IllegalStateException("the deadline passed before the evaluation started");
            }
            session.insert(incident);
            session.insert(incident.caller());
            session.insert(incident.caseHistory());
            session.insert(incident.handler());
            for (Demand d : incident.demands()) {
                session.insert(d);
            }
            if (sessions.thresholdsAsFact) {
                session.insert(rules.thresholds());
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
            fired += judge(session, pooled.sink(), rules.judgementStages(), fired, run);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("rules fired " + fired + " times for one incident; a rule loops");
            }
            // Taken before release: once back in the pool, the session and its sink belong to the next caller.
            candidates = pooled.sink().takeCandidates();
            findings = pooled.sink().takeFindings();
            firedRules = pooled.sink().takeFired();
            clean = run.finish();
        } finally {
            sessions.release(pooled, clean);
        }
        Resolution resolution = resolver.resolve(candidates, findings);
        return new Evaluation(candidates, findings, firedRules, resolution, System.nanoTime() - start);
    }

    /**
     * The later stages (issue 29): before each, the answers given so far become the {@link Judgement}
     * fact, and only that stage's rules fire. Every rule that could still strengthen an answer a stage
     * reads has fired by then (the lint placed it earlier), so no rule sees an answer that changes
     * afterwards and the firing order within a stage cannot change the decision. The sink keeps the
     * judgement as answers arrive; when a stage strengthened no answer, the fact already holds the
     * next stage's judgement and is not updated, so no rule that reads it is evaluated again.
     */
    private static int judge(KieSession session, ActionSink sink, int stages, int firedSoFar, Stoppable run) {
        int fired = 0;
        FactHandle handle = null;
        Judgement inSession = null;
        // A halt stops one fireAllRules, not the next: a run halted at its deadline starts no later stage.
        for (int stage = 1; stage <= stages && firedSoFar + fired < MAX_FIRINGS && !run.halted(); stage++) {
            Judgement now = sink.judgementSoFar();
            if (handle == null) {
                handle = session.insert(now);
            } else if (now != inSession) {
                session.update(handle, now);
            }
            inSession = now;
            session.getAgenda().getAgendaGroup(JudgementStages.group(stage)).setFocus();
            fired += session.fireAllRules(MAX_FIRINGS - firedSoFar - fired);
        }
        return fired;
    }

    /** What may halt an evaluation from another thread: it sees the session from start to finish. */
    interface Stoppable {
        /** The session is about to run; false when the evaluation was halted already. */
        boolean start(KieSession session);

        /** The rules are done; true when the run ended in time. A run that did not is thrown away. */
        boolean finish();

        boolean halted();
    }

    /**
     * The session one evaluation is using, so the waiting caller can halt it. Once the run has
     * finished or was halted the session is released, and a late halt must not reach whoever
     * borrows it next: both sides go through this object's lock.
     */
    private static final class Run implements Stoppable {
        private KieSession session;
        private boolean halted;

        @Override
        public synchronized boolean start(KieSession s) {
            session = s;
            return !halted;
        }

        /** True when the run ended in time; a halted session is disposed, never pooled. */
        @Override
        public synchronized boolean finish() {
            session = null;
            return !halted;
        }

        @Override
        public synchronized boolean halted() {
            return halted;
        }

        synchronized void halt() {
            halted = true;
            if (session != null) {
                session.halt();
            }
        }
    }

    private SessionPool poolFor(RuleSet rules) {
        SessionPool current = pool;
        if (current != null && current.rules == rules) {
            return current;
        }
        synchronized (this) {
            current = pool;
            if (current == null || current.rules != rules) {
                if (current != null) {
                    current.retire();
                }
                current = new SessionPool(rules);
                pool = current;
            }
            return current;
        }
    }
}
