package io.frontlineguard.rulemanagement;

import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.ruleset.ActiveRules;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.ruleset.RuleSources;
import io.frontlineguard.verification.Verified;
import io.frontlineguard.verification.VerifiedRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Builds a new rule set from the rules folder, verifies it exactly as start-up does (lint, compile,
 * every scenario) and swaps it in only when all of that passes. One reload runs at a time; callers
 * run it on their own thread (a worker or the watcher), never on the event loop. Decisions in
 * flight keep the rule set they started with, because the swap replaces a reference they already hold.
 */
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

    private volatile ReloadAttempt last;
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
    }

    /** Reloads now, whatever the folder holds, and returns the attempt. */
    public ReloadAttempt reload(String trigger) {
        oneAtATime.lock();
        try {
            return attempt(trigger, FolderFingerprint.of(dir));
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
        String seen = FolderFingerprint.of(dir);
        if (seen.equals(lastTriedFingerprint)) {
            return Optional.empty();
        }
        oneAtATime.lock();
        try {
            // Re-read under the lock: a reload that ran meanwhile may already have tried this content.
            seen = FolderFingerprint.of(dir);
            return seen.equals(lastTriedFingerprint) ? Optional.empty() : Optional.of(attempt(trigger, seen));
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Records the folder as loaded at start-up, so the watcher does not reload it again. */
    void markStartupContent() {
        if (lastTriedFingerprint == null) {
            lastTriedFingerprint = FolderFingerprint.of(dir);
        }
    }

    public Optional<ReloadAttempt> lastAttempt() {
        return Optional.ofNullable(last);
    }

    public long successCount() {
        return (long) successes.count();
    }

    public long failureCount() {
        return (long) failures.count();
    }

    private ReloadAttempt attempt(String trigger, String fingerprint) {
        long start = System.nanoTime();
        String version = null;
        ReloadAttempt result;
        try {
            version = RuleSources.read(dir).version();
            Verified verified = verifier.verifyWithin(dir, verifyTimeout);
            // The version reported is the one actually compiled, even if files moved on meanwhile.
            version = verified.rules().version();
            active.activate(verified);
            result = new ReloadAttempt(clock.instant(), trigger, ReloadAttempt.Outcome.SUCCESS, version,
                    millisSince(start), List.of());
            successes.increment();
            LOG.infof("rules reloaded (%s) from %s: version %s, %d rules, in %d ms", trigger,
                    verified.rules().directory(), version, verified.rules().rules().size(), result.durationMillis());
        } catch (RuleSetException e) {
            result = failed(trigger, version, start, e.problems().stream().map(RuleProblem::toString).toList());
        } catch (RuntimeException e) {
            // Anything else (an unreadable file, a compiler crash) must not take the running rules down either.
            LOG.error("rule reload failed unexpectedly", e);
            result = failed(trigger, version, start, List.of(dir + ":0:0: " + e));
        }
        last = result;
        lastTriedFingerprint = fingerprint;
        return result;
    }

    private ReloadAttempt failed(String trigger, String version, long start, List<String> problems) {
        failures.increment();
        LOG.errorf("rules reload (%s) refused; version %s stays in force. Problems:%n  %s", trigger,
                active.get() == null ? "none" : active.get().version(), String.join("\n  ", problems));
        return new ReloadAttempt(clock.instant(), trigger, ReloadAttempt.Outcome.FAILURE, version, millisSince(start), problems);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
