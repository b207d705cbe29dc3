package io.frontlineguard.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed");

    /** A small rules folder of two lessons and two rules, so coverage can be complete or not at will. */
    private static final String LESSONS = """
            lessons:
              L004-1: Ask why a visit is demanded; without a reason, no visit.
              L004-2: Every visit is made by two or more people.
            """;

    private static final String RULES = """
            package frontlineguard.small;

            import io.frontlineguard.incident.*;
            import io.frontlineguard.ruleset.Thresholds;

            global io.frontlineguard.decision.ActionSink actions;

            rule "Refuse a visit when the caller gives no reason"
                @lesson("L004-1") @en("No reason, no visit.") @ja("理由がないため訪問しません。")
            when
                Demand(type == DemandType.VISIT, reasonGiven == false)
            then
                actions.emit("REFUSE_VISIT");
            end

            rule "Send at least two staff on any visit"
                @lesson("L004-2") @en("Two or more staff.") @ja("二名以上で対応します。")
            when
                Demand(type == DemandType.VISIT)
                $t : Thresholds()
            then
                actions.emit("REQUIRE_TWO_PERSON_ATTENDANCE", "minPeople", $t.minVisitStaff());
            end
            """;

    private static final String SCENARIO_HEAD = """
            defaults:
              occurredAt: "2026-11-23T10:00:00+09:00"
              channel: PHONE
              department: call-center
            scenarios:
            """;

    private static final String NO_REASON = """
              - name: a visit without a reason is refused
                lessons: [L004-1]
                incident:
                  demands: [{type: VISIT}]
                expect: [REFUSE_VISIT]
            """;

    private static final String TWO_STAFF = """
              - name: a reasoned visit still takes two staff
                lessons: [L004-2]
                incident:
                  demands: [{type: VISIT, reasonGiven: true}]
                expect: [{code: REQUIRE_TWO_PERSON_ATTENDANCE, minPeople: 2}]
                absent: [REFUSE_VISIT]
            """;

    /** The near miss of both lessons' rules: a reason given, so nothing is refused; and an interaction of the two. */
    private static final String WITH_REASON = """
              - name: a visit with a reason is staffed but not refused
                lessons: [L004-1, L004-2]
                incident:
                  demands: [{type: VISIT, reasonGiven: true}]
                expect: [REQUIRE_TWO_PERSON_ATTENDANCE]
                absent: [REFUSE_VISIT]
            """;

    /** No visit at all: neither rule fires, the near miss of both lessons. */
    private static final String NO_VISIT = """
              - name: a written apology is neither refused as a visit nor staffed
                lessons: [L004-2, L004-1]
                incident:
                  demands: [{type: WRITTEN_APOLOGY}]
                absent: [REFUSE_VISIT, REQUIRE_TWO_PERSON_ATTENDANCE]
            """;

    /** Every lesson has its case, a near miss and an interaction: ready. */
    private static final String READY = NO_REASON.replace("lessons: [L004-1]", "lessons: [L004-1, L004-2]") + WITH_REASON + NO_VISIT;

    @TempDir
    Path tmp;

    private Path smallRules(String scenarios) {
        Path dir = tmp.resolve("small");
        Cli.write(dir.resolve("lessons.yaml"), LESSONS);
        Cli.write(dir.resolve("thresholds.yaml"), Cli.read(Cli.BUILT_IN_RULES.resolve("thresholds.yaml")));
        Cli.write(dir.resolve("visits.drl"), RULES);
        Cli.write(dir.resolve("visits.scenarios.yaml"), SCENARIO_HEAD + scenarios);
        return dir;
    }

    @Test
    void shouldPassWhenEveryRuleFiresAndEveryLessonHasItsCaseANearMissAndAnInteraction() {
        Path dir = smallRules(READY);
        Cli.Run run = Cli.run("test", dir.toString());
        assertEquals(AuthorCommands.OK, run.exitCode(), run.toString());
        assertEquals("""
                3 passed, 0 failed
                rule coverage: 2/2 rules fired by a scenario
                lesson coverage: 2/2 lessons with their case, near miss and interaction
                ready: a replica would put version %s in force
                """.formatted(FolderSnapshot.read(dir).version()), run.out());
    }

    @Test
    void shouldFailALessonNamedByOneScenarioAsTheBuildAndTheServiceDo() {
        // Each lesson has one scenario, its case: the folder the issue found passing here and failing the build.
        Path dir = smallRules(NO_REASON + TWO_STAFF);
        Cli.Run run = Cli.run("test", dir.toString());
        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        assertTrue(run.lines().contains("lesson coverage: 0/2 lessons with their case, near miss and interaction"), run.toString());
        assertTrue(run.lines().contains(dir.resolve("lessons.yaml") + ":2:3: lesson 'L004-1' is not covered: 1 scenario names it,"
                + " it needs 3 at least; it lacks a near miss (a scenario naming it in which a rule citing it does not fire),"
                + " an interaction (a scenario naming it and another lesson, in which a rule citing it fires)"), run.toString());
        assertTrue(run.lines().contains("not ready: 2 problems; a replica refuses this folder and keeps the rules it has in force"),
                run.toString());
    }

    @Test
    void shouldFailAScenarioThatNamesNoLesson() {
        Path dir = smallRules(READY + NO_REASON.replace("    lessons: [L004-1]\n", "").replace("is refused", "is refused again"));
        Cli.Run run = Cli.run("test", dir.toString());
        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        assertTrue(run.lines().contains(dir.resolve("visits.scenarios.yaml") + ":22:1: scenario 'a visit without a reason is refused again'"
                + " names no lesson: add 'lessons: [...]' with the lessons its decision protects"), run.toString());
    }

    @Test
    void shouldFailOnARuleNoScenarioFires() {
        Path dir = smallRules(READY);
        Cli.write(dir.resolve("unverified.drl"), RULES.substring(0, RULES.indexOf("rule ")) + """
                rule "Refuse a visit to a caller who cannot be verified"
                    @lesson("L004-1") @en("Maybe a prank.") @ja("いたずらの可能性があります。")
                when
                    Caller(identified == false)
                    Demand(type == DemandType.VISIT)
                then
                    actions.emit("REFUSE_VISIT");
                end
                """);
        Cli.Run run = Cli.run("test", dir.toString());
        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        assertTrue(run.lines().contains("3 passed, 0 failed"), run.toString());
        assertTrue(run.lines().contains("rule coverage: 2/3 rules fired by a scenario"), run.toString());
        assertTrue(run.lines().contains(dir.resolve("unverified.drl") + ":8:1: rule \"Refuse a visit to a caller who cannot be verified\""
                + " is not covered: no scenario fires it; add one whose decision depends on it"), run.toString());
    }

    @Test
    void shouldPassEveryBuiltInScenario() {
        Cli.Run run = Cli.run("test", "rules");
        // Coverage of the built-in rules grows with the scenarios other branches add; failures must be 0 now.
        var summary = run.lines().stream().filter(l -> SUMMARY.matcher(l).matches()).toList();
        assertEquals(1, summary.size(), run.toString());
        var m = SUMMARY.matcher(summary.get(0));
        assertTrue(m.matches());
        assertTrue(Integer.parseInt(m.group(1)) > 0, run.toString());
        assertEquals("0", m.group(2), run.toString());
        assertTrue(run.out().contains("rule coverage: "), run.toString());
        assertTrue(run.out().contains("lesson coverage: "), run.toString());
    }

    @Test
    void shouldShowTheDiffAndTheRulesThatFiredForAFailingScenario() {
        Path dir = Cli.copyOfBuiltInRules(tmp);
        Cli.write(dir.resolve("wrong.scenarios.yaml"), SCENARIO_HEAD + """
                  - name: a visit without a reason is allowed
                    incident:
                      demands: [{type: VISIT}]
                    expect: [ALLOW_VISIT, {code: REQUIRE_TWO_PERSON_ATTENDANCE, minPeople: 3}]
                    absent: [REFUSE_VISIT]
                """);
        Cli.Run run = Cli.run("test", dir.toString());
        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains(dir.resolve("wrong.scenarios.yaml") + ":6: scenario 'a visit without a reason is allowed' failed"), out);
        assertTrue(out.contains("  missing action: ALLOW_VISIT\n"), out);
        assertTrue(out.contains("  wrong params: expected REQUIRE_TWO_PERSON_ATTENDANCE {\"minPeople\":3}, got [REQUIRE_TWO_PERSON_ATTENDANCE {\"minPeople\":2}]"), out);
        assertTrue(out.contains("  unexpected action: [REFUSE_VISIT] from [Refuse a visit when the caller gives no reason]"), out);
        assertTrue(out.contains("  rules fired: ["), out);
        int builtIn = ScenarioLoader.load(FolderSnapshot.read(Cli.BUILT_IN_RULES)).size();
        assertTrue(run.lines().contains(builtIn + " passed, 1 failed"), run.toString());
    }

    @Test
    void shouldMatchAnEmployeeInScenarioMemoryUnderAnySpellingAsTheServiceDoes() {
        Path dir = Cli.copyOfBuiltInRules(tmp);
        Cli.write(dir.resolve("spelling.scenarios.yaml"), SCENARIO_HEAD + """
                  - name: the operator asked for again is recognised though memory spells her id in full width
                    incident:
                      caseId: CASE-001
                      demands: [{type: SPECIFIC_STAFF, employeeId: " op-7 "}]
                    memory:
                      case: {contacts: 5, demandedStaff: ["\uFF4F\uFF50\uFF0D\uFF17"]}
                    expect: [EMPLOYEE_CARE, DENY_STAFF_SELECTION]
                """);
        Cli.Run run = Cli.run("test", dir.toString());
        assertTrue(run.out().contains("0 failed"), run.toString());
    }

    @Test
    void shouldNameTheLineAndColumnOfAMisspeltScenarioKey() {
        Cli.Run run = Cli.run("test", smallRules(NO_REASON.replace("expect:", "expct:")).toString());
        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith(tmp.resolve("small/visits.scenarios.yaml") + ":10:5: unknown key 'expct'; did you mean 'expect'?"), run.toString());
    }

    @Test
    void shouldPointToTheCheckCommandAsTheReadmeTeachesItWhenTheRulesDoNotCompile() {
        Path dir = Cli.copyOfBuiltInRules(tmp);
        Path visits = dir.resolve("visits.drl");
        Cli.write(visits, Cli.read(visits).replaceFirst("then", "when"));

        Cli.Run run = Cli.run("test", dir.toString());

        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        assertEquals("the rules do not compile or a scenario file cannot be read; for every problem at once run: ./guard check "
                + dir, run.lines().get(run.lines().size() - 1));
    }
}
