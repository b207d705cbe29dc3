package io.frontlineguard.verification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.frontlineguard.decision.Finding;
import io.frontlineguard.decision.Candidate;
import io.frontlineguard.decision.Evaluation;
import io.frontlineguard.decision.Resolver;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.ruleset.Thresholds;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.scenario.ScenarioLoader;
import io.frontlineguard.scenario.ScenarioResult;
import io.frontlineguard.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that the scenarios guard the rules, not just run them: every mutant below, a rule set
 * made slightly wrong, must fail at least one scenario. A mutant that passes them all names a rule
 * (or a number) that could be deleted or weakened without any test noticing.
 *
 * <p>Scenarios are judged on behaviour only: their {@code fired} lists are dropped here, because a
 * deleted rule trivially "did not fire" and that would prove nothing about the decision.
 *
 * <ul>
 *   <li>Deletion: each rule's text, from its {@code rule "…"} header to its {@code end}, is cut from
 *       a copy of the rules folder, which is then compiled as the service would compile it.</li>
 *   <li>Thresholds: each number in {@code thresholds.yaml} moved by +1 and by -1, one at a time, which
 *       fails only if a scenario sits on that threshold's boundary.</li>
 *   <li>Dropped action: each action code a rule proposes is withheld from that rule alone, which
 *       fails only if some scenario depends on that rule giving that action.</li>
 *   <li>Dropped answer: each assessment answer a rule gives ({@code harassment=YES},
 *       {@code types=THREAT} …) is withheld from that rule alone, likewise.</li>
 * </ul>
 */
class RuleMutationTest {

    private static final Path RULES = Path.of("rules");
    private static final Pattern HEADER =
            Pattern.compile("(?m)^[ \\t]*rule\\s+\"([^\"]+)\"(?:\\s+extends\\s+\"([^\"]+)\")?");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end[ \\t]*$");

    private static final ScenarioRunner RUNNER = new ScenarioRunner();
    private static List<Scenario> scenarios;
    private static RuleSet original;
    private static List<ScenarioResult> baseline;

    /** One rule's text in its file: {@code [start, end)} covers the header through its {@code end}. */
    record RuleText(String file, String name, String parent, int start, int end, int line) {
    }

    @BeforeAll
    static void loadOnce() {
        original = new VerifiedRules(Clock.systemUTC()).compile(RULES);
        scenarios = ScenarioLoader.load(FolderSnapshot.read(RULES)).stream().map(RuleMutationTest::behaviourOnly).toList();
        baseline = RUNNER.runAll(original, scenarios);
        List<ScenarioResult> failing = baseline.stream().filter(r -> !r.passed()).toList();
        assertFalse(scenarios.isEmpty(), "no scenarios below " + RULES.toAbsolutePath());
        if (!failing.isEmpty()) {
            fail("the unmutated rules already fail scenarios, so no mutant result means anything:\n"
                    + failing.stream().map(ScenarioResult::report).reduce("", String::concat));
        }
    }

    // ----------------------------------------------------------------------------------- deletion

    @TestFactory
    Stream<DynamicTest> deletingAnyRuleFailsAScenario() {
        List<RuleText> rules = rulesIn(RULES);
        int threads = Integer.getInteger("mutation.threads", Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rule-mutant");
            t.setDaemon(true);
            return t;
        });
        // Compiling ~50 rule sets is the slow part, so every mutant starts at once on a small pool and
        // each dynamic test waits for its own; one compile per mutant, scenarios parsed once.
        Map<RuleText, CompletableFuture<String>> outcomes = new LinkedHashMap<>();
        for (RuleText rule : rules) {
            outcomes.put(rule, CompletableFuture.supplyAsync(() -> deletionSurvives(rule, rules), pool));
        }
        pool.shutdown();
        return outcomes.entrySet().stream().map(e -> dynamicTest(e.getKey().name(), () -> {
            String survived = e.getValue().join();
            if (survived != null) {
                fail(survived);
            }
        }));
    }

    /** Null when some scenario fails without the rule (or the mutant does not compile); else why not. */
    private static String deletionSurvives(RuleText rule, List<RuleText> all) {
        // A rule that others extend cannot go alone: its children would no longer compile, and "does
        // not compile" says nothing about the scenarios. So the parent goes with its whole family
        // (answers.drl, the L003 key-client rules), and each child is also deleted on its own.
        Set<RuleText> removed = withDescendants(rule, all);
        Path dir = null;
        try {
            dir = copyWithout(removed);
            RuleSet mutant;
            try {
                mutant = new VerifiedRules(Clock.systemUTC()).compile(dir);
            } catch (RuleSetException e) {
                return null;
            }
            if (mutant.rules().containsKey(rule.name())) {
                return "could not cut rule \"" + rule.name() + "\" out of " + rule.file();
            }
            Set<String> names = new LinkedHashSet<>();
            removed.forEach(r -> names.add(r.name()));
            if (failsSome(mutant, firersFirst(names))) {
                return null;
            }
            return "rule \"" + rule.name() + "\" (" + rule.file() + ":" + rule.line() + ") survived deletion"
                    + (removed.size() > 1 ? " together with the rules extending it" : "")
                    + ": all " + scenarios.size() + " scenarios still pass without it; add one whose decision depends on it";
        } finally {
            deleteQuietly(dir);
        }
    }

    // --------------------------------------------------------------------------------- thresholds

    @TestFactory
    Stream<DynamicTest> movingAnyThresholdByOneFailsAScenario() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RecordComponent c : Thresholds.class.getRecordComponents()) {
            int value = (int) read(c, original.thresholds());
            for (int delta : new int[] {+1, -1}) {
                String name = c.getName() + " " + value + " → " + (value + delta);
                tests.add(dynamicTest(name, () -> {
                    // Thresholds are constants of the compiled rules (issue 32): the moved number is
                    // written into a copy of thresholds.yaml and the folder compiled as the service would.
                    Path dir = copyWithout(Set.of());
                    try {
                        Path file = dir.resolve("thresholds.yaml");
                        String yaml = Files.readString(file, StandardCharsets.UTF_8);
                        String movedYaml = yaml.replaceFirst("(?m)^" + c.getName() + ":\\s*" + value + "\\s*$",
                                c.getName() + ": " + (value + delta));
                        if (movedYaml.equals(yaml)) {
                            fail("could not find '" + c.getName() + ": " + value + "' in thresholds.yaml");
                        }
                        Files.writeString(file, movedYaml, StandardCharsets.UTF_8);
                        RuleSet mutant = new VerifiedRules(Clock.systemUTC()).compile(dir);
                        if (read(c, mutant.thresholds()).equals(value)) {
                            fail("the mutant still reads " + c.getName() + " = " + value);
                        }
                        if (!failsSome(mutant, scenarios)) {
                            fail("threshold " + c.getName() + " moved from " + value + " to " + (value + delta)
                                    + " and every scenario still passes: add scenarios on both sides of its boundary");
                        }
                    } finally {
                        deleteQuietly(dir);
                    }
                }));
            }
        }
        return tests.stream();
    }

    // ----------------------------------------------------------------------------- dropped action

    @TestFactory
    Stream<DynamicTest> withholdingAnyAssessmentAnswerOfAnyRuleFailsAScenario() {
        Set<String> answers = new LinkedHashSet<>();
        baseline.forEach(r -> r.evaluation().findings().forEach(f -> answers.add(key(f))));
        Resolver resolver = new Resolver();
        return answers.stream().sorted().map(p -> dynamicTest(p.replace("\u0000", " › without "), () -> {
            for (ScenarioResult r : baseline) {
                Evaluation e = r.evaluation();
                List<Finding> kept = e.findings().stream().filter(f -> !key(f).equals(p)).toList();
                if (kept.size() == e.findings().size()) {
                    continue;
                }
                Evaluation altered = new Evaluation(e.candidates(), kept, e.firedRules(),
                        resolver.resolve(e.candidates(), kept), e.nanos());
                if (!RUNNER.judge(r.scenario(), altered).passed()) {
                    return;
                }
            }
            String[] parts = p.split("\u0000");
            fail("rule \"" + parts[0] + "\" can stop answering " + parts[1]
                    + " and every scenario still passes: add an assessment where no other rule answers it so");
        }));
    }

    private static String key(Finding f) {
        return f.rule().name() + "\u0000" + f.field().wireName() + "=" + f.value();
    }

    @TestFactory
    Stream<DynamicTest> withholdingAnyActionOfAnyRuleFailsAScenario() {
        Set<String> proposals = new LinkedHashSet<>();
        baseline.forEach(r -> r.evaluation().candidates().forEach(c -> proposals.add(key(c))));
        Resolver resolver = new Resolver();
        return proposals.stream().sorted().map(p -> dynamicTest(p.replace("\u0000", " › without "), () -> {
            String equivalent = EQUIVALENT.get(p);
            if (equivalent != null) {
                Assumptions.abort("equivalent mutant, nothing to observe: " + equivalent);
            }
            // Rules only propose and never change facts, so withholding one proposal is exactly the
            // rule set whose consequence lacks that emit line: same firings, one candidate fewer.
            for (ScenarioResult r : baseline) {
                Evaluation e = r.evaluation();
                List<Candidate> kept = e.candidates().stream().filter(c -> !key(c).equals(p)).toList();
                if (kept.size() == e.candidates().size()) {
                    continue;
                }
                Evaluation altered = new Evaluation(kept, e.findings(), e.firedRules(),
                        resolver.resolve(kept, e.findings()), e.nanos());
                if (!RUNNER.judge(r.scenario(), altered).passed()) {
                    return;
                }
            }
            String[] parts = p.split("\u0000");
            fail("rule \"" + parts[0] + "\" can stop giving " + parts[1]
                    + " and every scenario still passes: add one where no other rule gives it");
        }));
    }

    /**
     * Withheld proposals no decision can show, because another rule always proposes the same action
     * with the same params under a weaker condition. Each entry says which rule and why.
     */
    private static final Map<String, String> EQUIVALENT = Map.of(
            "Allow a visit once the facts confirm our failure\u0000REQUIRE_TWO_PERSON_ATTENDANCE",
            "\"Send at least two staff on any visit\" gives the same minVisitStaff on every visit demand; the"
                    + " allowing rule repeats it so that ALLOW_VISIT never depends on another rule for its escort");

    /** Runs scenarios until one fails; the mutant is caught at the first. */
    private static boolean failsSome(RuleSet mutant, List<Scenario> ordered) {
        ScenarioRunner runner = new ScenarioRunner();
        return ordered.stream().anyMatch(s -> !runner.run(mutant, s).passed());
    }

    /** All scenarios, those in which any of these rules fired first: they are the likely failures. */
    private static List<Scenario> firersFirst(Set<String> rules) {
        List<Scenario> first = new ArrayList<>();
        List<Scenario> rest = new ArrayList<>();
        for (ScenarioResult r : baseline) {
            (r.firedRules().stream().anyMatch(rules::contains) ? first : rest).add(r.scenario());
        }
        first.addAll(rest);
        return first;
    }

    private static String key(Candidate c) {
        return c.rule().name() + "\u0000" + c.code();
    }

    // ------------------------------------------------------------------------------------ helpers

    private static Scenario behaviourOnly(Scenario s) {
        return new Scenario(s.file(), s.line(), s.name(), s.lessons(), s.incident(), s.expect(), s.absent(),
                List.of(), s.overridden(), s.only(), s.memory(), s.assessment(), s.japaneseName());
    }

    static List<RuleText> rulesIn(Path dir) {
        List<RuleText> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String file = dir.relativize(f).toString().replace('\\', '/');
                Matcher h = HEADER.matcher(text);
                while (h.find()) {
                    Matcher end = END.matcher(text);
                    if (!end.find(h.end())) {
                        throw new IllegalStateException(file + ": rule \"" + h.group(1) + "\" has no 'end' line");
                    }
                    int line = 1 + (int) text.substring(0, h.start()).chars().filter(ch -> ch == '\n').count();
                    out.add(new RuleText(file, h.group(1), h.group(2), h.start(), end.end(), line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Set<RuleText> withDescendants(RuleText rule, List<RuleText> all) {
        Set<RuleText> out = new LinkedHashSet<>(List.of(rule));
        boolean grew;
        do {
            grew = false;
            for (RuleText r : all) {
                if (r.parent() != null && !out.contains(r) && out.stream().anyMatch(p -> p.name().equals(r.parent()))) {
                    out.add(r);
                    grew = true;
                }
            }
        } while (grew);
        return out;
    }

    private static Path copyWithout(Set<RuleText> removed) {
        try {
            Path dir = Files.createTempDirectory("rules-mutant-");
            try (Stream<Path> files = Files.walk(RULES)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = dir.resolve(RULES.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    String file = RULES.relativize(f).toString().replace('\\', '/');
                    List<RuleText> cut = removed.stream().filter(r -> r.file().equals(file))
                            .sorted(Comparator.comparingInt(RuleText::start).reversed()).toList();
                    if (cut.isEmpty()) {
                        Files.copy(f, target);
                        continue;
                    }
                    StringBuilder text = new StringBuilder(Files.readString(f, StandardCharsets.UTF_8));
                    cut.forEach(r -> text.delete(r.start(), r.end()));
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
