package io.frontlineguard.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The lesson ids rules may cite, from {@code lessons.yaml} in the rules folder, with their summaries. */
public record LessonCatalogue(SortedMap<String, String> lessons) {

    public static final String FILE = "lessons.yaml";

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
        lessons.fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().asText()));
        return new LessonCatalogue(ids);
    }

    public boolean knows(String id) {
        return lessons.containsKey(id);
    }
}
