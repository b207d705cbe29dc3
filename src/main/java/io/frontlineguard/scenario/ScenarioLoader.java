package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frontlineguard.action.ActionCode;
import io.frontlineguard.assessment.AssessmentField;
import io.frontlineguard.incident.Spelling;
import io.frontlineguard.memory.Recollection;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.ruleset.YamlTree;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads every {@code *.scenarios.yaml} below a rules folder. A file has optional {@code defaults}
 * (merged under each scenario's incident) and a list of {@code scenarios}. Anything misspelt is an
 * error at the line and column of the key or value, with the word probably meant, so a typo never
 * turns a scenario into one that checks nothing; every problem of a file is reported at once.
 */
public final class ScenarioLoader {

    public static final String SUFFIX = ".scenarios.yaml";
    private static final Set<String> FILE_KEYS = Set.of("defaults", "scenarios");
    private static final Set<String> SCENARIO_KEYS =
            Set.of("name", "ja_name", "lessons", "incident", "memory", "expect", "absent", "fired", "overridden", "only", "assessment");

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
            parsed = YamlTree.parse(file, text);
        } catch (RuleSetException e) {
            throw new ScenarioException(e.problems());
        }
        Reader r = new Reader(file, parsed.lines(), parsed, knownLesson, new LinkedHashSet<>());
        JsonNode root = parsed.root();
        List<Scenario> out = new ArrayList<>();
        if (!root.isObject()) {
            r.report(parsed.problemAt(root, "the file must be a mapping with 'defaults' and 'scenarios'"));
        } else {
            r.onlyKeys(root, FILE_KEYS);
            JsonNode defaults = root.path("defaults");
            if (!defaults.isMissingNode() && !defaults.isObject()) {
                r.report(parsed.problemAt(root, "defaults", "'defaults' must be a mapping"));
                defaults = MissingNode.getInstance();
            }
            JsonNode items = root.get("scenarios");
            if (items == null) {
                r.report(RuleProblem.error(file, r.line(root), 1, "needs a non-empty list 'scenarios'"));
            } else if (!items.isArray() || items.isEmpty()) {
                r.report(parsed.problemAt(root, "scenarios", "'scenarios' must be a non-empty list"));
            } else {
                for (JsonNode item : items) {
                    Scenario s = r.scenario(item, defaults);
                    if (s != null) {
                        out.add(s);
                    }
                }
            }
        }
        if (!r.problems().isEmpty()) {
            throw new ScenarioException(List.copyOf(r.problems()));
        }
        return out;
    }

    /** Reads scenarios, keeping every problem (each once) instead of stopping at the first; {@code knownLesson} may be null. */
    private record Reader(String file, Map<JsonNode, Integer> lines, YamlTree.Parsed parsed, Predicate<String> knownLesson,
                          Set<RuleProblem> problems) {

        void report(RuleProblem p) {
            problems.add(p);
        }

        /** A scenario, or null when it has a problem (every one of them reported). */
        Scenario scenario(JsonNode item, JsonNode defaults) {
            if (!item.isObject()) {
                report(parsed.problemAt(item, "a scenario must be a mapping (- name: …)"));
                return null;
            }
            int before = problems.size();
            onlyKeys(item, SCENARIO_KEYS);
            String name = text(item, "name");
            String japaneseName = optionalText(item, "ja_name");
            List<String> lessons = lessons(item, name);
            JsonNode incident = item.get("incident");
            JsonNode merged = null;
            if (incident == null) {
                if (!misspelt(item, "incident")) {
                    report(parsed.problemAt(item, "scenario '" + name + "' needs an 'incident' mapping"));
                }
            } else if (!incident.isObject()) {
                report(parsed.problemAt(item, "incident", "scenario '" + name + "': 'incident' must be a mapping"));
            } else {
                merged = merge(defaults, incident);
                if (knownLesson != null) {
                    new IncidentCheck(parsed, name, incident, defaults, item).problems(merged).forEach(this::report);
                }
            }
            List<Scenario.Expected> expect = new ArrayList<>();
            for (JsonNode e : list(item, "expect")) {
                Scenario.Expected x = expected(e);
                if (x != null) {
                    expect.add(x);
                }
            }
            List<String> absent = codes(item, "absent");
            List<String> fired = strings(item, "fired");
            List<String> overridden = codes(item, "overridden");
            Map<String, List<String>> assessment = assessment(item);
            boolean only = only(item);
            // A scenario whose checks were all misspelt has its problems already; "checks nothing" would only repeat them.
            if (expect.isEmpty() && absent.isEmpty() && fired.isEmpty() && assessment.isEmpty() && problems.size() == before) {
                report(parsed.problemAt(item, "scenario '" + name + "' checks nothing: give 'expect', 'absent', 'fired' or 'assessment'"));
            }
            Recollection memory = Recollection.NONE;
            if (item.has("memory") && merged != null) {
                try {
                    memory = new ScenarioMemory(new ScenarioMemory.Problems() {
                        @Override
                        public ScenarioException at(JsonNode mapping, String key, String message) {
                            return new ScenarioException(parsed.problemAt(mapping, key, message));
                        }

                        @Override
                        public ScenarioException atValue(JsonNode mapping, String key, String message) {
                            JsonNode value = mapping.path(key);
                            return new ScenarioException(value.isTextual() ? parsed.problemAt(value, message)
                                    : parsed.problemAt(mapping, key, message));
                        }
                    }).read(item.get("memory"), merged);
                } catch (ScenarioException e) {
                    e.problems().forEach(this::report);
                }
            }
            if (problems.size() > before) {
                return null;
            }
            return new Scenario(file, line(item), name, lessons, merged, List.copyOf(expect), absent, fired, overridden,
                    only, memory, assessment, japaneseName);
        }

        private boolean only(JsonNode item) {
            JsonNode only = item.get("only");
            if (only != null && !only.isBoolean()) {
                report(parsed.problemAt(item, "only", "'only' must be true or false"));
                return false;
            }
            return only != null && only.booleanValue();
        }

        /** The lessons named, each of which the catalogue must know, reported at the id itself. */
        private List<String> lessons(JsonNode item, String name) {
            List<String> out = strings(item, "lessons");
            for (JsonNode id : list(item, "lessons")) {
                if (knownLesson != null && id.isTextual() && !knownLesson.test(id.asText())) {
                    report(parsed.problemAt(id, "scenario '" + name + "' names lesson '" + id.asText()
                            + "', which is not in " + LessonCatalogue.FILE));
                }
            }
            return out;
        }

        /**
         * {@code assessment: {harassment: YES, demandJustified: NO, meansAcceptable: NO, types: [THREAT]}}:
         * each field given must have that value; each type listed must be found.
         */
        private Map<String, List<String>> assessment(JsonNode item) {
            JsonNode a = item.get("assessment");
            if (a == null) {
                return Map.of();
            }
            if (!a.isObject()) {
                report(parsed.problemAt(item, "assessment", "'assessment' must be a mapping"));
                return Map.of();
            }
            Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                List<String> fields = AssessmentField.wireNames();
                Optional<AssessmentField> known = AssessmentField.byWireName(key);
                if (known.isEmpty()) {
                    report(parsed.problemAt(a, key, "unknown key '" + key + "' in 'assessment'" + didYouMean(key, fields)
                            + "; allowed: " + fields));
                    continue;
                }
                AssessmentField field = known.get();
                JsonNode v = a.get(key);
                List<JsonNode> values = new ArrayList<>();
                if (field.collects() && v.isArray()) {
                    v.forEach(values::add);
                } else if (!field.collects() && v.isTextual()) {
                    values.add(v);
                } else {
                    report(parsed.problemAt(a, key, "'" + key + "' takes "
                            + (field.collects() ? "a list of behaviour types" : "one value") + ": " + field.answers()));
                    continue;
                }
                for (JsonNode value : values) {
                    if (!field.answers().contains(value.asText())) {
                        report(parsed.problemAt(value, "'" + value.asText() + "' is not a value of " + key
                                + didYouMean(value.asText(), field.answers()) + "; values: " + field.answers()));
                    }
                }
                out.put(key, values.stream().map(JsonNode::asText).toList());
            }
            return Map.copyOf(out);
        }

        private Scenario.Expected expected(JsonNode e) {
            if (e.isTextual()) {
                String code = code(e, e.asText());
                return code == null ? null : new Scenario.Expected(code, JsonNodeFactory.instance.objectNode());
            }
            if (!e.isObject() || !e.has("code")) {
                report(parsed.problemAt(e, "each 'expect' entry is a code, or a mapping with 'code' and its params"));
                return null;
            }
            ObjectNode params = ((ObjectNode) e).deepCopy();
            String code = code(e.get("code"), params.remove("code").asText());
            if (code == null) {
                return null;
            }
            java.util.Set<String> known = ActionCode.valueOf(code).params().keySet();
            boolean ok = true;
            for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
                String p = it.next();
                if (!known.contains(p)) {
                    ok = false;
                    report(parsed.problemAt(e, p, code + " has no param '" + p + "'" + didYouMean(p, known)
                            + (known.isEmpty() ? "; it takes no params" : "; it has " + new java.util.TreeSet<>(known))));
                }
            }
            return ok ? new Scenario.Expected(code, params) : null;
        }

        /** The code, or null (reported at the value) when the contract has no such action. */
        private String code(JsonNode at, String code) {
            if (!ActionCode.isKnown(code)) {
                List<String> codes = java.util.Arrays.stream(ActionCode.values()).map(Enum::name).toList();
                report(parsed.problemAt(at, "'" + code + "' is not an action code of the contract" + didYouMean(code, codes)));
                return null;
            }
            return code;
        }

        private List<String> codes(JsonNode item, String key) {
            List<String> out = strings(item, key);
            for (JsonNode n : list(item, key)) {
                if (n.isTextual()) {
                    code(n, n.asText());
                }
            }
            return out;
        }

        private List<String> strings(JsonNode item, String key) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : list(item, key)) {
                if (!n.isTextual() && !n.isNumber()) {
                    report(parsed.problemAt(n, "'" + key + "' lists plain values"));
                    continue;
                }
                out.add(n.asText());
            }
            return List.copyOf(out);
        }

        private List<JsonNode> list(JsonNode item, String key) {
            JsonNode n = item.get(key);
            if (n == null || n.isNull()) {
                return List.of();
            }
            if (!n.isArray()) {
                report(parsed.problemAt(item, key, "'" + key + "' must be a list"));
                return List.of();
            }
            List<JsonNode> out = new ArrayList<>();
            n.forEach(out::add);
            return out;
        }

        private String text(JsonNode item, String key) {
            JsonNode n = item.get(key);
            if (n == null) {
                if (!misspelt(item, key)) {
                    report(parsed.problemAt(item, "a scenario needs a '" + key + "'"));
                }
                return "?";
            }
            if (!n.isTextual() || n.asText().isBlank()) {
                report(parsed.problemAt(item, key, "'" + key + "' must be a sentence"));
                return "?";
            }
            return n.asText();
        }

        /** A key a scenario may leave out (null then), but when given it is a sentence like {@code name}. */
        private String optionalText(JsonNode item, String key) {
            return item.has(key) ? text(item, key) : null;
        }

        /** Whether a missing key is there misspelt: its unknown-key problem, with the suggestion, already says it. */
        private static boolean misspelt(JsonNode item, String key) {
            for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!SCENARIO_KEYS.contains(k) && Spelling.closest(k, SCENARIO_KEYS).filter(key::equals).isPresent()) {
                    return true;
                }
            }
            return false;
        }

        void onlyKeys(JsonNode n, Set<String> allowed) {
            n.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    report(parsed.problemAt(n, k, "unknown key '" + k + "'" + didYouMean(k, allowed)
                            + " allowed: " + allowed.stream().sorted().toList()));
                }
            });
        }

        int line(JsonNode n) {
            return lines.getOrDefault(n, 0);
        }
    }

    /** The suggestion every problem of these files ends with when a known word is close. */
    static String didYouMean(String typed, java.util.Collection<String> known) {
        return Spelling.closest(typed, known).map(s -> "; did you mean '" + s + "'?").orElse("");
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
