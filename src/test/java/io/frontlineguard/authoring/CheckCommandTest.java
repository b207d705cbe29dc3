package io.frontlineguard.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    /** A rule file of known lines for the broken cases; line numbers below refer to it. */
    private static final String HEADER = """
            package frontlineguard.authoring;

            import io.frontlineguard.incident.*;

            global io.frontlineguard.decision.ActionSink actions;

            """;

    @TempDir
    Path tmp;

    private Cli.Run checkWith(String rules) {
        Path dir = Cli.copyOfBuiltInRules(tmp);
        Cli.write(dir.resolve("extra.drl"), HEADER + rules);
        return Cli.run("check", dir.toString());
    }

    private static void assertReports(Cli.Run run, String location, String fragment) {
        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith(location) && l.contains(fragment)),
                "expected a line starting " + location + " mentioning " + fragment + "\n" + run);
    }

    @Test
    void shouldPassTheBuiltInRules() {
        Cli.Run run = Cli.run("check", "rules");
        assertEquals(AuthorCommands.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("OK: "), run.toString());
    }

    @Test
    void shouldExitNonZeroOnADrlSyntaxError() {
        Cli.Run run = checkWith("""
                rule "Refuse a visit without a reason"
                    @lesson("L004-1") @en("e") @ja("j")
                when
                    Demand(type == DemandType.VISIT
                then
                    actions.emit("REFUSE_VISIT");
                end
                """);
        assertReports(run, tmp.resolve("rules/extra.drl") + ":11:", "unexpected 'then'");
        assertTrue(run.out().lines().noneMatch(l -> l.contains("null Package")), run.toString());
    }

    @Test
    void shouldExitNonZeroOnARuleWithoutLesson() {
        Cli.Run run = checkWith("""
                rule "Refuse a visit without a reason"
                    @en("e") @ja("j")
                when
                    Demand(type == DemandType.VISIT)
                then
                    actions.emit("REFUSE_VISIT");
                end
                """);
        assertReports(run, tmp.resolve("rules/extra.drl") + ":7:", "names no lesson");
        assertEquals(2, run.lines().size(), "one problem line and the count\n" + run);
    }

    @Test
    void shouldExitNonZeroOnSystemExitInAConsequence() {
        Cli.Run run = checkWith("""
                rule "Refuse a visit without a reason"
                    @lesson("L004-1") @en("e") @ja("j")
                when
                    Demand(type == DemandType.VISIT)
                then
                    actions.emit("REFUSE_VISIT");
                    System.exit(1);
                end
                """);
        assertReports(run, tmp.resolve("rules/extra.drl") + ":13:5:",
                "a consequence may only call actions.emit(\"CODE\", …) or actions.assess(\"field\", \"VALUE\"); found 'System'");
    }

    @Test
    void shouldReportLessonsAndActionCodesOutsideTheCatalogueAndContract() {
        Cli.Run run = checkWith("""
                rule "Send flowers"
                    @lesson("LX-99") @en("e") @ja("j")
                when
                    Demand(type == DemandType.VISIT)
                then
                    actions.emit("SEND_FLOWERS");
                end
                """);
        assertReports(run, tmp.resolve("rules/extra.drl") + ":8:", "lesson 'LX-99' is not in lessons.yaml");
        assertReports(run, tmp.resolve("rules/extra.drl") + ":12:", "'SEND_FLOWERS' is not an action code");
    }

    @Test
    void shouldReportABrokenThresholdsFileWithTheDrlProblemsInOneRun() {
        Path dir = Cli.copyOfBuiltInRules(tmp);
        Path thresholds = dir.resolve("thresholds.yaml");
        Cli.write(thresholds, Cli.read(thresholds).replace("nightStartsHour: 20", "nightStartHour: 20"));
        Cli.write(dir.resolve("extra.drl"), HEADER + """
                rule "Refuse a visit without a reason"
                    @en("e") @ja("j")
                when
                    Demand(type == DemandType.VISIT)
                then
                    actions.emit("REFUSE_VISIT");
                end
                """);
        Cli.Run run = Cli.run("check", dir.toString());
        assertReports(run, dir.resolve("thresholds.yaml") + ":", "unknown threshold 'nightStartHour'; did you mean 'nightStartsHour'?");
        assertReports(run, dir.resolve("extra.drl") + ":7:", "names no lesson");
    }

    @Test
    void shouldExitWithTheUsageCodeWhenTheFolderIsMissing() {
        Cli.Run run = Cli.run("check", "src/test/resources/no-such-rules");
        assertEquals(AuthorCommands.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("src/test/resources/no-such-rules: no such rules folder"), run.toString());
    }

    @Test
    void shouldReportEveryMistakeOfAScenarioFileAtOnceEachAtItsKeyOrValue() {
        Path dir = Cli.copyOfBuiltInRules(tmp);
        Cli.write(dir.resolve("mistakes.scenarios.yaml"), """
                defaults:
                  occurredAt: "2026-11-23T10:00:00+09:00"
                  channel: PHONE
                  department: call-center
                scenarios:
                  - name: a visit without a reason is refused
                    lessons: [L004-1, L004-99]
                    incident:
                      demands: [{type: VISITT}]
                    expct: [REFUSE_VISIT]
                  - name: two staff go
                    lessons: [L004-2]
                    incident:
                      demands: [{type: VISIT}]
                      caller: {callerId: c-1, polceInvolvement: ARRESTED}
                    expect:
                      - REFUSE_VISITT
                      - {code: REQUIRE_TWO_PERSON_ATTENDANCE, minPeeple: 2}
                    absent: [ALLOW_VISTI]
                    assessment: {harassment: YSE, meansAcceptible: "NO"}
                    memory:
                      case: {contacts: 2, severity: HIHG}
                """);

        Cli.Run run = Cli.run("check", dir.toString());

        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        String file = dir.resolve("mistakes.scenarios.yaml").toString();
        assertEquals(List.of(
                file + ":7:23: scenario 'a visit without a reason is refused' names lesson 'L004-99', which is not in lessons.yaml",
                file + ":9:24: scenario 'a visit without a reason is refused': its incident is not valid: demands[0].type must be one of"
                        + " VISIT, APOLOGY_FROM_EMPLOYEE, SPECIFIC_STAFF, MONETARY_COMPENSATION, WRITTEN_APOLOGY, RECURRENCE_PREVENTION,"
                        + " RESUME_SERVICE, MEETING_AT_HEADQUARTERS, IMMEDIATE_ANSWER, PERIODIC_CALLBACK, KNEELING_APOLOGY, FREE_SERVICE,"
                        + " EMPLOYEE_DISMISSAL; did you mean VISIT?",
                file + ":10:5: unknown key 'expct'; did you mean 'expect'? allowed: [absent, assessment, expect, fired, incident,"
                        + " ja_name, lessons, memory, name, only, overridden]",
                file + ":15:31: scenario 'two staff go': its incident is not valid: caller.polceInvolvement is not a field of the"
                        + " caller object; did you mean policeInvolvement?",
                file + ":17:9: 'REFUSE_VISITT' is not an action code of the contract; did you mean 'REFUSE_VISIT'?",
                file + ":18:47: REQUIRE_TWO_PERSON_ATTENDANCE has no param 'minPeeple'; did you mean 'minPeople'?; it has [minPeople]",
                file + ":19:14: 'ALLOW_VISTI' is not an action code of the contract; did you mean 'ALLOW_VISIT'?",
                file + ":20:30: 'YSE' is not a value of harassment; did you mean 'YES'?; values: [YES, UNDETERMINED, NO]",
                file + ":20:35: unknown key 'meansAcceptible' in 'assessment'; did you mean 'meansAcceptable'?; allowed:"
                        + " [handling, harassment, demandJustified, meansAcceptable, types]",
                file + ":22:37: 'HIHG' is not a severity; did you mean 'HIGH'? allowed: [LOW, MEDIUM, HIGH]",
                "10 problems"), run.lines());
    }
}
