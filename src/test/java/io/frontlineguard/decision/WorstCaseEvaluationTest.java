package io.frontlineguard.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.incident.Conduct;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.ruleset.RuleLinter;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.verification.VerifiedRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The termination argument of rules/README.md ("Why an evaluation always ends"), held on its worst
 * case: the biggest rule set the lint accepts ({@link RuleLinter#MAX_RULES} rules, each with the most
 * Demand patterns a rule may have, on every fact, over three judgement stages), generated, against
 * the worst incident the request's limits allow (50 demands that all match every Demand pattern,
 * every conduct). The evaluation ends, and it ends within the offline deadline; the figures are printed.
 */
@Timeout(300)
class WorstCaseEvaluationTest {

    @TempDir
    Path folder;

    /** 50 demands, each matching both Demand patterns of every rule: 2,500 matches per rule. */
    static Incident worstIncident() {
        String demand = "{\"type\":\"MONETARY_COMPENSATION\",\"amountJpy\":10000000000000}";
        String json = "{\"incidentId\":\"" + "W".repeat(128) + "\",\"caseId\":\"" + "C".repeat(128) + "\","
                + "\"occurredAt\":\"2026-05-01T10:00:00+09:00\",\"channel\":\"PHONE\",\"department\":\"" + "d".repeat(64) + "\","
                + "\"caller\":{\"callerId\":\"tel:0312345678\",\"warnedBefore\":true},"
                + "\"conduct\":[" + Arrays.stream(Conduct.values()).map(c -> "\"" + c + "\"").collect(Collectors.joining(",")) + "],"
                + "\"caseHistory\":{\"openedAt\":\"2026-01-01T10:00:00+09:00\",\"contactCount\":1000000,\"longestContactMinutes\":1000000},"
                + "\"handler\":{\"employeeId\":\"E-1\",\"role\":\"OPERATOR\",\"targetOfAnger\":true},"
                + "\"demands\":[" + String.join(",", java.util.Collections.nCopies(50, demand)) + "]}";
        return new IncidentReader().read(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Rule i answers harassment (i % 4 == 0), reads it and answers handling (1), reads handling (2),
     * or only emits (3): three judgement stages, and every rule joins two Demand patterns with every
     * other fact.
     */
    static String rules(int count) {
        StringBuilder drl = new StringBuilder("""
                package frontlineguard.worst;
                import io.frontlineguard.incident.*;
                import io.frontlineguard.assessment.*;
                global io.frontlineguard.decision.ActionSink actions;
                """);
        for (int i = 0; i < count; i++) {
            String judgement = switch (i % 4) {
                case 1 -> "    Judgement(harassment == Harassment.YES)\n";
                case 2 -> "    Judgement(handling == Handling.HARASSMENT || handling == Handling.POLICE)\n";
                default -> "";
            };
            String consequence = switch (i % 4) {
                case 0 -> "    actions.assess(\"harassment\", \"YES\");\n";
                case 1 -> "    actions.assess(\"handling\", \"HARASSMENT\");\n";
                default -> "    actions.emit(\"ESCALATE\", \"to\", Role.SUPERVISOR);\n";
            };
            drl.append("rule \"Worst case ").append(i).append("\"\n")
                    .append("    @lesson(\"L003-1\") @en(\"w\") @ja(\"w\")\nwhen\n")
                    .append("    Incident(channel == Channel.PHONE || conduct contains Conduct.").append(Conduct.values()[i % Conduct.values().length])
                    .append(", department != \"x\")\n")
                    .append("    Caller(warnedBefore == true, relationshipYears >= 0 || keyAccount == true)\n")
                    .append("    CaseHistory(contactCount >= 1, longestContactMinutes >= 0)\n")
                    .append("    Handler(targetOfAnger == true || role == Role.OPERATOR)\n")
                    .append("    $a : Demand(type == DemandType.MONETARY_COMPENSATION, amountJpy >= 0)\n")
                    .append("    Demand(type == DemandType.MONETARY_COMPENSATION, amountJpy >= ").append(i).append(")\n")
                    .append(judgement)
                    .append("then\n").append(consequence).append("end\n");
        }
        return drl.toString();
    }

    private Path folder(int rules, String extra) throws IOException {
        Files.copy(Path.of("rules", "thresholds.yaml"), folder.resolve("thresholds.yaml"));
        Files.copy(Path.of("rules", "lessons.yaml"), folder.resolve("lessons.yaml"));
        Files.writeString(folder.resolve("worst.drl"), rules(rules) + extra);
        return folder;
    }

    @Test
    void shouldEndTheWorstIncidentUnderTheBiggestRuleSetTheLintAccepts() throws IOException {
        RuleSet biggest = new VerifiedRules(Clock.systemUTC()).compile(folder(RuleLinter.MAX_RULES, ""));
        assertEquals(RuleLinter.MAX_RULES, biggest.rules().size());
        Incident worst = worstIncident();
        assertEquals(50, worst.demands().size());
        DecisionEngine engine = new DecisionEngine();
        // Warm: the first evaluation of a rule base builds its node memories, as the service's first decisions do.
        // No deadline: the point is that it ends by itself. The first runs build the node memories and
        // compile the consequences, as a service's first decisions do; the last is the warm figure.
        long micros = 0;
        String outcome = null;
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            outcome = outcome(engine, biggest, worst);
            micros = (System.nanoTime() - start) / 1_000;
        }
        System.out.printf("worst case: %d rules, 50 demands: %s in %d µs%n", RuleLinter.MAX_RULES, outcome, micros);
        // A hang would hit the class's timeout; this bound only says how far it is from "at once".
        assertTrue(micros < 10_000_000, "ended, but after " + micros + " µs");
    }

    /**
     * Every rule has 2,500 matches here, a million in all, so the engine's firing limit (10,000) ends
     * the run: the bound on firings holds whatever the lint lets through, and the refusal is an
     * answer, not a hang.
     */
    private static String outcome(DecisionEngine engine, RuleSet rules, Incident incident) {
        try {
            Evaluation e = engine.evaluate(rules, incident);
            return "decided, " + e.firedRules().size() + " rules fired";
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("times for one incident"), e.getMessage());
            return "stopped at the firing limit (" + DecisionEngine.MAX_FIRINGS + ")";
        }
    }

    @Test
    void shouldRefuseAFolderWithMoreRulesThanTheLimit() throws IOException {
        RuleSetException e = org.junit.jupiter.api.Assertions.assertThrows(RuleSetException.class,
                () -> new VerifiedRules(Clock.systemUTC()).compile(folder(RuleLinter.MAX_RULES + 1, "")));
        assertTrue(e.problems().stream().map(RuleProblem::message)
                .anyMatch(m -> m.equals("the folder holds " + (RuleLinter.MAX_RULES + 1) + " rules; at most "
                        + RuleLinter.MAX_RULES + ", so that one evaluation's cost stays bounded")), e.getMessage());
    }

    @Test
    void shouldRefuseARuleWithAThirdDemandPatternAlsoThroughItsParent() throws IOException {
        String extra = """
                rule "Three demands"
                    @lesson("L003-1") @en("w") @ja("w")
                when
                    Demand(type == DemandType.VISIT)
                    not (Demand(type == DemandType.MONETARY_COMPENSATION) and Demand(type == DemandType.FREE_SERVICE))
                then
                    actions.emit("ESCALATE", "to", Role.SUPERVISOR);
                end
                rule "Two demands, or one"
                    @lesson("L003-1") @en("w") @ja("w")
                when
                    Demand(type == DemandType.VISIT)
                    (Demand(type == DemandType.FREE_SERVICE) or Caller(blocked == true))
                then
                    actions.emit("ESCALATE", "to", Role.SUPERVISOR);
                end
                rule "A third through the parent" extends "Two demands, or one"
                    @lesson("L003-1") @en("w") @ja("w")
                when
                    exists Demand(type == DemandType.MONETARY_COMPENSATION)
                then
                    actions.emit("ESCALATE", "to", Role.SUPERVISOR);
                end
                """;
        RuleSetException e = org.junit.jupiter.api.Assertions.assertThrows(RuleSetException.class,
                () -> new VerifiedRules(Clock.systemUTC()).compile(folder(1, extra)));
        List<String> messages = e.problems().stream().map(RuleProblem::message).toList();
        assertEquals(List.of(
                "rule \"Three demands\" matches 3 Demand patterns; at most 2, so that its matches stay bounded (an incident has up to 50 demands)",
                "rule \"A third through the parent\" matches 3 Demand patterns with its parent's; at most 2, so that its matches"
                        + " stay bounded (an incident has up to 50 demands)"), messages);
    }

    @Test
    void shouldAdmitTheBuiltInRulesUnderTheLimits() {
        RuleSet builtIn = new VerifiedRules(Clock.systemUTC()).compile(Path.of("rules"));
        assertTrue(builtIn.rules().size() <= RuleLinter.MAX_RULES, builtIn.rules().size() + " built-in rules");
    }
}
