package io.frontlineguard.rulemanagement;

import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.ruleset.ActiveRules;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.verification.NotReadyException;
import io.frontlineguard.verification.Readiness;
import io.frontlineguard.verification.Verified;
import io.frontlineguard.verification.VerifiedRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Puts the rules folder in force: at start-up, and again on every reload. Each time the folder is
 * read once into a snapshot, verified (lint, compile, every scenario, coverage: the one
 * {@code Readiness} that {@code guard test} and the build's gate apply too) and swapped in only
 * when it is ready; a refusal says why in the reload history and counts its reasons; start-up fails, naming the folder and every problem, because a decision service
 * without valid rules must not report itself ready. One attempt runs at a time; callers run it on
 * their own thread (a worker or the watcher), never on the event loop. Decisions in flight keep the
 * rule set they started with, because the swap replaces a reference they already hold.
 */
@Startup
@ApplicationScoped
public class RuleReloader {

    private static final Logger LOG = Logger.getLogger(RuleReloader.class);

    private final ActiveRules active;
    private final Path dir;
    private final Clock clock = Clock.systemUTC();
    private final VerifiedRules verifier;
    private final java.time.Duration verifyTimeout;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final Counter successes;
    private final Counter failures;
    /** {@code guard_rules_refusals_total{reason}}: why folders were refused (Readiness.Reason), one count per reason per attempt. */
    private final Map<Readiness.Reason, Counter> refusals = new EnumMap<>(Readiness.Reason.class);
    /** One series, {@code guard_rules_in_force{version}} = 1, so replicas can be compared by version. */
    private final MultiGauge inForce;

    private volatile ReloadAttempt last;
    /** The most recent attempts, newest first, for the console and GET /v1/rules. */
    private final java.util.Deque<ReloadAttempt> history = new java.util.concurrent.ConcurrentLinkedDeque<>();
    static final int HISTORY = 20;
    /** The folder fingerprint of the last attempt, successful or not; the watcher skips content already tried. */
    private volatile String lastTriedFingerprint;

    RuleReloader(ActiveRules active, GuardConfig config, MeterRegistry registry) {
        this.active = active;
        this.dir = Path.of(config.rules().dir());
        this.verifier = new VerifiedRules(clock, config.rules().scenarioDeadline());
        this.verifyTimeout = config.rules().verifyTimeout();
        this.successes = Counter.builder("guard.rules.reloads").tag("outcome", "success")
                .description("Rule reloads, by outcome").register(registry);
        this.failures = Counter.builder("guard.rules.reloads").tag("outcome", "failure")
                .description("Rule reloads, by outcome").register(registry);
        for (Readiness.Reason reason : Readiness.Reason.values()) {
            refusals.put(reason, Counter.builder("guard.rules.refusals").tag("reason", reason.tag())
                    .description("Rule folders refused at reload, by why they are not ready").register(registry));
        }
        this.inForce = MultiGauge.builder("guard.rules.in.force")
                .description("1 for the rule set version this instance decides with; one series at a time").register(registry);
    }

    @PostConstruct
    void loadAtStartup() {
        long start = System.nanoTime();
        FolderSnapshot folder;
        Verified verified;
        try {
            folder = FolderSnapshot.read(dir);
            verified = putInForce(folder);
        } catch (RuleSetException e) {
            throw new IllegalStateException("cannot load rules from " + dir.toAbsolutePath().normalize()
                    + " (guard.rules.dir):\n" + e.getMessage(), e);
        }
        // The verification (lint, compile, every scenario) is most of start-up; operators see its share.
        LOG.infof("rules loaded from %s: %d rules, version %s, verified in %d ms", folder.directory(),
                verified.rules().rules().size(), verified.rules().version(), millisSince(start));
    }

    /** Reloads now, whatever the folder holds, and returns the attempt. */
    public ReloadAttempt reload(String trigger) {
        oneAtATime.lock();
        try {
            return attempt(trigger);
        } finally {
            oneAtATime.unlock();
        }
    }

    /**
     * Reloads only when the folder differs from what was last tried (which, after a success, is
     * what is in force); returns nothing when there was nothing new to try. Failing content is
     * therefore tried once, not on every poll.
     */
    public Optional<ReloadAttempt> reloadIfChanged(String trigger) {
        if (fingerprint().equals(lastTriedFingerprint)) {
            return Optional.empty();
        }
        oneAtATime.lock();
        try {
            // Look again under the lock: a reload that ran meanwhile may already have tried this content.
            return fingerprint().equals(lastTriedFingerprint) ? Optional.empty() : Optional.of(attempt(trigger));
        } finally {
            oneAtATime.unlock();
        }
    }

    /** The content hash of the folder now; an unreadable folder is a state of its own, tried once. */
    private String fingerprint() {
        try {
            return FolderSnapshot.read(dir).hash();
        } catch (RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    public Optional<ReloadAttempt> lastAttempt() {
        return Optional.ofNullable(last);
    }

    /** Up to {@value #HISTORY} attempts since start-up, newest first. */
    public List<ReloadAttempt> history() {
        return List.copyOf(history);
    }

    public long successCount() {
        return (long) successes.count();
    }

    public long failureCount() {
        return (long) failures.count();
    }

    /** The one step start-up and every reload share: verify the snapshot, and swap it in only if it passes. */
    private Verified putInForce(FolderSnapshot folder) {
        Verified verified = verifier.verifyWithin(folder, verifyTimeout);
        active.activate(verified.rules(), verified.coverage().scenariosByRule(), verified.lessons(),
                verified.coverage().scenariosByLesson(), folder);
        inForce.register(List.of(MultiGauge.Row.of(Tags.of("version", verified.rules().version()), 1)), true);
        lastTriedFingerprint = folder.hash();
        return verified;
    }

    private ReloadAttempt attempt(String trigger) {
        long start = System.nanoTime();
        String version = null;
        String fingerprint = null;
        ReloadAttempt result;
        try {
            FolderSnapshot folder = FolderSnapshot.read(dir);
            fingerprint = folder.hash();
            version = folder.version();
            Verified verified = putInForce(folder);
            result = new ReloadAttempt(clock.instant(), trigger, ReloadAttempt.Outcome.SUCCESS, version,
                    millisSince(start), List.of(), List.of(), List.of());
            successes.increment();
            LOG.infof("rules reloaded (%s) from %s: version %s, %d rules, in %d ms", trigger,
                    folder.directory(), version, verified.rules().rules().size(), result.durationMillis());
        } catch (NotReadyException e) {
            result = failed(trigger, version, start, e.verdict().reasons(), e.problems());
        } catch (RuleSetException e) {
            result = failed(trigger, version, start, Set.of(Readiness.Reason.RULES), e.problems());
        } catch (RuntimeException e) {
            // Anything else (an unreadable file, a compiler crash) must not take the running rules down either.
            LOG.error("rule reload failed unexpectedly", e);
            result = failed(trigger, version, start, Set.of(Readiness.Reason.RULES),
                    List.of(RuleProblem.error(dir.toString(), 0, 0, e.toString())));
        }
        last = result;
        history.addFirst(result);
        while (history.size() > HISTORY) {
            history.pollLast();
        }
        lastTriedFingerprint = fingerprint != null ? fingerprint : fingerprint();
        return result;
    }

    private ReloadAttempt failed(String trigger, String version, long start, Set<Readiness.Reason> reasons,
                                 List<RuleProblem> found) {
        failures.increment();
        reasons.forEach(r -> refusals.get(r).increment());
        List<String> problems = found.stream().map(RuleProblem::toString).toList();
        List<String> why = reasons.stream().sorted().map(Readiness.Reason::tag).toList();
        LOG.errorf("rules reload (%s) refused (%s); version %s stays in force. Problems:%n  %s", trigger, String.join(", ", why),
                active.get() == null ? "none" : active.get().version(), String.join("\n  ", problems));
        return new ReloadAttempt(clock.instant(), trigger, ReloadAttempt.Outcome.FAILURE, version, millisSince(start),
                why, problems, found.stream().map(io.frontlineguard.api.v1.RuleProblemDetail::of).toList());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
