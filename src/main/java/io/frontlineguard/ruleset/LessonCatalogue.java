package io.frontlineguard.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The lesson ids rules may cite, from {@code lessons.yaml} in the rules folder, with their summaries,
 * the same in Japanese ({@code ja}, for the console's Japanese readers) and, for lessons taken from
 * published guidance, the source (title and section). An entry is either {@code id: summary} or
 * {@code id: {text: summary, ja: 要約, source: "title, section"}}.
 */
public record LessonCatalogue(SortedMap<String, String> lessons, SortedMap<String, String> sources,
                              SortedMap<String, String> japanese) {

    public static final String FILE = "lessons.yaml";

    public LessonCatalogue(SortedMap<String, String> lessons) {
        this(lessons, new TreeMap<>(), new TreeMap<>());
    }

    public static LessonCatalogue read(FolderSnapshot folder) {
        String text = folder.text(FILE);
        if (text == null) {
            // A file that is not there has no line of its own; 1:1 is where an editor creates it.
            throw new RuleSetException(List.of(RuleProblem.error(FILE, 1, 1,
                    "missing: the rules folder needs its lesson catalogue")));
        }
        YamlTree.Parsed parsed = YamlTree.parse(FILE, text);
        JsonNode lessons = parsed.root().path("lessons");
        if (!lessons.isObject()) {
            throw new RuleSetException(List.of(RuleProblem.error(FILE, 1, 1, "needs a mapping 'lessons' of id: summary")));
        }
        SortedMap<String, String> ids = new TreeMap<>();
        SortedMap<String, String> sources = new TreeMap<>();
        SortedMap<String, String> japanese = new TreeMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) lessons::fields) {
            JsonNode v = e.getValue();
            if (v.isObject()) {
                List<String> unknown = new ArrayList<>();
                v.fieldNames().forEachRemaining(k -> {
                    if (!List.of("text", "ja", "source").contains(k)) {
                        unknown.add(k);
                    }
                });
                if (!v.path("text").isTextual() || !unknown.isEmpty()) {
                    problems.add(parsed.problemAt(lessons, e.getKey(), "lesson '" + e.getKey()
                            + "' is a summary, or a mapping with 'text' (required), 'ja' and 'source'"
                            + (unknown.isEmpty() ? "" : "; unknown key " + String.join(", ", unknown))));
                    continue;
                }
                ids.put(e.getKey(), v.get("text").asText());
                if (v.path("source").isTextual()) {
                    sources.put(e.getKey(), v.get("source").asText());
                }
                if (v.path("ja").isTextual()) {
                    japanese.put(e.getKey(), v.get("ja").asText());
                }
            } else {
                ids.put(e.getKey(), v.asText());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new LessonCatalogue(ids, sources, japanese);
    }

    public boolean knows(String id) {
        return lessons.containsKey(id);
    }
}
