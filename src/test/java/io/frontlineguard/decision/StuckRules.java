package io.frontlineguard.decision;

import io.frontlineguard.ruleset.RuleInfo;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.Thresholds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * A rule base whose one rule never returns until the test lets it: what a hole in the sandbox would
 * look like. It is built with Drools directly, on purpose past the sandbox, because the deadlines
 * must hold exactly when the lint has failed to stop something.
 */
public final class StuckRules {

    public static final String RULE = "Wait until the test lets go";
    private static volatile CountDownLatch gate = new CountDownLatch(1);
    private static volatile boolean ranOnDaemon;

    private StuckRules() {
    }

    /** Called by the rule's consequence; blocks its thread until {@link #release()}. */
    public static void hold() throws InterruptedException {
        ranOnDaemon = Thread.currentThread().isDaemon();
        CountDownLatch g = gate;
        if (!g.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a stuck test rule was never released");
        }
    }

    public static void release() {
        gate.countDown();
    }

    public static void rearm() {
        gate = new CountDownLatch(1);
    }

    public static boolean ranOnDaemon() {
        return ranOnDaemon;
    }

    public static RuleSet ruleSet() {
        String drl = """
                package frontlineguard.stuck;
                import io.frontlineguard.incident.*;
                global io.frontlineguard.decision.ActionSink actions;
                rule "%s"
                when
                    Incident()
                then
                    io.frontlineguard.decision.StuckRules.hold();
                    actions.emit("CONFIRM_DEMANDS");
                end
                """.formatted(RULE);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new IllegalStateException(builder.getErrors().toString());
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        RuleInfo info = new RuleInfo(RULE, "stuck.drl", 4, List.of("L004-1"), Map.of("en", "e", "ja", "j"),
                List.of("CONFIRM_DEMANDS"), List.of());
        Thresholds thresholds = new Thresholds(20, 8, 30, 60, 90, 10, 3, 3, 24, 2, 3, 2, 3, 10, 5000);
        return new RuleSet("sha256:stuck", Path.of("stuck"), kieBase, Map.of(RULE, info), thresholds, Instant.EPOCH);
    }
}
