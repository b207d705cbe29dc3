package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frontlineguard.action.ActionCode;
import io.frontlineguard.assessment.AssessmentField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a scenario checks in its decision, read against the contract: action codes, each code's own
 * params and the assessment's fields and values. A code, param or value the contract lacks is
 * reported at itself with the one probably meant, and leaves the check out rather than keep a check
 * that can never pass or never fail.
 */
final class ScenarioChecks {

    private final FileProblems problems;
    private final ScenarioKeys keys;

    ScenarioChecks(FileProblems problems, ScenarioKeys keys) {
        this.problems = problems;
        this.keys = keys;
    }

    /** {@code expect}: each entry a code, or a mapping with {@code code} and the params that matter. */
    List<Scenario.Expected> expected(JsonNode item) {
        List<Scenario.Expected> out = new ArrayList<>();
        for (JsonNode e : keys.list(item, "expect")) {
            Scenario.Expected x = expected1(e);
            if (x != null) {
                out.add(x);
            }
        }
        return List.copyOf(out);
    }

    private Scenario.Expected expected1(JsonNode e) {
        if (e.isTextual()) {
            String code = code(e, e.asText());
            return code == null ? null : new Scenario.Expected(code, JsonNodeFactory.instance.objectNode());
        }
        if (!e.isObject() || !e.has("code")) {
            problems.at(e, "each 'expect' entry is a code, or a mapping with 'code' and its params");
            return null;
        }
        ObjectNode params = ((ObjectNode) e).deepCopy();
        String code = code(e.get("code"), params.remove("code").asText());
        if (code == null) {
            return null;
        }
        Set<String> known = ActionCode.valueOf(code).params().keySet();
        boolean ok = true;
        for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
            String p = it.next();
            if (!known.contains(p)) {
                ok = false;
                problems.atKey(e, p, code + " has no param '" + p + "'" + ScenarioKeys.didYouMean(p, known)
                        + (known.isEmpty() ? "; it takes no params" : "; it has " + new TreeSet<>(known)));
            }
        }
        return ok ? new Scenario.Expected(code, params) : null;
    }

    /** A list of action codes ({@code absent}, {@code overridden}), each unknown one reported at itself. */
    List<String> codes(JsonNode item, String key) {
        List<String> out = keys.strings(item, key);
        for (JsonNode n : keys.list(item, key)) {
            if (n.isTextual()) {
                code(n, n.asText());
            }
        }
        return out;
    }

    /** The code, or null (reported at the value) when the contract has no such action. */
    private String code(JsonNode at, String code) {
        if (!ActionCode.isKnown(code)) {
            List<String> codes = Arrays.stream(ActionCode.values()).map(Enum::name).toList();
            problems.at(at, "'" + code + "' is not an action code of the contract" + ScenarioKeys.didYouMean(code, codes));
            return null;
        }
        return code;
    }

    /**
     * {@code assessment: {harassment: YES, demandJustified: NO, meansAcceptable: NO, types: [THREAT]}}:
     * each field given must have that value; each type listed must be found.
     */
    Map<String, List<String>> assessment(JsonNode item) {
        JsonNode a = item.get("assessment");
        if (a == null) {
            return Map.of();
        }
        if (!a.isObject()) {
            problems.atKey(item, "assessment", "'assessment' must be a mapping");
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            List<String> fields = AssessmentField.wireNames();
            Optional<AssessmentField> known = AssessmentField.byWireName(key);
            if (known.isEmpty()) {
                problems.atKey(a, key, "unknown key '" + key + "' in 'assessment'" + ScenarioKeys.didYouMean(key, fields)
                        + "; allowed: " + fields);
                continue;
            }
            List<JsonNode> values = values(a, key, known.get());
            if (values != null) {
                out.put(key, values.stream().map(JsonNode::asText).toList());
            }
        }
        return Map.copyOf(out);
    }

    /** The values given for one assessment field, each unknown one reported; null when the shape is wrong. */
    private List<JsonNode> values(JsonNode a, String key, AssessmentField field) {
        JsonNode v = a.get(key);
        List<JsonNode> values = new ArrayList<>();
        if (field.collects() && v.isArray()) {
            v.forEach(values::add);
        } else if (!field.collects() && v.isTextual()) {
            values.add(v);
        } else {
            problems.atKey(a, key, "'" + key + "' takes "
                    + (field.collects() ? "a list of behaviour types" : "one value") + ": " + field.answers());
            return null;
        }
        for (JsonNode value : values) {
            if (!field.answers().contains(value.asText())) {
                problems.at(value, "'" + value.asText() + "' is not a value of " + key
                        + ScenarioKeys.didYouMean(value.asText(), field.answers()) + "; values: " + field.answers());
            }
        }
        return values;
    }
}
