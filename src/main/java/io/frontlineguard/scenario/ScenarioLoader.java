package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.ruleset.YamlTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads every {@code *.scenarios.yaml} below a rules folder. A file has optional {@code defaults}
 * (merged under each scenario's incident) and a list of {@code scenarios}. Anything misspelt is an
 * error at the line and column of the key or value, with the word probably meant, so a typo never
 * turns a scenario into one that checks nothing; every problem of a file is reported at once
 * ({@link FileProblems}). Each scenario is built by {@link ScenarioBuilder}, its keys checked by
 * {@link ScenarioKeys} and what it checks by {@link ScenarioChecks}.
 */
public final class ScenarioLoader {

    public static final String SUFFIX = ".scenarios.yaml";
    private static final Set<String> FILE_KEYS = Set.of("defaults", "scenarios");

    private ScenarioLoader() {
    }

    /**
     * Every scenario file of the snapshot, in file order then document order. Incidents are taken
     * as written: whoever runs them reports one the API would refuse ({@code guard diff} skips it).
     */
    public static List<Scenario> load(FolderSnapshot folder) {
        return load(folder, null);
    }

    /**
     * As {@link #load(FolderSnapshot)}, checked as verification needs it: each incident read as the
     * API reads it, and each lesson named one of {@code knownLesson}. Every problem of every file
     * is found before it throws.
     */
    public static List<Scenario> load(FolderSnapshot folder, Predicate<String> knownLesson) {
        List<Scenario> all = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        folder.texts(SUFFIX).forEach((name, text) -> {
            try {
                all.addAll(parse(name, text, knownLesson));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return all;
    }

    public static List<Scenario> parse(String file, String text) {
        return parse(file, text, null);
    }

    /**
     * One file's scenarios, or every problem of the file, each at the key or value it concerns:
     * a file is read to its end so that an author fixes it in one round. With {@code knownLesson}
     * (null: neither is checked) its incidents and lessons are checked too.
     */
    public static List<Scenario> parse(String file, String text, Predicate<String> knownLesson) {
        YamlTree.Parsed parsed;
        try {
            parsed = YamlTree.parseAll(file, text);
        } catch (RuleSetException e) {
            throw new ScenarioException(e.problems());
        }
        FileProblems problems = new FileProblems(parsed);
        // A duplicate key is one problem among the file's others, not the end of the read.
        parsed.duplicates().forEach(problems::report);
        ScenarioBuilder builder = new ScenarioBuilder(problems, knownLesson);
        JsonNode root = parsed.root();
        List<Scenario> out = new ArrayList<>();
        if (!root.isObject()) {
            problems.at(root, "the file must be a mapping with 'defaults' and 'scenarios'");
        } else {
            builder.keys().onlyKeys(root, FILE_KEYS);
            JsonNode defaults = root.path("defaults");
            if (!defaults.isMissingNode() && !defaults.isObject()) {
                problems.atKey(root, "defaults", "'defaults' must be a mapping");
                defaults = MissingNode.getInstance();
            }
            JsonNode items = root.get("scenarios");
            if (items == null) {
                problems.report(RuleProblem.error(file, problems.line(root), 1, "needs a non-empty list 'scenarios'"));
            } else if (!items.isArray() || items.isEmpty()) {
                problems.atKey(root, "scenarios", "'scenarios' must be a non-empty list");
            } else {
                for (JsonNode item : items) {
                    Scenario s = builder.build(item, defaults);
                    if (s != null) {
                        out.add(s);
                    }
                }
            }
        }
        if (problems.count() > 0) {
            throw new ScenarioException(problems.all());
        }
        return out;
    }

    /** Deep merge: mappings merge key by key, anything else in the scenario replaces the default. */
    static JsonNode merge(JsonNode defaults, JsonNode incident) {
        if (defaults == null || defaults.isMissingNode()) {
            return incident.deepCopy();
        }
        ObjectNode out = ((ObjectNode) defaults).deepCopy();
        incident.fields().forEachRemaining(e -> {
            JsonNode base = out.get(e.getKey());
            out.set(e.getKey(), base != null && base.isObject() && e.getValue().isObject()
                    ? merge(base, e.getValue()) : e.getValue().deepCopy());
        });
        return out;
    }
}
