package io.frontlineguard.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Nothing the replay runs can write case memory or the decision log: read from the compiled
 * classes with jdeps, no class the impact command reaches, directly or through others, is one that
 * records: the memory store every write goes through and what holds it, the decision service and
 * its listeners, the log's writer and sinks. The command does reach memory's value classes
 * (scenarios describe a case file with them, and verification reads scenarios); those only compute.
 * An import that would let a replay record fails here, naming the path.
 */
class ReplayWritesNothingTest {

    private static final String PREFIX = "io.frontlineguard.";
    private static final Set<String> WRITERS = Set.of("memory.MemoryStore", "memory.Memory", "memory.MemoryDecisions",
            "memory.MemoryDatabase", "memory.Corrections", "memory.RetentionPurge",
            "decision.DecisionService", "decisionlog.DecisionLog",
            "decisionlog.DecisionLogWriter", "decisionlog.RotatingFileSink", "decisionlog.StreamSink",
            "decisionlog.LineSink", "metrics.DecisionMetrics");

    @Test
    void shouldReachNoClassThatWritesMemoryOrTheDecisionLog() {
        Map<String, Set<String>> edges = classDependencies();
        assertTrue(edges.containsKey("impact.LogReplay"), "jdeps read the classes: " + edges.keySet().size());

        Map<String, String> reachedFrom = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of("authoring.ImpactCommand"));
        edges.keySet().stream().filter(c -> c.startsWith("impact.")).forEach(todo::add);
        todo.forEach(c -> reachedFrom.put(c, "(start)"));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            for (String next : edges.getOrDefault(c, Set.of())) {
                if (reachedFrom.putIfAbsent(next, c) == null) {
                    todo.push(next);
                }
            }
        }
        Set<String> writers = new TreeSet<>();
        reachedFrom.keySet().stream().filter(c -> c.startsWith("memory.embedded.") || WRITERS.contains(c))
                .forEach(c -> writers.add(c + " via " + reachedFrom.get(c)));
        assertTrue(reachedFrom.containsKey("decision.DecisionEngine"), "the replay decides with the engine");
        assertEquals(Set.of(), writers);
    }

    private static Map<String, Set<String>> classDependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "-verbose:class", "-filter:none", "-e", "io\\.frontlineguard.*", "target/classes");
        assertEquals(0, exit, out::toString);
        Map<String, Set<String>> edges = new HashMap<>();
        for (String line : out.toString().lines().toList()) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 3 && p[0].startsWith(PREFIX) && p[1].equals("->") && p[2].startsWith(PREFIX)) {
                edges.computeIfAbsent(outer(p[0]), k -> new TreeSet<>()).add(outer(p[2]));
            }
        }
        return edges;
    }

    /** Nested classes count as their outer class: a record inside DecisionLog is DecisionLog's. */
    private static String outer(String name) {
        String c = name.substring(PREFIX.length());
        int nested = c.indexOf('$');
        return nested < 0 ? c : c.substring(0, nested);
    }
}
