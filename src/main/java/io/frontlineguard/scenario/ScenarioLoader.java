package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frontlineguard.action.ActionCode;
import io.frontlineguard.assessment.AssessmentField;
import io.frontlineguard.incident.Spelling;
import io.frontlineguard.memory.Recollection;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.ruleset.YamlTree;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every {@code *.scenarios.yaml} below a rules folder. A file has optional {@code defaults}
 * (merged under each scenario's incident) and a list of {@code scenarios}. Anything misspelt is an
 * error naming file and line, so a typo never turns a scenario into one that checks nothing.
 */
public final class ScenarioLoader {

    public static final String SUFFIX = ".scenarios.yaml";
    private static final Set<String> FILE_KEYS = Set.of("defaults", "scenarios");
    private static final Set<String> SCENARIO_KEYS =
            Set.of("name", "lessons", "incident", "memory", "expect", "absent", "fired", "overridden", "only", "assessment");

    private ScenarioLoader() {
    }

    /** Every scenario file of the snapshot, in file order then document order. */
    public static List<Scenario> load(FolderSnapshot folder) {
        List<Scenario> all = new ArrayList<>();
        folder.texts(SUFFIX).forEach((name, text) -> all.addAll(parse(name, text)));
        return all;
    }

    public static List<Scenario> parse(String file, String text) {
        YamlTree.Parsed parsed;
        try {
            parsed = YamlTree.parse(file, text);
        } catch (RuleSetException e) {
            throw new ScenarioException(e.problems().get(0));
        }
        Reader r = new Reader(file, parsed.lines(), parsed);
        JsonNode root = parsed.root();
        r.requireObject(root, "the file");
        r.onlyKeys(root, FILE_KEYS);
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode()) {
            r.requireObject(defaults, "'defaults'");
        }
        JsonNode items = root.get("scenarios");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw r.problem(root, "needs a non-empty list 'scenarios'");
        }
        List<Scenario> out = new ArrayList<>();
        for (JsonNode item : items) {
            out.add(r.scenario(item, defaults));
        }
        return out;
    }

    private record Reader(String file, Map<JsonNode, Integer> lines, YamlTree.Parsed parsed) {

        Scenario scenario(JsonNode item, JsonNode defaults) {
            requireObject(item, "a scenario");
            onlyKeys(item, SCENARIO_KEYS);
            String name = text(item, "name");
            JsonNode incident = item.get("incident");
            if (incident == null || !incident.isObject()) {
                throw problem(item, "scenario '" + name + "' needs an 'incident' mapping");
            }
            List<Scenario.Expected> expect = new ArrayList<>();
            for (JsonNode e : list(item, "expect")) {
                expect.add(expected(item, e));
            }
            List<String> absent = codes(item, "absent");
            List<String> fired = strings(item, "fired");
            Map<String, List<String>> assessment = assessment(item);
            if (expect.isEmpty() && absent.isEmpty() && fired.isEmpty() && assessment.isEmpty()) {
                throw problem(item, "scenario '" + name + "' checks nothing: give 'expect', 'absent', 'fired' or 'assessment'");
            }
            JsonNode merged = merge(defaults, incident);
            Recollection memory = item.has("memory")
                    ? new ScenarioMemory((n, k, m) -> new ScenarioException(parsed.problemAt(n, k, m)))
                            .read(item.get("memory"), merged)
                    : Recollection.NONE;
            return new Scenario(file, line(item), name, strings(item, "lessons"), merged,
                    List.copyOf(expect), absent, fired, codes(item, "overridden"),
                    item.path("only").asBoolean(false), memory, assessment);
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
            requireObject(a, "'assessment'");
            Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                List<String> fields = AssessmentField.wireNames();
                AssessmentField field = AssessmentField.byWireName(key).orElseThrow(() -> new ScenarioException(
                        parsed.problemAt(a, key, "unknown key '" + key + "' in 'assessment'"
                                + Spelling.closest(key, fields).map(s -> "; did you mean '" + s + "'?").orElse("")
                                + "; allowed: " + fields)));
                JsonNode v = a.get(key);
                List<String> values = new ArrayList<>();
                if (field.collects() && v.isArray()) {
                    v.forEach(t -> values.add(t.asText()));
                } else if (!field.collects() && v.isTextual()) {
                    values.add(v.asText());
                } else {
                    throw new ScenarioException(parsed.problemAt(a, key, "'" + key + "' takes "
                            + (field.collects() ? "a list of behaviour types" : "one value") + ": " + field.answers()));
                }
                for (String value : values) {
                    if (!field.answers().contains(value)) {
                        throw new ScenarioException(parsed.problemAt(a, key, "'" + value + "' is not a value of " + key
                                + Spelling.closest(value, field.answers()).map(s -> "; did you mean '" + s + "'?").orElse("")
                                + "; values: " + field.answers()));
                    }
                }
                out.put(key, List.copyOf(values));
            }
            return Map.copyOf(out);
        }

        private Scenario.Expected expected(JsonNode item, JsonNode e) {
            if (e.isTextual()) {
                return new Scenario.Expected(code(e, e.asText()), JsonNodeFactory.instance.objectNode());
            }
            if (!e.isObject() || !e.has("code")) {
                throw problem(item, "each 'expect' entry is a code, or a mapping with 'code' and its params");
            }
            ObjectNode params = ((ObjectNode) e).deepCopy();
            String code = code(e.get("code"), params.remove("code").asText());
            for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
                String p = it.next();
                java.util.Set<String> known = ActionCode.valueOf(code).params().keySet();
                if (!known.contains(p)) {
                    throw new ScenarioException(parsed.problemAt(e, p, code + " has no param '" + p + "'"
                            + Spelling.closest(p, known).map(s -> "; did you mean '" + s + "'?").orElse("")
                            + (known.isEmpty() ? "; it takes no params" : "; it has " + new java.util.TreeSet<>(known))));
                }
            }
            return new Scenario.Expected(code, params);
        }

        private String code(JsonNode at, String code) {
            if (!ActionCode.isKnown(code)) {
                List<String> codes = java.util.Arrays.stream(ActionCode.values()).map(Enum::name).toList();
                throw new ScenarioException(parsed.problemAt(at, "'" + code + "' is not an action code of the contract"
                        + Spelling.closest(code, codes).map(s -> "; did you mean '" + s + "'?").orElse("")));
            }
            return code;
        }

        private List<String> codes(JsonNode item, String key) {
            List<String> out = strings(item, key);
            for (JsonNode n : list(item, key)) {
                code(n, n.asText());
            }
            return out;
        }

        private List<String> strings(JsonNode item, String key) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : list(item, key)) {
                if (!n.isTextual() && !n.isNumber()) {
                    throw problem(item, "'" + key + "' lists plain values");
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
                throw problem(item, "'" + key + "' must be a list");
            }
            List<JsonNode> out = new ArrayList<>();
            n.forEach(out::add);
            return out;
        }

        private String text(JsonNode item, String key) {
            JsonNode n = item.get(key);
            if (n == null || !n.isTextual() || n.asText().isBlank()) {
                throw problem(item, "a scenario needs a '" + key + "'");
            }
            return n.asText();
        }

        void requireObject(JsonNode n, String what) {
            if (!n.isObject()) {
                throw problem(n, what + " must be a mapping");
            }
        }

        void onlyKeys(JsonNode n, Set<String> allowed) {
            n.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    throw new ScenarioException(parsed.problemAt(n, k, "unknown key '" + k + "'"
                            + Spelling.closest(k, allowed).map(s -> "; did you mean '" + s + "'?").orElse("")
                            + " allowed: " + allowed.stream().sorted().toList()));
                }
            });
        }

        int line(JsonNode n) {
            return lines.getOrDefault(n, 0);
        }

        ScenarioException problem(JsonNode at, String message) {
            return new ScenarioException(RuleProblem.error(file, line(at), 1, message));
        }
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
