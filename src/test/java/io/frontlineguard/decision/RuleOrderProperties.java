package io.frontlineguard.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.incident.Incident;
import io.frontlineguard.ruleset.RuleInfo;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.verification.VerifiedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The decision does not depend on the order rules fire in (issue 29): the built-in rules, with the
 * rules of every file shuffled and the files renamed so they load in another order, decide a fixed
 * sample of generated incidents exactly as the rules in their own order do, actions, overridden
 * actions and every assessment answer with the rules behind it. Drools fires rules of equal
 * standing in load order, so a response rule that read a judgement answer before it was final
 * would show here.
 */
class RuleOrderProperties {

    private static final Path RULES = Path.of("rules");
    private static final VerifiedRules VERIFIED = new VerifiedRules(Clock.systemUTC());
    private static final RuleSet IN_ORDER = VERIFIED.compile(RULES);
    private static final DecisionEngine ENGINE = new DecisionEngine();
    private static final List<Incident> SAMPLE = Stream.concat(IncidentArbitraries.incidents().sampleStream().limit(600),
            IncidentArbitraries.moneyDemandIncidents().sampleStream().limit(100)).toList();
    private static final List<Path> COPIES = new ArrayList<>();

    @Property(tries = 6)
    void shouldDecideTheSameWhateverTheOrderOfRulesAndFiles(@ForAll long seed) throws IOException {
        RuleSet shuffled = VERIFIED.compile(shuffledCopy(new Random(seed)));
        assertEquals(IN_ORDER.judgementStages(), shuffled.judgementStages());
        for (Incident incident : SAMPLE) {
            String expected = decided(ENGINE.evaluate(IN_ORDER, incident));
            String actual = decided(new DecisionEngine().evaluate(shuffled, incident));
            assertEquals(expected, actual, () -> "decided differently in another order:\n"
                    + ScenarioPrinter.scenario("order-independent", List.of("LG-14"), incident, List.of(), List.of()));
        }
    }

    /**
     * Everything a client sees of a decision, in the order it sees it, with rules by name: their files
     * and lines differ in the copy.
     */
    static String decided(Evaluation e) {
        StringBuilder out = new StringBuilder();
        e.resolution().actions().forEach(a -> out.append(a.code()).append(a.params()).append(names(a.rules())).append('\n'));
        e.resolution().overridden().forEach(o -> out.append("overridden ").append(o.action().code()).append(o.action().params())
                .append(" by ").append(o.replacedBy().code()).append('\n'));
        var a = e.resolution().assessment();
        for (Answer answer : List.of(a.handling(), a.harassment(), a.demandJustified(), a.meansAcceptable())) {
            out.append(answer.value()).append(names(answer.rules())).append('\n');
        }
        a.types().forEach(t -> out.append(t.value()).append(names(t.rules())).append('\n'));
        return out.toString();
    }

    private static List<String> names(List<RuleInfo> rules) {
        return rules.stream().map(RuleInfo::name).toList();
    }

    private static final Pattern RULE = Pattern.compile("(?ms)^(?://[^\\n]*\\n)*rule \".*?^end\\s*$");

    /** A copy of the rules folder with each file's rules in a random order and the files loaded in another. */
    private static Path shuffledCopy(Random random) throws IOException {
        Path dir = Files.createTempDirectory("rules-shuffled");
        COPIES.add(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(RULES)) {
            files = s.sorted().toList();
        }
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            prefixes.add(String.format("%02d-", i));
        }
        Collections.shuffle(prefixes, random);
        int moved = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = f.getFileName().toString();
            String text = Files.readString(f);
            if (name.endsWith(".drl")) {
                text = shuffleRules(text, random);
                name = prefixes.get(i) + name;
                moved++;
            }
            Files.writeString(dir.resolve(name), text);
        }
        assertTrue(moved > 1, "more than one rule file to reorder");
        return dir;
    }

    private static String shuffleRules(String text, Random random) {
        Matcher m = RULE.matcher(text);
        List<String> rules = new ArrayList<>();
        int headerEnd = -1;
        while (m.find()) {
            if (headerEnd < 0) {
                headerEnd = m.start();
            }
            rules.add(m.group());
        }
        assertTrue(!rules.isEmpty(), "rules found in the file");
        Collections.shuffle(rules, random);
        return text.substring(0, headerEnd) + String.join("\n\n", rules) + "\n";
    }

    @AfterContainer
    static void removeCopies() throws IOException {
        for (Path dir : COPIES) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
