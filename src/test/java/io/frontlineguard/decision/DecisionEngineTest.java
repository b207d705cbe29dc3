package io.frontlineguard.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.scenario.ScenarioLoader;
import io.frontlineguard.verification.VerifiedRules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sessions are pooled and reset between decisions; nothing of one decision may leak into the next. */
class DecisionEngineTest {

    private static final Path RULES = Path.of("rules");
    private static final Clock CLOCK = Clock.systemUTC();

    private static List<Incident> scenarioIncidents() {
        IncidentReader reader = new IncidentReader();
        return ScenarioLoader.load(FolderSnapshot.read(RULES)).stream().map(s -> reader.read(s.incident())).toList();
    }

    private static String outcome(Evaluation e) {
        return e.firedRules() + " -> " + e.resolution().actions().stream()
                .map(a -> a.code() + a.params().toString() + a.ruleNames()).toList();
    }

    @Test
    void shouldDecideEachIncidentAloneWhenSessionsAreReused() {
        RuleSet rules = new VerifiedRules(CLOCK).compile(RULES);
        List<Incident> incidents = scenarioIncidents();
        List<String> fresh = new ArrayList<>();
        for (Incident i : incidents) {
            // A new engine has no pooled session: this is what a first decision looks like.
            fresh.add(outcome(new DecisionEngine().evaluate(rules, i)));
        }
        DecisionEngine reused = new DecisionEngine();
        for (int round = 0; round < 3; round++) {
            for (int n = 0; n < incidents.size(); n++) {
                assertEquals(fresh.get(n), outcome(reused.evaluate(rules, incidents.get(n))), "incident " + n + ", round " + round);
            }
        }
    }

    @Test
    void shouldNameTheProposingRuleOfEveryCandidateOnReusedSessions() {
        RuleSet rules = new VerifiedRules(CLOCK).compile(RULES);
        DecisionEngine engine = new DecisionEngine();
        for (int round = 0; round < 2; round++) {
            for (Incident i : scenarioIncidents()) {
                Evaluation e = engine.evaluate(rules, i);
                for (Candidate c : e.candidates()) {
                    assertNotNull(c.rule(), "candidate " + c.code() + " has no rule");
                    assertFalse(e.firedRules().isEmpty());
                }
            }
        }
    }

    @Test
    void shouldGiveTheSameDecisionsFromManyThreadsAsFromOne() throws Exception {
        RuleSet rules = new VerifiedRules(CLOCK).compile(RULES);
        List<Incident> incidents = scenarioIncidents();
        DecisionEngine engine = new DecisionEngine();
        List<String> expected = incidents.stream().map(i -> outcome(engine.evaluate(rules, i))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    List<String> got = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        got.clear();
                        for (Incident i : incidents) {
                            got.add(outcome(engine.evaluate(rules, i)));
                        }
                    }
                    return got;
                }));
            }
            for (Future<List<String>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldSwitchToANewRuleSetAndBackWithoutMixingThem() {
        RuleSet first = new VerifiedRules(CLOCK).compile(RULES);
        RuleSet second = new VerifiedRules(CLOCK).compile(RULES);
        Incident incident = scenarioIncidents().get(0);
        DecisionEngine engine = new DecisionEngine();
        String a = outcome(engine.evaluate(first, incident));
        assertEquals(a, outcome(engine.evaluate(second, incident)));
        assertEquals(a, outcome(engine.evaluate(first, incident)));
    }
}
