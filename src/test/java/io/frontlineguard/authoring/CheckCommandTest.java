package io.frontlineguard.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
}
