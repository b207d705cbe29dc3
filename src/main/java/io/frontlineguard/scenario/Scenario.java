package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.memory.Recall;
import io.frontlineguard.memory.Recollection;
import java.util.List;
import java.util.function.UnaryOperator;

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
 */
public record Scenario(String file, int line, String name, List<String> lessons, JsonNode incident,
                       List<Expected> expect, List<String> absent, List<String> fired, List<String> overridden,
                       boolean only, Recollection memory) {

    /** The facts the rules see: the incident read as the API reads it, combined with the scenario's memory. */
    public Incident facts(Incident reported) {
        return IN_CLEAR.apply(reported, memory).incident();
    }

    /** Scenario memory names employees in clear, so it is matched in clear. */
    private static final Recall IN_CLEAR = new Recall(UnaryOperator.identity());

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
