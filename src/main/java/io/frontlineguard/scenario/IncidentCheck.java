package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.incident.Violation;
import io.frontlineguard.incident.ViolationCode;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.YamlTree;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scenario's incident as the API would and places each violation where the author wrote
 * it: the API names a path ({@code demands[0].type}), which is found in the scenario's own
 * {@code incident}, else in the file's {@code defaults} (then the problem is the file's, not this
 * scenario's), else reported at the {@code incident} key. Checked while the file is read, so
 * {@code guard check} lists an invalid incident with the file's other problems.
 */
final class IncidentCheck {

    private static final IncidentReader READER = new IncidentReader();
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final YamlTree.Parsed parsed;
    private final String scenario;
    private final JsonNode incident;
    private final JsonNode defaults;
    private final JsonNode item;

    IncidentCheck(YamlTree.Parsed parsed, String scenario, JsonNode incident, JsonNode defaults, JsonNode item) {
        this.parsed = parsed;
        this.scenario = scenario;
        this.incident = incident;
        this.defaults = defaults;
        this.item = item;
    }

    /** Every violation of the merged incident, each at its key or value; empty when the API would accept it. */
    List<RuleProblem> problems(JsonNode merged) {
        List<Violation> violations;
        try {
            READER.read(merged);
            return List.of();
        } catch (InvalidIncidentException e) {
            violations = e.violations();
        }
        List<RuleProblem> out = new ArrayList<>();
        for (Violation v : violations) {
            String what = (v.path().isEmpty() ? "" : v.path() + " ") + v.message();
            boolean atKey = v.code() == ViolationCode.UNKNOWN_FIELD;
            RuleProblem own = locate(incident, v.path(), atKey, "scenario '" + scenario + "': its incident is not valid: " + what);
            RuleProblem shared = own == null && defaults.isObject()
                    ? locate(defaults, v.path(), atKey, "'defaults' make an incident that is not valid: " + what) : null;
            out.add(own != null ? own : shared != null ? shared
                    : parsed.problemAt(item, "incident", "scenario '" + scenario + "': its incident is not valid: " + what));
        }
        return out;
    }

    /**
     * The deepest node of {@code path} written below {@code base}, as a problem there; null when
     * not even its first field is written there. A field that is missing (a required one) is
     * reported at the mapping that lacks it; a wrong value at the value, unless {@code atKey} (an
     * unknown field: the key is the mistake).
     */
    private RuleProblem locate(JsonNode base, String path, boolean atKey, String message) {
        JsonNode node = base;
        RuleProblem at = null;
        for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                break;
            }
            String field = m.group(1);
            if (!field.isEmpty()) {
                if (!node.isObject() || !node.has(field)) {
                    return at == null ? null : parsed.problemAt(node, message);
                }
                JsonNode value = node.get(field);
                // true, false and small numbers are shared nodes with no position of their own; their key has one.
                at = !atKey && (value.isTextual() || value.isContainerNode()) ? parsed.problemAt(value, message)
                        : parsed.problemAt(node, field, message);
                node = value;
            }
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                int i = Integer.parseInt(index.group(1));
                if (!node.isArray() || i >= node.size()) {
                    return at;
                }
                node = node.get(i);
                at = parsed.problemAt(node, message);
            }
        }
        return at;
    }
}
