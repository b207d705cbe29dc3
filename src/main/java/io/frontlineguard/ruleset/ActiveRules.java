package io.frontlineguard.ruleset;

import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.verification.Verified;
import io.frontlineguard.verification.VerifiedRules;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds the rule set decisions run against. Start-up fails, naming the folder and every problem,
 * when the configured rules cannot be compiled: a decision service without valid rules must not
 * report itself ready. Later rule sets arrive through {@link #activate}, each one verified before
 * it is swapped in, in one atomic step.
 */
@Startup
@ApplicationScoped
public class ActiveRules {

    private static final Logger LOG = Logger.getLogger(ActiveRules.class);

    private final GuardConfig config;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Activation> current = new AtomicReference<>();

    ActiveRules(GuardConfig config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        Path dir = Path.of(config.rules().dir());
        try {
            long start = System.nanoTime();
            activate(new VerifiedRules(clock, config.rules().scenarioDeadline()).verifyWithin(dir, config.rules().verifyTimeout()));
            RuleSet rules = get();
            // The verification (lint, compile, every scenario) is most of start-up; operators see its share.
            LOG.infof("rules loaded from %s: %d rules, version %s, verified in %d ms", rules.directory(),
                    rules.rules().size(), rules.version(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuleSetException e) {
            throw new IllegalStateException("cannot load rules from " + dir.toAbsolutePath().normalize()
                    + " (guard.rules.dir):\n" + e.getMessage(), e);
        }
    }

    /** The rule set in force now; callers keep the reference for the whole evaluation. */
    public RuleSet get() {
        Activation a = current.get();
        return a == null ? null : a.rules();
    }

    /** The rule set in force with its activation time and scenario coverage, as one consistent value. */
    public Activation activation() {
        return current.get();
    }

    /** Makes a verified rule set the one in force, in one step, keeping the coverage its scenarios gave. */
    public void activate(Verified verified) {
        current.set(new Activation(verified.rules(), clock.instant(), verified.coverage().scenariosByRule()));
    }
}
