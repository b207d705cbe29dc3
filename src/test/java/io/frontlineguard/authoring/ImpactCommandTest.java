package io.frontlineguard.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.decision.Decision;
import io.frontlineguard.decision.DecisionEngine;
import io.frontlineguard.decision.Evaluation;
import io.frontlineguard.decision.MemoryUse;
import io.frontlineguard.decisionlog.DecisionLogWriter;
import io.frontlineguard.decisionlog.EntryFormatter;
import io.frontlineguard.decisionlog.PersonalIdMasker;
import io.frontlineguard.decisionlog.RotatingFileSink;
import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.memory.CallerMemory;
import io.frontlineguard.memory.CaseMemory;
import io.frontlineguard.memory.Recall;
import io.frontlineguard.memory.Recollection;
import io.frontlineguard.memory.Source;
import io.frontlineguard.memory.Sourced;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.verification.Readiness;
import io.frontlineguard.verification.VerifiedRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * guard impact over a decision log written by the real logger (formatter, writer thread, rotating
 * file) from decisions the engine made under the built-in rules with case memory's recollection,
 * replayed under a candidate that changes one rule.
 */
class ImpactCommandTest {

    private static final PersonalIdMasker MASKER = new PersonalIdMasker("an-impact-test-key-long-enough-for-hmac");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = "Escalate a long-standing client's complaint about our failure to a supervisor";
    private static final String CALLER = "090-1234-5678";

    /** A key client's complaint; the request does not know the fault is confirmed, the case memory does. */
    private static final String KEY_CLIENT = "{\"incidentId\": \"%s\", \"caseId\": \"C-1\","
            + " \"occurredAt\": \"2026-11-23T10:00:00+09:00\", \"channel\": \"EMAIL\", \"department\": \"sales\","
            + " \"caller\": {\"callerId\": \"" + CALLER + "\", \"kind\": \"BUSINESS_CLIENT\", \"keyAccount\": true,"
            + " \"relationshipYears\": 6}, \"handler\": {\"employeeId\": \"ld-1\", \"role\": \"LEADER\"},"
            + " \"caseHistory\": {\"contactCount\": 2}}";
    private static final String CONSUMER = "{\"incidentId\": \"I-2\", \"occurredAt\": \"2026-11-23T11:00:00+09:00\","
            + " \"channel\": \"PHONE\", \"department\": \"call-center\", \"caller\": {\"callerId\": \"080-9999-0000\"},"
            + " \"conduct\": [\"VERBAL_ABUSE\"], \"handler\": {\"employeeId\": \"op-2\", \"role\": \"OPERATOR\"}}";

    @TempDir
    Path tmp;

    private Path candidate;
    private Path log;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String changed = UUID.randomUUID().toString();
    private final String unchanged = UUID.randomUUID().toString();

    private record Entry(Decision decision, long epochMillis, boolean timedOut) {
    }

    /** The built-in rules with one rule changed: the key client's complaint goes to a manager, and legal is consulted. */
    @BeforeEach
    void oneRuleChanged() throws Exception {
        candidate = Cli.copyOfBuiltInRules(tmp.resolve("candidate"));
        Path answers = candidate.resolve("answers.drl");
        String text = Cli.read(answers);
        String escalate = "    actions.emit(\"ESCALATE\", \"to\", Role.SUPERVISOR);\nend\n";
        int at = text.indexOf(escalate, text.indexOf("rule \"" + RULE + "\""));
        assertTrue(at > 0, "the built-in rule escalates to a supervisor");
        Cli.write(answers, text.substring(0, at) + "    actions.emit(\"ESCALATE\", \"to\", Role.MANAGER);\n"
                + "    actions.emit(\"CONSULT_LEGAL\");\nend\n" + text.substring(at + escalate.length()));
        log = tmp.resolve("log").resolve("decisions.jsonl");
        writeLog();
    }

    /** Five lines: a changed decision, an unchanged one, one before the period, a timed-out one, a torn line. */
    private void writeLog() throws Exception {
        RuleSet inForce = new VerifiedRules(Clock.systemUTC()).compile(Cli.BUILT_IN_RULES);
        DecisionEngine engine = new DecisionEngine();
        EntryFormatter formatter = new EntryFormatter(MASKER);
        DecisionLogWriter<Entry> writer = new DecisionLogWriter<>(16, Duration.ofSeconds(1),
                new RotatingFileSink(log, 1 << 20, 2), e -> formatter.format(e.decision(), e.epochMillis(), e.timedOut()),
                e -> e.decision().decisionId());
        Recall.Recalled keyClient = remembered(KEY_CLIENT.formatted("I-1"));
        Recall.Recalled older = remembered(KEY_CLIENT.formatted("I-3"));
        Incident consumer = new IncidentReader().read(CONSUMER.getBytes(StandardCharsets.UTF_8));
        writer.submit(new Entry(decided(engine, inForce, changed, keyClient), millisAgo(Duration.ofDays(2)), false));
        writer.submit(new Entry(new Decision(unchanged, consumer, inForce.version(), engine.evaluate(inForce, consumer)),
                millisAgo(Duration.ofDays(1)), false));
        writer.submit(new Entry(decided(engine, inForce, UUID.randomUUID().toString(), older), millisAgo(Duration.ofDays(40)),
                false));
        writer.submit(new Entry(new Decision(UUID.randomUUID().toString(), keyClient.incident(), inForce.version(),
                Evaluation.none(Duration.ofMillis(50)), keyClient.remembered(), MemoryUse.RECORDED),
                millisAgo(Duration.ofHours(1)), true));
        writer.close();
        Files.writeString(log, "{\"decisionId\": \"torn", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** What the memory service does before deciding: the request merged with what the case file holds. */
    private static Recall.Recalled remembered(String request) {
        Incident reported = new IncidentReader().read(request.getBytes(StandardCharsets.UTF_8));
        Source earlier = new Source("quality", "d-0", OffsetDateTime.parse("2026-11-20T10:00:00+09:00"));
        CaseMemory file = new CaseMemory(null, 1, null, Sourced.of(CompanyFault.CONFIRMED, earlier), earlier, null, null,
                null, Map.of(), Map.of(), Map.of());
        return new Recall(MASKER::mask).apply(reported, new Recollection(CallerMemory.NONE, file));
    }

    private static Decision decided(DecisionEngine engine, RuleSet rules, String id, Recall.Recalled facts) {
        return new Decision(id, facts.incident(), rules.version(), engine.evaluate(rules, facts.incident()),
                facts.remembered(), MemoryUse.RECORDED);
    }

    private long millisAgo(Duration d) {
        return now.minus(d).toEpochMilli();
    }

    @Test
    void shouldGroupTheChangesOfOneChangedRuleWithIdsMaskedAsTheLogMasksThem() throws Exception {
        Path json = tmp.resolve("out/impact.json");
        Path html = tmp.resolve("out/impact.html");

        Cli.Run run = Cli.run("impact", candidate.toString(), "--log", log.toString(), "--json", json.toString(),
                "--html", html.toString());

        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        JsonNode report = JSON.readTree(json.toFile());
        assertEquals(JSON.readTree("{\"lines\": 5, \"beforePeriod\": 1, \"timedOut\": 1, \"whatIf\": 0, \"skipped\": 1, \"replayed\": 2,"
                + " \"changed\": 1}"), report.get("totals"), report.toPrettyString());
        String where = log + ":1";
        String time = now.minus(Duration.ofDays(2)).toString();
        String callerId = MASKER.mask(CALLER);
        List<String> changes = List.of("+ CONSULT_LEGAL from [" + RULE + "]",
                "~ ESCALATE {\"to\":\"SUPERVISOR\"} → {\"to\":\"MANAGER\"}");
        JsonNode expected = JSON.valueToTree(List.of(kind("ACTION_ADDED", "action added"), kind("PARAMS_CHANGED", "params changed")));
        for (JsonNode k : (Iterable<JsonNode>) expected::elements) {
            JsonNode e = report.at("/changes/" + (k.get("kind").asText().equals("ACTION_ADDED") ? 0 : 1) + "/examples/0");
            ((com.fasterxml.jackson.databind.node.ObjectNode) k).set("examples", JSON.valueToTree(List.of(Map.ofEntries(
                    Map.entry("where", where), Map.entry("decisionId", changed), Map.entry("time", time),
                    Map.entry("incidentId", "I-1"), Map.entry("caseId", "C-1"), Map.entry("department", "sales"),
                    Map.entry("callerId", callerId), Map.entry("rulesetVersion", e.path("rulesetVersion").asText()),
                    Map.entry("before", e.path("before")), Map.entry("after", e.path("after")),
                    Map.entry("changes", changes), Map.entry("occurredAt", "2026-11-23T10:00:00+09:00"),
                    Map.entry("beforeActions", e.path("beforeActions")), Map.entry("afterActions", e.path("afterActions")),
                    Map.entry("changeDetails", e.path("changeDetails"))))));
        }
        assertEquals(expected, report.get("changes"), report.toPrettyString());
        // The changes as data, in the order of their lines: the code, and its params before and after.
        JsonNode details = report.at("/changes/0/examples/0/changeDetails");
        assertEquals(JSON.readTree("""
                [{"kind": "ACTION_ADDED", "code": "CONSULT_LEGAL", "before": [], "after": [{}], "rules": ["%s"]},
                 {"kind": "PARAMS_CHANGED", "code": "ESCALATE", "before": [{"to": "SUPERVISOR"}], "after": [{"to": "MANAGER"}],
                  "rules": ["%s"]}]""".formatted(RULE, RULE)), details, details::toPrettyString);
        assertEquals(JSON.readTree("{\"to\": \"SUPERVISOR\"}"), report.at("/changes/0/examples/0/beforeActions/0/params"),
                report.at("/changes/0/examples/0/beforeActions").toPrettyString());
        // And the cited rules' Japanese names and lessons' texts, from the candidate folder.
        assertTrue(report.at("/ruleNames").has(RULE), report.at("/ruleNames").toString());
        assertFalse(report.at("/lessonTexts/L003-1/ja").asText().isEmpty(), report.at("/lessonTexts").toString());
        JsonNode example = report.at("/changes/0/examples/0");
        assertTrue(example.get("before").toString().contains("ESCALATE {\\\"to\\\":\\\"SUPERVISOR\\\"}"), example.toString());
        assertTrue(example.get("after").toString().contains("CONSULT_LEGAL"), example.toString());
        assertEquals(1, report.get("exitCode").asInt());
        assertEquals(log + ":5", report.at("/skippedLines/0/where").asText(), report.toPrettyString());

        assertTrue(run.lines().contains("2 decisions replayed, 1 changed; 1 before the period;"
                + " 1 timed out (nothing decided, not compared); 1 unreadable lines skipped"), run.toString());
        int at = run.lines().indexOf("action added: 1 decision");
        assertEquals(List.of("action added: 1 decision", "  departments: sales 1", "  rules: " + RULE + " 1",
                        "  lessons: L003-1 1", "  " + where + ": decision " + changed + ", incident I-1, case C-1, caller "
                                + callerId + ", sales, " + time + ", decided by " + example.get("rulesetVersion").asText(),
                        "      " + changes.get(0), "      " + changes.get(1), "", "params changed: 1 decision"),
                run.lines().subList(at, at + 9), run.toString());

        String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains("params changed") && !page.contains("<script"), page);
        assertFalse(page.contains("src=") || page.contains("href="), "the page fetches nothing");
        for (String output : List.of(run.out(), Files.readString(json), page)) {
            for (String clear : List.of(CALLER, "080-9999-0000", "ld-1", "op-2")) {
                assertFalse(output.contains(clear), "a personal id in clear: " + clear);
            }
        }
    }

    private static Map<String, Object> kind(String kind, String label) {
        return Map.of("kind", kind, "label", label, "decisions", 1, "departments", Map.of("sales", 1),
                "rules", Map.of(RULE, 1), "lessons", Map.of("L003-1", 1));
    }

    /**
     * The change shows only because the log holds the recollection: decided from its request alone,
     * the key client's incident never reaches the changed rule.
     */
    @Test
    void shouldDecideFromTheRecollectionTheLogHeldNotFromTheRequestAlone() {
        RuleSet rules = new VerifiedRules(Clock.systemUTC()).compile(candidate);
        Incident requestOnly = new IncidentReader().read(KEY_CLIENT.formatted("I-1").getBytes(StandardCharsets.UTF_8));
        assertTrue(new DecisionEngine().evaluate(rules, requestOnly).resolution().actions().stream()
                .noneMatch(a -> a.ruleNames().contains(RULE)));
        assertEquals(AuthorCommands.PROBLEMS, Cli.run("impact", candidate.toString(), "--log", log.toString()).exitCode());
    }

    @Test
    void shouldWriteNeitherTheDecisionLogNorAnythingBesideIt() throws Exception {
        byte[] before = Files.readAllBytes(log);
        var modified = Files.getLastModifiedTime(log);
        List<Path> listed = listing(log.getParent());
        boolean defaultLogHere = Files.exists(Path.of("decisions.jsonl"));

        Cli.Run run = Cli.run("impact", candidate.toString(), "--log", log.toString(), "--threads", "2");

        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(log)), "the log is unchanged");
        assertEquals(modified, Files.getLastModifiedTime(log));
        assertEquals(listed, listing(log.getParent()), "no file was added or rotated beside the log");
        assertEquals(defaultLogHere, Files.exists(Path.of("decisions.jsonl")), "no decision log was started");
    }

    @Test
    void shouldExitZeroWhenTheCandidateChangesNothing() {
        Path same = Cli.copyOfBuiltInRules(tmp.resolve("same"));
        Cli.Run run = Cli.run("impact", same.toString(), "--log", log.toString(), "--json", "-");
        assertEquals(AuthorCommands.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("{"), "--json - prints only the JSON: " + run);
        assertTrue(run.out().contains("\"changed\" : 0"), run.toString());
    }

    @Test
    void shouldExitTwoOnAMissingLogABadPeriodOrRulesThatDoNotCompile() {
        assertEquals(AuthorCommands.USAGE, Cli.run("impact", candidate.toString(), "--log", tmp.resolve("none").toString()).exitCode());
        Cli.Run since = Cli.run("impact", candidate.toString(), "--log", log.toString(), "--since", "last month");
        assertEquals(AuthorCommands.USAGE, since.exitCode(), since.toString());
        assertTrue(since.err().contains("give a length such as 30d"), since.toString());
        Cli.write(candidate.resolve("broken.drl"), "package x;\nrule \"Half\"\nwhen\n");
        Cli.Run broken = Cli.run("impact", candidate.toString(), "--log", log.toString());
        assertEquals(AuthorCommands.USAGE, broken.exitCode(), broken.toString());
        assertTrue(broken.err().contains(candidate.resolve("broken.drl") + ":4:"), broken.toString());
    }

    @Test
    void shouldRefuseANegativeNumberOfExamplesAsTheApiDoes() {
        Cli.Run run = Cli.run("impact", candidate.toString(), "--log", log.toString(), "--examples", "-1");
        assertEquals(AuthorCommands.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--examples: out of range: must be 0 or more, got -1"), run.toString());
        assertEquals("", run.out(), "nothing replayed: " + run);
    }

    @Test
    void shouldReplayOnlyThePeriodAsked() {
        Cli.Run all = Cli.run("impact", candidate.toString(), "--log", log.toString(), "--since", "60d");
        assertTrue(all.lines().contains("3 decisions replayed, 2 changed; 1 timed out (nothing decided, not compared);"
                + " 1 unreadable lines skipped"), all.toString());
        Cli.Run recent = Cli.run("impact", candidate.toString(), "--log", log.toString(), "--since", "36h");
        assertEquals(AuthorCommands.OK, recent.exitCode(), recent.toString());
    }

    /**
     * An author sees beside the impact whether the candidate is ready, by the one verification
     * guard test applies: the changed rule fails the scenarios that pinned the supervisor.
     */
    @Test
    void shouldReportTheCandidatesVerificationBesideItsImpact() throws Exception {
        Path json = tmp.resolve("out/impact.json");
        Path html = tmp.resolve("out/impact.html");
        Readiness.Verdict verdict = new VerifiedRules(Clock.systemUTC()).verdict(candidate);
        int failed = verdict.tested().failures().size();
        int run = verdict.tested().results().size();
        assertTrue(failed > 0, "the fixture's candidate fails scenarios");

        Cli.Run impact = Cli.run("impact", candidate.toString(), "--log", log.toString(), "--json", json.toString(),
                "--html", html.toString());

        assertEquals(AuthorCommands.PROBLEMS, impact.exitCode(), "the exit code stays the impact's: " + impact);
        JsonNode v = JSON.readTree(json.toFile()).get("verification");
        assertFalse(v.get("ready").asBoolean(), v.toString());
        assertEquals(run, v.at("/scenarios/run").asInt(), v.toString());
        assertEquals(failed, v.at("/scenarios/failed").asInt(), v.toString());
        assertEquals(verdict.reasons().stream().map(Readiness.Reason::tag).sorted().toList(),
                JSON.convertValue(v.get("reasons"), List.class), v.toString());
        assertEquals(verdict.findings().size(), v.get("problems").size(), v.toString());
        assertTrue(v.at("/problems/0").asText().startsWith(candidate.toString()), "located as guard test locates it: " + v);
        int at = impact.lines().indexOf("2 decisions replayed, 1 changed; 1 before the period;"
                + " 1 timed out (nothing decided, not compared); 1 unreadable lines skipped");
        assertTrue(at >= 0, impact.toString());
        assertEquals("verification: not ready: " + failed + " of " + run + " scenarios fail; a replica would refuse this"
                + " folder (./guard test " + candidate + " for the details)", impact.lines().get(at + 1), impact.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("Not ready: " + failed + " of " + run + " scenarios fail"), page);
    }

    @Test
    void shouldSayTheCandidateIsReadyWhenItPassesTheVerification() throws Exception {
        Path same = Cli.copyOfBuiltInRules(tmp.resolve("same"));
        Path json = tmp.resolve("same.json");
        Cli.Run run = Cli.run("impact", same.toString(), "--log", log.toString(), "--json", json.toString());
        assertEquals(AuthorCommands.OK, run.exitCode(), run.toString());
        JsonNode v = JSON.readTree(json.toFile()).get("verification");
        assertTrue(v.get("ready").asBoolean(), v.toString());
        assertEquals(0, v.at("/scenarios/failed").asInt());
        assertEquals(0, v.get("problems").size());
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("verification: ready: ")
                && l.contains(" scenarios pass, every rule and lesson covered")), run.toString());
    }

    /** The HTML report shows a decision at the incident's own clock to the minute, as the console does. */
    @Test
    void shouldShowTheHtmlReportsTimesAtTheIncidentsOffsetToTheMinute() throws Exception {
        Path html = tmp.resolve("impact.html");
        Cli.run("impact", candidate.toString(), "--log", log.toString(), "--html", html.toString());
        String page = Files.readString(html);
        Instant decided = now.minus(Duration.ofDays(2));
        String local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(decided.atOffset(java.time.ZoneOffset.ofHours(9)));
        assertTrue(page.contains(">" + local + "</time>"), local + " in " + page);
        // What a reader sees: the datetime attributes keep the instant for machines.
        String shown = page.replaceAll("<[^>]*>", "");
        assertFalse(java.util.regex.Pattern.compile("\\d\\d:\\d\\d:\\d\\d").matcher(shown).find(),
                "no time with seconds shown: " + shown);
    }

    /**
     * What-if decisions (?record=false) were only asked: impact leaves them out unless told, and
     * says how many it left out. One with memory and one without any are both marked.
     */
    @Test
    void shouldSkipWhatIfDecisionsUnlessAskedToIncludeThem() throws Exception {
        Path whatIfLog = tmp.resolve("whatif").resolve("decisions.jsonl");
        RuleSet inForce = new VerifiedRules(Clock.systemUTC()).compile(Cli.BUILT_IN_RULES);
        DecisionEngine engine = new DecisionEngine();
        EntryFormatter formatter = new EntryFormatter(MASKER);
        DecisionLogWriter<Entry> writer = new DecisionLogWriter<>(16, Duration.ofSeconds(1),
                new RotatingFileSink(whatIfLog, 1 << 20, 2), e -> formatter.format(e.decision(), e.epochMillis(), e.timedOut()),
                e -> e.decision().decisionId());
        Recall.Recalled keyClient = remembered(KEY_CLIENT.formatted("I-1"));
        Incident consumer = new IncidentReader().read(CONSUMER.getBytes(StandardCharsets.UTF_8));
        writer.submit(new Entry(decided(engine, inForce, changed, keyClient), millisAgo(Duration.ofDays(2)), false));
        writer.submit(new Entry(new Decision(UUID.randomUUID().toString(), keyClient.incident(), inForce.version(),
                engine.evaluate(inForce, keyClient.incident()), keyClient.remembered(), MemoryUse.WHAT_IF),
                millisAgo(Duration.ofDays(1)), false));
        writer.submit(new Entry(new Decision(UUID.randomUUID().toString(), consumer, inForce.version(),
                engine.evaluate(inForce, consumer), List.of(), MemoryUse.NOT_USED, true), millisAgo(Duration.ofHours(2)), false));
        writer.close();
        Path json = tmp.resolve("whatif.json");

        Cli.Run skipping = Cli.run("impact", candidate.toString(), "--log", whatIfLog.toString(), "--json", json.toString());

        assertEquals(AuthorCommands.PROBLEMS, skipping.exitCode(), skipping.toString());
        JsonNode totals = JSON.readTree(json.toFile()).get("totals");
        assertEquals(1, totals.get("replayed").asInt(), totals.toString());
        assertEquals(1, totals.get("changed").asInt(), totals.toString());
        assertEquals(2, totals.get("whatIf").asInt(), totals.toString());
        assertTrue(skipping.lines().contains("1 decisions replayed, 1 changed; 2 what-if decisions (?record=false) skipped,"
                + " --include-what-if replays them"), skipping.toString());

        Cli.Run including = Cli.run("impact", candidate.toString(), "--log", whatIfLog.toString(), "--include-what-if",
                "--json", json.toString());

        totals = JSON.readTree(json.toFile()).get("totals");
        assertEquals(3, totals.get("replayed").asInt(), including + totals.toString());
        assertEquals(2, totals.get("changed").asInt(), totals.toString());
        assertEquals(0, totals.get("whatIf").asInt(), totals.toString());
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
