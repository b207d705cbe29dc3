package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.incident.Spelling;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The keys of a scenario and the plain values they take, each checked where it is written: an
 * unknown key is reported with the key probably meant, so a typo never turns a check into one that
 * checks nothing, and a key left out because it was misspelt is not reported a second time.
 */
final class ScenarioKeys {

    static final Set<String> SCENARIO_KEYS = Set.of("name", "ja_name", "lessons", "incident", "memory", "expect", "absent",
            "fired", "overridden", "only", "assessment");

    private final FileProblems problems;

    ScenarioKeys(FileProblems problems) {
        this.problems = problems;
    }

    /** The suggestion every problem of these files ends with when a known word is close. */
    static String didYouMean(String typed, Collection<String> known) {
        return Spelling.closest(typed, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    void onlyKeys(JsonNode n, Set<String> allowed) {
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                problems.atKey(n, k, "unknown key '" + k + "'" + didYouMean(k, allowed)
                        + " allowed: " + allowed.stream().sorted().toList());
            }
        });
    }

    /** Whether a missing key is there misspelt: its unknown-key problem, with the suggestion, already says it. */
    static boolean misspelt(JsonNode item, String key) {
        for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!SCENARIO_KEYS.contains(k) && Spelling.closest(k, SCENARIO_KEYS).filter(key::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** A sentence the scenario must give ({@code "?"} when it is missing or not a sentence, reported). */
    String text(JsonNode item, String key) {
        JsonNode n = item.get(key);
        if (n == null) {
            if (!misspelt(item, key)) {
                problems.at(item, "a scenario needs a '" + key + "'");
            }
            return "?";
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problems.atKey(item, key, "'" + key + "' must be a sentence");
            return "?";
        }
        return n.asText();
    }

    /** A key a scenario may leave out (null then), but when given it is a sentence like {@code name}. */
    String optionalText(JsonNode item, String key) {
        return item.has(key) ? text(item, key) : null;
    }

    /** The entries of a list key; none when it is absent or null, and none (reported) when it is not a list. */
    List<JsonNode> list(JsonNode item, String key) {
        JsonNode n = item.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            problems.atKey(item, key, "'" + key + "' must be a list");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    /** A list of plain values (names, codes, ids), each other entry reported. */
    List<String> strings(JsonNode item, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(item, key)) {
            if (!n.isTextual() && !n.isNumber()) {
                problems.at(n, "'" + key + "' lists plain values");
                continue;
            }
            out.add(n.asText());
        }
        return List.copyOf(out);
    }

    /** A yes/no key ({@code only}): false when absent, and false (reported) when it is not true or false. */
    boolean flag(JsonNode item, String key) {
        JsonNode value = item.get(key);
        if (value != null && !value.isBoolean()) {
            problems.atKey(item, key, "'" + key + "' must be true or false");
            return false;
        }
        return value != null && value.booleanValue();
    }
}
