package io.frontlineguard.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.incident.Spelling;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code thresholds.yaml} into {@link Thresholds}: every key of the record required, no other
 * key allowed, every value a whole number; each problem at the key it concerns.
 */
final class ThresholdsFile {

    private static final List<String> NAMES =
            Arrays.stream(Thresholds.class.getRecordComponents()).map(RecordComponent::getName).toList();

    private ThresholdsFile() {
    }

    /** The thresholds, or null with the problems added to {@code problems}. */
    static Thresholds read(RuleSources sources, List<RuleProblem> problems) {
        String file = RuleSources.THRESHOLDS_FILE;
        if (sources.thresholds() == null) {
            // A file that is not there has no line of its own; 1:1 is where an editor creates it.
            problems.add(RuleProblem.error(file, 1, 1, "missing: the rules folder needs this file (every threshold, one per line)"));
            return null;
        }
        YamlTree.Parsed parsed;
        try {
            parsed = YamlTree.parseAll(file, sources.thresholds());
        } catch (RuleSetException e) {
            problems.addAll(e.problems());
            return null;
        }
        JsonNode root = parsed.root();
        if (!root.isObject()) {
            problems.add(RuleProblem.error(file, 1, 1, "needs a mapping of threshold: whole number"));
            return null;
        }
        int before = problems.size();
        // A duplicate key is reported with the file's other problems, not instead of them.
        problems.addAll(parsed.duplicates());
        // A misspelt key is both unknown and the reason another is missing: report it once, as the typo.
        Set<String> explained = new HashSet<>();
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!NAMES.contains(key)) {
                Optional<String> meant = Spelling.closest(key, NAMES).filter(m -> !root.has(m));
                meant.ifPresent(explained::add);
                problems.add(parsed.problemAt(root, key, "unknown threshold '" + key + "'"
                        + meant.map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " thresholds: " + String.join(", ", NAMES)));
            }
        }
        Object[] values = new Object[NAMES.size()];
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            JsonNode value = root.get(name);
            if (value == null || value.isNull()) {
                if (!explained.contains(name)) {
                    problems.add(parsed.problemAt(root, name, "missing threshold '" + name + "'"));
                }
            } else if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                problems.add(parsed.problemAt(root, name, "threshold '" + name + "' must be a whole number"));
            } else {
                values[i] = value.intValue();
            }
        }
        if (problems.size() > before) {
            // This file's problems in its own order, line then column, whichever check found them.
            List<RuleProblem> own = new java.util.ArrayList<>(problems.subList(before, problems.size()));
            own.sort(java.util.Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
            problems.subList(before, problems.size()).clear();
            problems.addAll(own);
            return null;
        }
        try {
            Class<?>[] types = Arrays.stream(Thresholds.class.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            return Thresholds.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build Thresholds", e);
        }
    }
}
