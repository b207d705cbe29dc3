package io.frontlineguard.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RuleLinterTest {

    private static final LessonCatalogue LESSONS = new LessonCatalogue(new TreeMap<>(java.util.Map.of("L004-1", "x")));

    private static final String HEADER = """
            package t;
            import io.frontlineguard.incident.*;
            global io.frontlineguard.decision.ActionSink actions;
            """;

    private static List<RuleProblem> lint(String rules) {
        RuleSources sources = new RuleSources(Path.of("."), new TreeMap<>(java.util.Map.of("a.drl", HEADER + rules)), "", "sha256:test");
        return new RuleLinter(LESSONS).lint(sources);
    }

    private static String rule(String lesson, String then) {
        return """
                rule "Refuse a visit"
                    @lesson("%s") @en("e") @ja("j")
                when
                    Demand(type == DemandType.VISIT)
                then
                    %s
                end
                """.formatted(lesson, then);
    }

    private static void assertOneProblem(List<RuleProblem> problems, int line, String fragment) {
        assertEquals(1, problems.size(), problems.toString());
        RuleProblem p = problems.get(0);
        assertEquals("a.drl", p.file());
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.message().contains(fragment), p.toString());
    }

    @Test
    void shouldAcceptARuleThatOnlyEmitsContractActions() {
        assertEquals(List.of(), lint(rule("L004-1", "actions.emit(\"REFUSE_VISIT\"); // now, System.exit in a comment")));
    }

    @Test
    void shouldAcceptAnAssessmentAnswerBesideTheActions() {
        assertEquals(List.of(), lint(rule("L004-1",
                "actions.emit(\"REFUSE_VISIT\"); actions.assess(\"harassment\", \"YES\"); actions.assess(\"types\", \"THREAT\");")));
    }

    @Test
    void shouldRejectAMisspeltAssessmentFieldWithTheFieldMeant() {
        assertOneProblem(lint(rule("L004-1", "actions.assess(\"harasment\", \"YES\");")), 9,
                "'harasment' is not a field of the assessment; did you mean 'harassment'?");
    }

    @Test
    void shouldRejectAValueTheFieldDoesNotTake() {
        assertOneProblem(lint(rule("L004-1", "actions.assess(\"meansAcceptable\", \"UNDETERMINED\");")), 9,
                "'UNDETERMINED' is not a value of meansAcceptable");
        assertOneProblem(lint(rule("L004-1", "actions.assess(\"types\", \"SHOUTING\");")), 9,
                "'SHOUTING' is not a value of types");
    }

    @Test
    void shouldRejectAnAssessmentWithCodeInsteadOfALiteral() {
        assertOneProblem(lint(rule("L004-1", "actions.assess(\"harassment\", System.getenv(\"X\"));")), 9,
                "is not a value of harassment");
    }

    @Test
    void shouldRejectAConsequenceCallingSystemExit() {
        List<RuleProblem> problems = lint(rule("L004-1", "System.exit(1);"));
        assertTrue(problems.stream().anyMatch(p -> p.line() == 9 && p.message().contains("actions.emit")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.line() == 9 && p.message().contains("'System'")), problems.toString());
    }

    @Test
    void shouldRejectSystemHiddenInsideAnEmitArgument() {
        List<RuleProblem> problems = lint(rule("L004-1", "actions.emit(\"ESCALATE\", \"to\", System.getenv(\"X\"));"));
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("'System'")), problems.toString());
    }

    @Test
    void shouldRejectARuleWithoutLesson() {
        assertOneProblem(lint("""
                rule "Refuse a visit"
                    @en("e") @ja("j")
                when
                    Demand()
                then
                    actions.emit("REFUSE_VISIT");
                end
                """), 4, "names no lesson");
    }

    @Test
    void shouldPlaceAMissingLessonOnTheRuleLineNotOnTheBlankLineAbove() {
        assertOneProblem(lint("""

                rule "Refuse a visit"
                    @en("e") @ja("j")
                when
                    Demand()
                then
                    actions.emit("REFUSE_VISIT");
                end
                """), 5, "names no lesson");
    }

    @Test
    void shouldRejectALessonMissingFromTheCatalogue() {
        assertOneProblem(lint(rule("L999-9", "actions.emit(\"REFUSE_VISIT\");")), 5, "L999-9");
    }

    @Test
    void shouldRejectAnActionCodeOutsideTheContract() {
        assertOneProblem(lint(rule("L004-1", "actions.emit(\"SEND_FLOWERS\");")), 9, "SEND_FLOWERS");
    }

    @Test
    void shouldRejectReadingTheWallClock() {
        List<RuleProblem> problems = lint("""
                rule "Refuse a visit at night"
                    @lesson("L004-1") @en("e") @ja("j")
                when
                    Demand(visitHour > java.time.LocalTime.now().getHour())
                then
                    actions.emit("REFUSE_VISIT");
                end
                """.replace("java.time.", ""));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.line() == 7 && p.message().contains("'LocalTime' would read the wall clock")),
                problems.toString());
    }

    @Test
    void shouldRejectImportsOutsideTheFactTypes() {
        List<RuleProblem> problems = lint("import java.io.File;\n" + rule("L004-1", "actions.emit(\"REFUSE_VISIT\");"));
        assertTrue(problems.stream().anyMatch(p -> p.line() == 4 && p.message().contains("import of java.io.File")), problems.toString());
    }

    @Test
    void shouldRejectASecondCallHiddenByAMissingSemicolon() {
        List<RuleProblem> problems = lint(rule("L004-1", "actions.emit(\"REFUSE_VISIT\")\n    actions.toString()"));
        assertTrue(problems.stream().anyMatch(p -> p.line() == 10 && p.message().contains("expected ';' after actions.emit")),
                problems.toString());
    }

    @Test
    void shouldRejectSwitchingToTheMvelDialect() {
        List<RuleProblem> problems = lint("dialect \"mvel\"\n" + rule("L004-1", "actions.emit(\"REFUSE_VISIT\");"));
        assertTrue(problems.stream().anyMatch(p -> p.line() == 4 && p.message().contains("package attributes")), problems.toString());
    }

    @Test
    void shouldRejectSalience() {
        assertOneProblem(lint("""
                rule "Refuse a visit first"
                    @lesson("L004-1") @en("e") @ja("j")
                    salience 100
                when
                    Demand()
                then
                    actions.emit("REFUSE_VISIT");
                end
                """), 6, "resolution");
    }

    @Test
    void shouldRejectFunctionsAndFactChanges() {
        List<RuleProblem> problems = lint("function void boom() { }\n"
                + rule("L004-1", "insert(new Object());"));
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("functions are not allowed")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("found 'insert'")), problems.toString());
    }

    @Test
    void shouldLintTheBuiltInRulesClean() {
        Path dir = Path.of("rules");
        assertEquals(List.of(), new RuleLinter(LessonCatalogue.read(FolderSnapshot.read(dir))).lint(RuleSources.of(FolderSnapshot.read(dir))));
    }
}
