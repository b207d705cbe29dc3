package io.frontlineguard.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.verification.VerifiedRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine fires the judgement's stages in turn (issue 29): a rule that reads an answer sees it
 * final, each rule fires once per match although the fact it read is updated after it fired, and a
 * rule set's stages, not its rules, decide when a reader fires.
 */
class JudgementStagesEngineTest {

    private static final String RULES = """
            package t;
            import io.frontlineguard.incident.*;
            import io.frontlineguard.assessment.*;
            global io.frontlineguard.decision.ActionSink actions;

            rule "Apologise to a complaint"
                @lesson("LG-14") @en("e") @ja("j")
            when
                Judgement(handling == Handling.COMPLAINT)
            then
                actions.emit("APOLOGIZE_FOR_INCONVENIENCE");
            end

            rule "Record a contact handled as harassment"
                @lesson("LG-14") @en("e") @ja("j")
            when
                Judgement(handling == Handling.HARASSMENT)
            then
                actions.emit("RECORD_EVIDENCE");
            end

            rule "Warn once harassment is found"
                @lesson("LG-14") @en("e") @ja("j")
            when
                Judgement(harassment == Harassment.YES)
            then
                actions.emit("WARN_CALLER");
            end

            rule "Handle harassment as harassment"
                @lesson("LG-14") @en("e") @ja("j")
            when
                Judgement(harassment == Harassment.YES)
            then
                actions.assess("handling", "HARASSMENT");
            end

            rule "Find threats harassment"
                @lesson("LG-14") @en("e") @ja("j")
            when
                Incident(conduct contains Conduct.THREAT)
            then
                actions.assess("harassment", "YES");
            end
            """;

    private static final IncidentReader READER = new IncidentReader();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Incident incident(String conduct) throws Exception {
        return READER.read(JSON.readTree("""
                {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center",
                 "conduct": [%s]}""".formatted(conduct)));
    }

    private static RuleSet compile(Path dir) throws Exception {
        Files.writeString(dir.resolve("stages.drl"), RULES);
        Files.writeString(dir.resolve("lessons.yaml"), "lessons:\n  LG-14: the handling\n");
        Files.copy(Path.of("rules/thresholds.yaml"), dir.resolve("thresholds.yaml"));
        return new VerifiedRules(Clock.systemUTC()).compile(dir);
    }

    @Test
    void shouldLetEachStageReadOnlyFinalAnswersAndFireEachRuleOnce(@TempDir Path dir) throws Exception {
        RuleSet rules = compile(dir);
        assertEquals(2, rules.judgementStages());
        Evaluation threat = new DecisionEngine().evaluate(rules, incident("\"THREAT\""));

        assertEquals(java.util.List.of("Find threats harassment"), threat.firedRules().subList(0, 1), "stage 0 first");
        assertEquals(java.util.List.of("Record a contact handled as harassment"),
                threat.firedRules().subList(threat.firedRules().size() - 1, threat.firedRules().size()), "the handling's reader last");
        for (String rule : threat.firedRules()) {
            assertEquals(1, Collections.frequency(threat.firedRules(), rule), rule + " fired once: " + threat.firedRules());
        }
        assertEquals(4, threat.firedRules().size(), threat.firedRules().toString());
        assertTrue(threat.resolution().has(ActionCode.RECORD_EVIDENCE));
        assertTrue(threat.resolution().has(ActionCode.WARN_CALLER));
        assertFalse(threat.resolution().has(ActionCode.APOLOGIZE_FOR_INCONVENIENCE),
                "no reader saw the handling before it was final");
        assertEquals("HARASSMENT", threat.resolution().assessment().handling().value());
    }

    @Test
    void shouldReadTheUnansweredHandlingAsAComplaint(@TempDir Path dir) throws Exception {
        Evaluation calm = new DecisionEngine().evaluate(compile(dir), incident(""));
        assertEquals(java.util.List.of("Apologise to a complaint"), calm.firedRules());
        assertEquals("COMPLAINT", calm.resolution().assessment().handling().value());
        assertEquals(java.util.List.of(), calm.resolution().assessment().handling().rules());
    }

    @Test
    void shouldDecideTheSameOnAPooledSessionAfterAnotherStagedDecision(@TempDir Path dir) throws Exception {
        RuleSet rules = compile(dir);
        DecisionEngine engine = new DecisionEngine();
        String threat = RuleOrderProperties.decided(engine.evaluate(rules, incident("\"THREAT\"")));
        String calm = RuleOrderProperties.decided(engine.evaluate(rules, incident("")));
        for (int round = 0; round < 3; round++) {
            assertEquals(threat, RuleOrderProperties.decided(engine.evaluate(rules, incident("\"THREAT\""))));
            assertEquals(calm, RuleOrderProperties.decided(engine.evaluate(rules, incident(""))));
        }
    }
}
