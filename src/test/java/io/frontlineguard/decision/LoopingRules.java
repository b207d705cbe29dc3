package io.frontlineguard.decision;

import io.frontlineguard.ruleset.RuleInfo;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.Thresholds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * A rule base that never stops firing: each firing waits a millisecond and inserts the fact that makes
 * it fire again. The sandbox refuses both (no insert, no calls), so it is built with Drools directly;
 * it is what a run that goes on too long looks like to the watchdog, which halts it between firings.
 * Unhalted it would end only at the engine's firing limit, ten seconds later.
 */
public final class LoopingRules {

    public static final String RULE = "Keep firing";
    private static final AtomicLong FIRINGS = new AtomicLong();
    private static volatile Thread lastThread;

    private LoopingRules() {
    }

    /** Called by the rule's consequence: one slow firing. */
    public static void pause() {
        FIRINGS.incrementAndGet();
        lastThread = Thread.currentThread();
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The thread of the latest firing. */
    public static Thread lastThread() {
        return lastThread;
    }

    /** Firings so far, in every session. */
    public static long firings() {
        return FIRINGS.get();
    }

    public static RuleSet ruleSet() {
        String drl = """
                package frontlineguard.looping;
                import io.frontlineguard.incident.*;
                global io.frontlineguard.decision.ActionSink actions;
                rule "Start"
                when
                    Incident()
                then
                    insert(new java.util.concurrent.atomic.AtomicLong());
                end
                rule "%s"
                when
                    java.util.concurrent.atomic.AtomicLong()
                then
                    io.frontlineguard.decision.LoopingRules.pause();
                    insert(new java.util.concurrent.atomic.AtomicLong());
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
        Map<String, String> reason = Map.of("en", "e", "ja", "j");
        Map<String, RuleInfo> rules = Map.of(
                "Start", new RuleInfo("Start", "looping.drl", 4, List.of("L004-1"), reason, List.of(), List.of()),
                RULE, new RuleInfo(RULE, "looping.drl", 10, List.of("L004-1"), reason, List.of("CONFIRM_DEMANDS"), List.of()));
        Thresholds thresholds = new Thresholds(20, 8, 30, 60, 90, 10, 3, 3, 24, 2, 3, 2, 3, 10, 5000);
        return new RuleSet("sha256:looping", Path.of("looping"), kieBase, rules, thresholds, Instant.EPOCH);
    }
}
