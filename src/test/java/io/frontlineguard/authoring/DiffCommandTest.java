package io.frontlineguard.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.decision.DecisionEngine;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.scenario.ScenarioLoader;
import io.frontlineguard.verification.VerifiedRules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    /**
     * Visits the company would allow (investigated, our fault confirmed) at hours around the start of
     * the night window, so moving nightStartsHour from 20 to 21 changes exactly the 20:30 one.
     */
    private static final String NIGHT_SCENARIOS = """
            defaults:
              occurredAt: "2026-11-23T10:00:00+09:00"
              channel: PHONE
              department: sales
              caseHistory: {investigationComplete: true, companyFault: CONFIRMED}
            scenarios:
              - name: a confirmed visit at 20:30
                incident: {demands: [{type: VISIT, reasonGiven: true, requestedFor: "2026-11-24T20:30:00+09:00"}]}
                fired: [Allow a visit once the facts confirm our failure]
              - name: a confirmed visit at 21:30
                incident: {demands: [{type: VISIT, reasonGiven: true, requestedFor: "2026-11-24T21:30:00+09:00"}]}
                fired: [Allow a visit once the facts confirm our failure]
              - name: a confirmed visit at 14:00
                incident: {demands: [{type: VISIT, reasonGiven: true, requestedFor: "2026-11-24T14:00:00+09:00"}]}
                fired: [Allow a visit once the facts confirm our failure]
              - name: a confirmed visit at 07:30
                incident: {demands: [{type: VISIT, reasonGiven: true, requestedFor: "2026-11-24T07:30:00+09:00"}]}
                fired: [Allow a visit once the facts confirm our failure]
            """;

    private static final String CONFIRMED_VISIT = "{\"incidentId\":\"%s\",\"occurredAt\":\"2026-11-23T10:00:00+09:00\","
            + "\"channel\":\"PHONE\",\"department\":\"sales\","
            + "\"caseHistory\":{\"investigationComplete\":true,\"companyFault\":\"CONFIRMED\"},"
            + "\"demands\":[{\"type\":\"VISIT\",\"reasonGiven\":true,\"requestedFor\":\"2026-11-24T%s:00+09:00\"}]}";

    @TempDir
    Path tmp;

    private Path later;

    /** The built-in rules with the night starting at 21 instead of 20, plus the night scenarios. */
    @BeforeEach
    void nightStartsAnHourLater() {
        later = Cli.copyOfBuiltInRules(tmp.resolve("later"));
        Path thresholds = later.resolve("thresholds.yaml");
        String text = Cli.read(thresholds);
        assertTrue(text.contains("nightStartsHour: 20\n"), "the built-in night starts at 20");
        Cli.write(thresholds, text.replace("nightStartsHour: 20\n", "nightStartsHour: 21\n"));
        Cli.write(later.resolve("night.scenarios.yaml"), NIGHT_SCENARIOS);
    }

    @Test
    void shouldListExactlyTheScenariosAThresholdChangeAffects() {
        Cli.Run run = Cli.run("diff", "rules", later.toString());

        Set<String> expected = changedBuiltInScenarios();
        expected.add(later.resolve("night.scenarios.yaml") + ":7: a confirmed visit at 20:30");
        assertEquals(expected, changedLabels(run), run.toString());
        int all = ScenarioLoader.load(FolderSnapshot.read(Cli.BUILT_IN_RULES)).size() + 4;
        assertTrue(run.lines().contains(all + " incidents, " + expected.size() + " changed"), run.toString());
        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());

        String out = run.out();
        assertTrue(out.contains("  - POSTPONE_VISIT from [Postpone a visit requested for night hours]\n"), out);
        assertTrue(out.contains("  + ALLOW_VISIT from [Allow a visit once the facts confirm our failure]\n"), out);
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("  before: ") && l.contains("POSTPONE_VISIT")
                && l.contains("REQUIRE_TWO_PERSON_ATTENDANCE {\"minPeople\":2}")), out);
    }

    @Test
    void shouldShowAChangeThatAltersOnlyTheAssessment() {
        Path softer = Cli.copyOfBuiltInRules(tmp.resolve("softer"));
        Path drl = softer.resolve("assessment.drl");
        String text = Cli.read(drl);
        String undetermined = "    actions.assess(\"harassment\", \"UNDETERMINED\");\n";
        assertTrue(text.contains(undetermined), "the built-in rules leave pressure undetermined");
        Cli.write(drl, text.replace(undetermined, ""));

        Cli.Run run = Cli.run("diff", "rules", softer.toString());
        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("  assessment before: handling COMPLAINT, harassment UNDETERMINED")), run.toString());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("  assessment after:  handling COMPLAINT, harassment NO")), run.toString());
        assertTrue(run.lines().stream().anyMatch(l -> l.contains("pulling rank for compensation before investigation")),
                run.toString());
    }

    @Test
    void shouldReportNoChangeBetweenIdenticalFolders() {
        Path same = Cli.copyOfBuiltInRules(tmp.resolve("same"));
        Cli.Run run = Cli.run("diff", "rules", same.toString());
        assertEquals(AuthorCommands.OK, run.exitCode(), run.toString());
        int all = ScenarioLoader.load(FolderSnapshot.read(Cli.BUILT_IN_RULES)).size();
        assertTrue(run.lines().contains(all + " incidents, 0 changed"), run.toString());
        assertTrue(run.lines().stream().noneMatch(l -> l.startsWith("  before: ")), run.toString());
    }

    @Test
    void shouldDecideRecordedIncidentsAndSkipABadLineByItsNumber() {
        Path incidents = tmp.resolve("incidents.jsonl");
        Cli.write(incidents, String.join("\n",
                CONFIRMED_VISIT.formatted("N-1", "20:30"),
                "{\"occurredAt\": \"2026-11-23T10:00:00+09:00\", ",
                CONFIRMED_VISIT.formatted("N-3", "14:00").replace("\"caseHistory\"", "\"caseHistroy\""),
                "",
                CONFIRMED_VISIT.formatted("N-5", "14:00"),
                CONFIRMED_VISIT.formatted("N-6", "23:00")) + "\n");

        Cli.Run run = Cli.run("diff", "rules", later.toString(), incidents.toString());

        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith(incidents + ":2: skipped, invalid incident: the body is not valid JSON")), run.toString());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith(incidents + ":3: skipped, invalid incident: caseHistroy: ")), run.toString());
        assertTrue(run.lines().contains("2 skipped (listed above)"), run.toString());
        Set<String> changed = changedLabels(run);
        assertTrue(changed.contains(incidents + ":1: incident N-1"), run.toString());
        assertTrue(changed.stream().noneMatch(l -> l.startsWith(incidents + ":5:") || l.startsWith(incidents + ":6:")), run.toString());
        int all = ScenarioLoader.load(FolderSnapshot.read(Cli.BUILT_IN_RULES)).size() + 4 + 3;
        int expected = changedBuiltInScenarios().size() + 1 + 1;
        assertTrue(run.lines().contains(all + " incidents, " + expected + " changed"), run.toString());
        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
    }

    /**
     * A decision log line is replayed with the facts it logged, memory's included: the call-backs
     * demanded on an earlier contact are in the log, not in the request, and the diff still sees them.
     */
    @Test
    void shouldReplayADecisionLogLineWithTheFactsMemoryContributed() throws Exception {
        Path without = Cli.copyOfBuiltInRules(tmp.resolve("without"));
        Path answers = without.resolve("answers.drl");
        String text = Cli.read(answers);
        int start = text.indexOf("rule \"Close a case on which periodic call-backs were demanded with a final answer\"");
        assertTrue(start > 0, "the built-in rule exists");
        Cli.write(answers, text.substring(0, start) + text.substring(text.indexOf("\nend\n", start) + 5));
        String scenarios = Cli.read(without.resolve("answers.scenarios.yaml"));
        Cli.write(without.resolve("answers.scenarios.yaml"), scenarios.replace("{code: ISSUE_FINAL_ANSWER, byRole: MANAGER}", "CONFIRM_DEMANDS"));
        io.frontlineguard.incident.Incident reported = new IncidentReader().read(("{\"incidentId\": \"M-1\","
                + " \"caseId\": \"C-1\", \"occurredAt\": \"2026-06-10T11:00:00+09:00\", \"channel\": \"PHONE\","
                + " \"department\": \"sales\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var h = reported.caseHistory();
        // Investigated, as memory may know: a final answer needs its facts established (LG-18).
        var seen = reported.withFacts(reported.caller(), reported.demands(), new io.frontlineguard.incident.CaseHistory(
                h.openedAt(), 0, 3, 0, h.companyFault(), true, h.managementAnswer(), h.severity(), 0, true), reported.handler());
        String line = new io.frontlineguard.decisionlog.EntryFormatter(new io.frontlineguard.decisionlog.PersonalIdMasker(
                "a-test-key-that-is-long-enough-for-hmac")).format(new io.frontlineguard.decision.Decision("d-1", seen,
                "sha256:0", io.frontlineguard.decision.Evaluation.none(java.time.Duration.ofMillis(5))), 0, false);
        Path log = tmp.resolve("decisions.jsonl");
        Cli.write(log, line + "\n");

        Cli.Run run = Cli.run("diff", "rules", without.toString(), log.toString());

        assertTrue(run.lines().contains(log + ":1: incident M-1"), run.toString());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("  - ISSUE_FINAL_ANSWER {\"byRole\":\"MANAGER\"}")), run.toString());
    }

    @Test
    void shouldRefuseToCompareRulesThatDoNotCompile() {
        Cli.write(later.resolve("broken.drl"), "package x;\nrule \"Half\"\nwhen\n");
        Cli.Run run = Cli.run("diff", "rules", later.toString());
        assertEquals(AuthorCommands.USAGE, run.exitCode(), run.toString());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith(later.resolve("broken.drl") + ":4:")), run.toString());
        assertTrue(run.lines().stream().noneMatch(l -> l.contains("null Package")), run.toString());
    }

    @Test
    void shouldRejectAWrongNumberOfArguments() {
        Cli.Run run = Cli.run("diff", "rules");
        assertEquals(AuthorCommands.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("Missing required parameter: '<new-dir>'\nUsage: guard diff [-hV] <old-dir> <new-dir> [incidents.jsonl]"),
                run.toString());
    }

    /**
     * Worked out apart from the command: the built-in scenarios whose resolved actions differ when
     * the engine decides them directly under both rule sets.
     */
    private Set<String> changedBuiltInScenarios() {
        VerifiedRules verified = new VerifiedRules(Clock.systemUTC());
        RuleSet before = verified.compile(Cli.BUILT_IN_RULES);
        RuleSet after = verified.compile(later);
        DecisionEngine engine = new DecisionEngine();
        Set<String> changed = new TreeSet<>();
        for (Scenario s : ScenarioLoader.load(FolderSnapshot.read(Cli.BUILT_IN_RULES))) {
            var incident = new IncidentReader().read(s.incident());
            List<String> was = engine.evaluate(before, incident).resolution().actions().stream()
                    .map(a -> a.code() + " " + a.params()).toList();
            List<String> is = engine.evaluate(after, incident).resolution().actions().stream()
                    .map(a -> a.code() + " " + a.params()).toList();
            if (!was.equals(is)) {
                changed.add(later.resolve(s.file()) + ":" + s.line() + ": " + s.name());
            }
        }
        return changed;
    }

    /** The heading of every changed block: the line just before its "before:" line. */
    private static Set<String> changedLabels(Cli.Run run) {
        List<String> lines = run.lines();
        Set<String> labels = new TreeSet<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  before: ")) {
                labels.add(lines.get(i - 1));
            }
        }
        return labels;
    }
}
