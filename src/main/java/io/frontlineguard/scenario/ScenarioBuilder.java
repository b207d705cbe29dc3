package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.memory.Recollection;
import io.frontlineguard.ruleset.LessonCatalogue;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Builds one scenario from its mapping: its names, lessons, incident (the file's defaults merged
 * under it), checks and memory. A scenario with any problem is not built, but it is read to its end
 * first, so every problem it has is reported in the same run.
 */
final class ScenarioBuilder {

    private final FileProblems problems;
    private final ScenarioKeys keys;
    private final ScenarioChecks checks;
    /** Null: neither incidents nor lessons are checked. */
    private final Predicate<String> knownLesson;

    ScenarioBuilder(FileProblems problems, Predicate<String> knownLesson) {
        this.problems = problems;
        this.keys = new ScenarioKeys(problems);
        this.checks = new ScenarioChecks(problems, keys);
        this.knownLesson = knownLesson;
    }

    /** The file's keys, checked with the same suggestions as a scenario's. */
    ScenarioKeys keys() {
        return keys;
    }

    /** A scenario, or null when it has a problem (every one of them reported). */
    Scenario build(JsonNode item, JsonNode defaults) {
        if (!item.isObject()) {
            problems.at(item, "a scenario must be a mapping (- name: …)");
            return null;
        }
        int before = problems.count();
        keys.onlyKeys(item, ScenarioKeys.SCENARIO_KEYS);
        String name = keys.text(item, "name");
        String japaneseName = keys.optionalText(item, "ja_name");
        List<String> lessons = lessons(item, name);
        JsonNode merged = incident(item, name, defaults);
        List<Scenario.Expected> expect = checks.expected(item);
        List<String> absent = checks.codes(item, "absent");
        List<String> fired = keys.strings(item, "fired");
        List<String> overridden = checks.codes(item, "overridden");
        Map<String, List<String>> assessment = checks.assessment(item);
        boolean only = keys.flag(item, "only");
        // A scenario whose checks were all misspelt has its problems already; "checks nothing" would only repeat them.
        if (expect.isEmpty() && absent.isEmpty() && fired.isEmpty() && assessment.isEmpty() && problems.count() == before) {
            problems.at(item, "scenario '" + name + "' checks nothing: give 'expect', 'absent', 'fired' or 'assessment'");
        }
        Recollection memory = item.has("memory") && merged != null ? memory(item.get("memory"), merged) : Recollection.NONE;
        if (problems.count() > before) {
            return null;
        }
        return new Scenario(problems.file(), problems.line(item), name, lessons, merged, expect, absent, fired, overridden,
                only, memory, assessment, japaneseName);
    }

    /** The lessons named, each of which the catalogue must know, reported at the id itself. */
    private List<String> lessons(JsonNode item, String name) {
        List<String> out = keys.strings(item, "lessons");
        for (JsonNode id : keys.list(item, "lessons")) {
            if (knownLesson != null && id.isTextual() && !knownLesson.test(id.asText())) {
                problems.at(id, "scenario '" + name + "' names lesson '" + id.asText() + "', which is not in " + LessonCatalogue.FILE);
            }
        }
        return out;
    }

    /** The incident with the file's defaults under it, read as the API reads it when checked; null when there is none. */
    private JsonNode incident(JsonNode item, String name, JsonNode defaults) {
        JsonNode incident = item.get("incident");
        if (incident == null) {
            if (!ScenarioKeys.misspelt(item, "incident")) {
                problems.at(item, "scenario '" + name + "' needs an 'incident' mapping");
            }
            return null;
        }
        if (!incident.isObject()) {
            problems.atKey(item, "incident", "scenario '" + name + "': 'incident' must be a mapping");
            return null;
        }
        JsonNode merged = ScenarioLoader.merge(defaults, incident);
        if (knownLesson != null) {
            new IncidentCheck(problems.parsed(), name, incident, defaults, item).problems(merged).forEach(problems::report);
        }
        return merged;
    }

    /** What memory holds before the incident; NONE (its problems reported) when it cannot be read. */
    private Recollection memory(JsonNode memory, JsonNode merged) {
        try {
            return new ScenarioMemory(new ScenarioMemory.Problems() {
                @Override
                public ScenarioException at(JsonNode mapping, String key, String message) {
                    return new ScenarioException(problems.parsed().problemAt(mapping, key, message));
                }

                @Override
                public ScenarioException atValue(JsonNode mapping, String key, String message) {
                    JsonNode value = mapping.path(key);
                    return new ScenarioException(value.isTextual() ? problems.parsed().problemAt(value, message)
                            : problems.parsed().problemAt(mapping, key, message));
                }
            }).read(memory, merged);
        } catch (ScenarioException e) {
            e.problems().forEach(problems::report);
            return Recollection.NONE;
        }
    }
}
