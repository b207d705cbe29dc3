package io.frontlineguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers (incident, action, ruleset, decision, …, api): no package may depend,
 * directly or through others, on one that depends on it. Read from the compiled classes with the
 * JDK's jdeps, so a new import that closes a loop fails the build and names the loop.
 */
class PackageCyclesTest {

    private static final String PREFIX = "io.frontlineguard.";

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        Map<String, Set<String>> edges = dependencies();
        assertTrue(edges.containsKey("api") && edges.containsKey("decision"), "jdeps read the classes: " + edges.keySet());

        List<List<String>> cycles = new Tarjan(edges).cycles();

        assertEquals(List.of(), cycles, () -> "package cycles; dependencies: " + edges);
    }

    private static Map<String, Set<String>> dependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "-verbose:package", "-filter:none", "-e", "io\\.frontlineguard.*", "target/classes");
        assertEquals(0, exit, out::toString);
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.toString().lines().toList()) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 3 && p[0].startsWith(PREFIX) && p[1].equals("->") && p[2].startsWith(PREFIX)) {
                String from = p[0].substring(PREFIX.length());
                String to = p[2].substring(PREFIX.length());
                if (!from.equals(to)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        return edges;
    }

    /** Strongly connected components; each one of more than one package is a cycle. */
    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final List<List<String>> cycles = new ArrayList<>();

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        List<List<String>> cycles() {
            edges.keySet().forEach(v -> {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            });
            return cycles;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            for (String w : edges.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    cycles.add(component.stream().sorted().toList());
                }
            }
        }
    }
}
