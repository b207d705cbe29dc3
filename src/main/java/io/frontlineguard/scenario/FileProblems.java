package io.frontlineguard.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.YamlTree;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems of one scenario file, each placed at the key or value it concerns and kept once, in
 * the file's order (line, then column), whatever order the checks found them in: a file is read to
 * its end instead of stopping at the first, so an author fixes it in one round, top to bottom.
 */
final class FileProblems {

    private final YamlTree.Parsed parsed;
    private final Set<RuleProblem> found = new LinkedHashSet<>();

    FileProblems(YamlTree.Parsed parsed) {
        this.parsed = parsed;
    }

    YamlTree.Parsed parsed() {
        return parsed;
    }

    String file() {
        return parsed.file();
    }

    void report(RuleProblem problem) {
        found.add(problem);
    }

    /** A problem at a node: a value, or a mapping or list as a whole. */
    void at(JsonNode node, String message) {
        report(parsed.problemAt(node, message));
    }

    /** A problem at a key of a mapping (at the mapping where the key is not there). */
    void atKey(JsonNode mapping, String key, String message) {
        report(parsed.problemAt(mapping, key, message));
    }

    /** How many were found so far: a part read without adding to it was read without a problem. */
    int count() {
        return found.size();
    }

    List<RuleProblem> all() {
        // Stable: two problems at one place keep the order they were found in.
        return found.stream().sorted(Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column)).toList();
    }

    int line(JsonNode node) {
        return parsed.lines().getOrDefault(node, 0);
    }
}
