package io.frontlineguard.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The lesson ids rules may cite, from {@code lessons.yaml} in the rules folder, with their summaries. */
public record LessonCatalogue(SortedMap<String, String> lessons) {

    public static final String FILE = "lessons.yaml";

    public static LessonCatalogue read(Path rulesDir) {
        Path file = rulesDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new RuleSetException(List.of(RuleProblem.error(FILE, 0, 0,
                    "missing: the rules folder needs its lesson catalogue")));
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("lessons");
            if (!root.isObject()) {
                throw new RuleSetException(List.of(RuleProblem.error(FILE, 1, 1, "needs a mapping 'lessons' of id: summary")));
            }
            SortedMap<String, String> ids = new TreeMap<>();
            root.fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().asText()));
            return new LessonCatalogue(ids);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RuleSetException(List.of(RuleProblem.error(FILE, line, 1, "not valid YAML: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new RuleSetException(List.of(RuleProblem.error(FILE, 0, 0, "cannot read: " + e.getMessage())));
        }
    }

    public boolean knows(String id) {
        return lessons.containsKey(id);
    }
}
