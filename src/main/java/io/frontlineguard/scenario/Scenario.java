package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.memory.Recall;
import io.frontlineguard.memory.Recollection;
import java.util.List;
import java.util.Map;

/**
 * One regression scenario: an incident (the API's request, defaults of its file applied) and what
 * the decision must and must not contain.
 *
 * @param expect   actions that must be present, each with the params that matter
 * @param absent   action codes that must not be present
 * @param fired    rules that must fire
 * @param overridden action codes that must appear among the overridden
 * @param only     when true, no action beyond {@code expect} may appear
 * @param memory   what case memory holds before the incident ({@code memory:}); NONE when not given
 * @param assessment the assessment fields that must have these values, by wire name; for
 *                 {@code types}, the behaviour types that must be among those found (an empty list: none may be)
 * @param japaneseName the name in Japanese ({@code ja_name}), which the console shows Japanese readers; null
 *                 where the file gives none (rule folders of tests and operators need not translate)
 */
public record Scenario(String file, int line, String name, List<String> lessons, JsonNode incident,
                       List<Expected> expect, List<String> absent, List<String> fired, List<String> overridden,
                       boolean only, Recollection memory, Map<String, List<String>> assessment, String japaneseName) {

    public Scenario {
        assessment = Map.copyOf(assessment);
    }

    public Scenario(String file, int line, String name, List<String> lessons, JsonNode incident, List<Expected> expect,
                    List<String> absent, List<String> fired, List<String> overridden, boolean only, Recollection memory) {
        this(file, line, name, lessons, incident, expect, absent, fired, overridden, only, memory, Map.of(), null);
    }

    /** The facts the rules see: the incident read as the API reads it, combined with the scenario's memory. */
    public Incident facts(Incident reported) {
        return IN_CLEAR.apply(reported, memory).incident();
    }

    /**
     * Scenario memory names employees in clear, so it is matched in clear, after the same
     * normalisation the service applies before it pseudonymises an id.
     */
    private static final Recall IN_CLEAR = new Recall(ScenarioMemory.IDS::normalise);

    /** An expected action: its code and the params that must match (others are not compared). */
    public record Expected(String code, JsonNode params) {

        @Override
        public String toString() {
            return params.isEmpty() ? code : code + " " + params;
        }
    }

    /** How reports and JUnit name this scenario. */
    public String id() {
        return file + " › " + name;
    }

    public String location() {
        return file + ":" + line;
    }
}
