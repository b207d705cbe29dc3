package io.frontlineguard.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The judgement as a fact (issue 29) in the rule language: response rules may read it, nobody may
 * insert it, every reader is placed after the rules that answer what it reads, and a judgement
 * that depends on itself is refused with the rules that close the loop.
 */
class JudgementLintTest {

    private static final LessonCatalogue LESSONS = new LessonCatalogue(new TreeMap<>(Map.of("LG-14", "x")));

    private static final String HEADER = """
            package t;
            import io.frontlineguard.incident.*;
            import io.frontlineguard.assessment.*;
            global io.frontlineguard.decision.ActionSink actions;
            """;

    private static RuleLinter.Admission admit(String rules) {
        RuleSources sources = new RuleSources(Path.of("."), new TreeMap<>(Map.of("a.drl", HEADER + rules)), "",
                "sha256:test");
        return new RuleLinter(LESSONS).admit(sources);
    }

    private static String rule(String name, String when, String then) {
        return """
                rule "%s"
                    @lesson("LG-14") @en("e") @ja("j")
                when
                    %s
                then
                    %s
                end
                """.formatted(name, when, then);
    }

    private static final String ANSWERS_HARASSMENT = rule("Find threats harassment",
            "Incident(conduct contains Conduct.THREAT)", "actions.assess(\"harassment\", \"YES\");");
    private static final String ANSWERS_HANDLING = rule("Handle harassment as harassment",
            "Judgement(harassment == Harassment.YES)", "actions.assess(\"handling\", \"HARASSMENT\");");
    private static final String READS_HANDLING = rule("Give no apology when handled by the police",
            "Judgement(handling == Handling.POLICE)", "actions.emit(\"NO_APOLOGY\");");

    private static void assertOneProblem(RuleLinter.Admission a, int line, String fragment) {
        assertEquals(1, a.problems().size(), a.problems().toString());
        RuleProblem p = a.problems().get(0);
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.message().contains(fragment), p.toString());
    }

    @Test
    void shouldAcceptAResponseRuleThatReadsTheHandling() {
        RuleLinter.Admission a = admit(READS_HANDLING);
        assertEquals(List.of(), a.problems());
        assertEquals(List.of("handling"), a.rules().rules().get("Give no apology when handled by the police").reads());
        assertEquals(1, a.rules().stages().stageOf("Give no apology when handled by the police"),
                "the fact is first inserted for stage 1, so a reader never fires in stage 0");
    }

    @Test
    void shouldPlaceEachReaderAfterEveryRuleThatAnswersWhatItReads() {
        RuleLinter.Admission a = admit(READS_HANDLING + ANSWERS_HANDLING + ANSWERS_HARASSMENT);
        assertEquals(List.of(), a.problems());
        JudgementStages stages = a.rules().stages();
        assertEquals(0, stages.stageOf("Find threats harassment"));
        assertEquals(1, stages.stageOf("Handle harassment as harassment"));
        assertEquals(2, stages.stageOf("Give no apology when handled by the police"));
        assertEquals(2, stages.later());
    }

    @Test
    void shouldKeepEveryRuleInOneStageWhenNoneReadsTheJudgement() {
        RuleLinter.Admission a = admit(ANSWERS_HARASSMENT);
        assertEquals(0, a.rules().stages().later());
    }

    @Test
    void shouldRefuseAJudgementThatDependsOnTheActionsItSteers() {
        // Harassment read to decide the handling, and the handling read to decide harassment: no order
        // of the rules can give both their final answers first.
        String loop = rule("Find harassment when handled as harassment", "Judgement(handling == Handling.HARASSMENT)",
                "actions.emit(\"RECORD_EVIDENCE\"); actions.assess(\"harassment\", \"YES\");");
        RuleLinter.Admission a = admit(ANSWERS_HANDLING + loop);
        assertEquals(null, a.rules());
        assertEquals(1, a.problems().size(), a.problems().toString());
        String message = a.problems().get(0).message();
        assertTrue(message.contains("the judgement depends on itself"), message);
        assertTrue(message.contains("\"Find harassment when handled as harassment\" reads handling"), message);
        assertTrue(message.contains("\"Handle harassment as harassment\" reads harassment"), message);
    }

    @Test
    void shouldRefuseARuleThatReadsTheAnswerItGives() {
        RuleLinter.Admission a = admit(rule("Escalate harassment", "Judgement(harassment == Harassment.YES)",
                "actions.assess(\"harassment\", \"YES\");"));
        assertOneProblem(a, 5, "rule \"Escalate harassment\" reads harassment, which rule \"Escalate harassment\" answers");
    }

    @Test
    void shouldRefuseAJudgementPatternThatNamesNoAnswer() {
        assertOneProblem(admit(rule("Apologise", "Judgement()", "actions.emit(\"APOLOGIZE_FOR_INCONVENIENCE\");")), 8,
                "a Judgement pattern names the answer it reads");
    }

    @Test
    void shouldRefuseAMisspeltJudgementFieldWithTheFieldMeant() {
        assertOneProblem(admit(rule("Apologise", "Judgement(handlng == Handling.COMPLAINT)",
                "actions.emit(\"APOLOGIZE_FOR_INCONVENIENCE\");")), 8, "no field 'handlng' on Judgement; did you mean 'handling'?");
    }

    @Test
    void shouldRefuseAHandlingThatDoesNotExist() {
        assertOneProblem(admit(rule("Apologise", "Judgement(handling == Handling.POLISE)",
                "actions.emit(\"APOLOGIZE_FOR_INCONVENIENCE\");")), 8, "no value 'POLISE' in Handling; did you mean 'POLICE'?");
    }

    @Test
    void shouldRefuseInsertingAJudgementFromARule() {
        RuleLinter.Admission a = admit(rule("Decide the handling myself", "Incident(conduct contains Conduct.THREAT)",
                "insert(new Judgement(Handling.POLICE, Harassment.YES, Justification.NO, Acceptability.NO, java.util.List.of()));"));
        assertTrue(a.problems().stream().anyMatch(p -> p.line() == 10 && p.message().contains("actions.emit")),
                a.problems().toString());
    }

    @Test
    void shouldRefuseAnImportOfAnotherPackageOfTheService() {
        String header = HEADER.replace("import io.frontlineguard.assessment.*;", "import io.frontlineguard.decision.*;");
        RuleSources sources = new RuleSources(Path.of("."), new TreeMap<>(Map.of("a.drl", header + ANSWERS_HARASSMENT)), "",
                "sha256:test");
        List<RuleProblem> problems = new RuleLinter(LESSONS).lint(sources);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("import of io.frontlineguard.decision.* is not allowed")),
                problems.toString());
    }
}
