package io.frontlineguard.ruleset;

import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.io.ResourceFactory;

/**
 * Start-up verification is slow mostly because it is the first use of the rule compiler, MVEL and
 * the contract's schema in a cold JVM (a warm JVM verifies the same folder in a fraction of the
 * time, docs/benchmarks.md). Quarkus' own boot keeps one core busy and leaves the other mostly
 * idle, so this runs that first use there, in parallel, on a rule of the project's own that is
 * fixed in this class: it never touches the rules folder, which is read, linted and verified
 * afterwards exactly as before. It is best effort: if it fails, verification is only slower.
 */
public final class EngineWarmUp {

    private static final String DRL = """
            package frontlineguard.warmup;
            import io.frontlineguard.incident.*;
            global java.util.List seen;
            rule "Note a visit demanded without a reason"
            when
                Demand(type == DemandType.VISIT, reasonGiven == false)
            then
                seen.add("visit");
            end
            """;

    private static final String INCIDENT = """
            {"incidentId": "WARM-UP", "occurredAt": "2026-01-05T10:00:00+09:00", "channel": "PHONE",
             "department": "warm-up", "demands": [{"type": "VISIT", "immediate": true}]}""";

    private EngineWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static Thread start() {
        Thread t = new Thread(EngineWarmUp::runQuietly, "guard-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    private static void runQuietly() {
        try {
            run();
        } catch (RuntimeException | LinkageError e) {
            // Nothing depends on it: the verification that follows reports every real problem.
        }
    }

    /** Reads one incident and decides it with the fixed rule; returns what the rule saw. */
    static List<Object> run() {
        Incident incident = new IncidentReader().read(INCIDENT.getBytes(StandardCharsets.UTF_8));
        KnowledgeBuilder builder = RuleSetCompiler.newBuilder();
        builder.add(ResourceFactory.newByteArrayResource(DRL.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new IllegalStateException("the warm-up rule does not compile: " + builder.getErrors());
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        KieSession session = kieBase.newKieSession();
        List<Object> seen = new ArrayList<>();
        try {
            session.setGlobal("seen", seen);
            for (Demand d : incident.demands()) {
                session.insert(d);
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return seen;
    }
}
