package io.frontlineguard.authoring;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.frontlineguard.decision.Action;
import io.frontlineguard.decision.Assessment;
import io.frontlineguard.decision.Resolution;
import io.frontlineguard.decision.DecisionEngine;
import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.decisionlog.LoggedIncident;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.verification.VerifiedRules;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code diff <old-dir> <new-dir> [incidents.jsonl]}: the question before a merge, "whose decision
 * does my change alter?". Every scenario of either folder and every recorded incident is decided
 * under both rule sets; each one whose resolved actions differ is listed with before, after and
 * the actions removed and added. Scenarios need not pass here: a change that breaks one is exactly
 * what the author wants to see.
 */
final class DiffCommand {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final DecisionEngine engine = new DecisionEngine();
    private final IncidentReader reader = new IncidentReader();

    /** A folder or file the comparison cannot go on without; what is wrong is already printed. */
    private static final class Trouble extends RuntimeException {
    }

    /** Something to decide: where it comes from (printed as {@code file:line: name}) and the incident. */
    private record Case(String label, Incident incident) {
    }

    /** One decision's resolved actions, or why it could not be made. */
    /** What one rule set decided: the actions, and the assessment as one line ({@code null} after an error). */
    private record Outcome(List<Action> actions, String assessment, String error) {

        List<String> lines() {
            return error != null ? List.of("error: " + error) : actions.stream().map(DiffCommand::describe).toList();
        }

        boolean sameAs(Outcome o) {
            return lines().equals(o.lines()) && java.util.Objects.equals(assessment, o.assessment);
        }
    }

    /** e.g. {@code handling HARASSMENT, harassment YES, demandJustified UNKNOWN, meansAcceptable NO, types [THREAT]}. */
    static String describe(Assessment a) {
        return "handling " + a.handling().value() + ", harassment " + a.harassment().value() + ", demandJustified " + a.demandJustified().value()
                + ", meansAcceptable " + a.meansAcceptable().value() + ", types " + a.typeNames();
    }

    int run(RulesFolder before, RulesFolder after, String incidentsFile, PrintStream out, PrintStream err) {
        for (RulesFolder f : List.of(before, after)) {
            if (!f.exists()) {
                err.println(f.given() + ": no such rules folder");
                return AuthorCommands.USAGE;
            }
        }
        if (incidentsFile != null && !Files.isRegularFile(Path.of(incidentsFile))) {
            err.println(incidentsFile + ": no such incidents file");
            return AuthorCommands.USAGE;
        }
        // Each folder is read once: what is compiled is what the scenarios are taken from.
        List<Map.Entry<RulesFolder, FolderSnapshot>> read = new ArrayList<>();
        for (RulesFolder f : List.of(before, after)) {
            try {
                read.add(Map.entry(f, FolderSnapshot.read(f.path())));
            } catch (RuleSetException e) {
                e.problems().stream().map(f::format).forEach(out::println);
                return AuthorCommands.USAGE;
            }
        }
        RuleSet oldRules = compile(before, read.get(0).getValue(), out);
        RuleSet newRules = compile(after, read.get(1).getValue(), out);
        if (oldRules == null || newRules == null) {
            return AuthorCommands.USAGE;
        }
        out.println("old: " + before.given() + " (" + oldRules.rules().size() + " rules, " + oldRules.version() + ")");
        out.println("new: " + after.given() + " (" + newRules.rules().size() + " rules, " + newRules.version() + ")");
        List<Case> cases = new ArrayList<>();
        int skipped = 0;
        try {
            skipped += scenarios(read, cases, out);
            if (incidentsFile != null) {
                skipped += incidents(incidentsFile, cases, out);
            }
        } catch (Trouble e) {
            return AuthorCommands.USAGE;
        }

        int changed = 0;
        for (Case c : cases) {
            Outcome was = decide(oldRules, c.incident());
            Outcome is = decide(newRules, c.incident());
            if (!was.sameAs(is)) {
                changed++;
                print(c, was, is, out);
            }
        }
        if (skipped > 0) {
            out.println(skipped + " skipped (listed above)");
        }
        out.println(cases.size() + " incidents, " + changed + " changed");
        return changed == 0 ? AuthorCommands.OK : AuthorCommands.PROBLEMS;
    }

    private static RuleSet compile(RulesFolder folder, FolderSnapshot snapshot, PrintStream out) {
        try {
            return new VerifiedRules(Clock.systemUTC()).compile(snapshot);
        } catch (RuleSetException e) {
            e.problems().stream().map(folder::format).forEach(out::println);
            out.println(folder.given() + ": the rules do not compile; for every problem at once run: ./guard check " + folder.given());
            return null;
        }
    }

    /**
     * The scenarios of both folders, one per scenario id (file and name); a scenario in both is taken
     * from the new folder, whose incident the author means. Returns how many were skipped.
     */
    private int scenarios(List<Map.Entry<RulesFolder, FolderSnapshot>> folders, List<Case> cases, PrintStream out) {
        Map<String, Scenario> union = new LinkedHashMap<>();
        Map<String, RulesFolder> from = new LinkedHashMap<>();
        for (Map.Entry<RulesFolder, FolderSnapshot> folder : folders) {
            RulesFolder f = folder.getKey();
            try {
                for (Scenario s : VerifiedRules.scenarios(folder.getValue())) {
                    union.put(s.id(), s);
                    from.put(s.id(), f);
                }
            } catch (RuleSetException e) {
                e.problems().stream().map(f::format).forEach(out::println);
                throw new Trouble();
            }
        }
        int skipped = 0;
        for (Map.Entry<String, Scenario> e : union.entrySet()) {
            Scenario s = e.getValue();
            String label = from.get(e.getKey()).display(s.file()) + ":" + s.line() + ": " + s.name();
            try {
                cases.add(new Case(label, s.facts(reader.read(s.incident()))));
            } catch (InvalidIncidentException x) {
                out.println(label + ": skipped, " + violations(x));
                skipped++;
            }
        }
        return skipped;
    }

    /** One JSON incident per line; blank lines are ignored, a bad line is reported and skipped. */
    private int incidents(String file, List<Case> cases, PrintStream out) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println(file + ":0: cannot read: " + e.getMessage());
            throw new Trouble();
        }
        int skipped = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String at = file + ":" + (i + 1);
            try {
                JsonNode json = IncidentReader.parse(line.getBytes(StandardCharsets.UTF_8));
                // A decision log line replays the facts the logged decision saw, memory's included.
                Incident incident = LoggedIncident.isLogEntry(json) ? LoggedIncident.read(json) : reader.read(json);
                String id = incident.incidentId();
                cases.add(new Case(at + ": " + (id == null ? "incident" : "incident " + id), incident));
            } catch (InvalidIncidentException e) {
                out.println(at + ": skipped, " + violations(e));
                skipped++;
            } catch (RuntimeException e) {
                out.println(at + ": skipped, " + e.getMessage());
                skipped++;
            }
        }
        return skipped;
    }

    private static String violations(InvalidIncidentException e) {
        return e.violations().stream()
                .map(v -> (v.path().isEmpty() ? "" : v.path() + ": ") + v.message())
                .collect(Collectors.joining("; ", "invalid incident: ", ""));
    }

    private Outcome decide(RuleSet rules, Incident incident) {
        try {
            Resolution r = engine.evaluate(rules, incident).resolution();
            return new Outcome(r.actions(), describe(r.assessment()), null);
        } catch (RuntimeException e) {
            return new Outcome(List.of(), null, String.valueOf(e.getMessage()));
        }
    }

    private static void print(Case c, Outcome was, Outcome is, PrintStream out) {
        out.println(c.label());
        out.println("  before: " + joined(was.lines()));
        out.println("  after:  " + joined(is.lines()));
        changes("-", was, is, out);
        changes("+", is, was, out);
        if (was.assessment() != null && is.assessment() != null && !was.assessment().equals(is.assessment())) {
            out.println("  assessment before: " + was.assessment());
            out.println("  assessment after:  " + is.assessment());
        }
    }

    /** The actions of {@code side} the {@code other} outcome lacks, each with the rules behind it. */
    private static void changes(String marker, Outcome side, Outcome other, PrintStream out) {
        List<String> theirs = other.lines();
        if (side.error() != null) {
            out.println("  " + marker + " error: " + side.error());
            return;
        }
        for (Action a : side.actions()) {
            String line = describe(a);
            if (!theirs.contains(line)) {
                out.println("  " + marker + " " + line + " from " + a.ruleNames());
            }
        }
    }

    private static String joined(List<String> lines) {
        return lines.isEmpty() ? "(no actions)" : String.join(", ", lines);
    }

    static String describe(Action a) {
        return a.params().isEmpty() ? a.code().name() : a.code().name() + " " + JSON.valueToTree(a.params());
    }
}
