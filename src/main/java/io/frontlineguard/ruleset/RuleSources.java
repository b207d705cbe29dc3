package io.frontlineguard.ruleset;

import java.nio.file.Path;
import java.util.SortedMap;

/**
 * What the lint and the compiler take from a folder snapshot: every {@code .drl} (by path relative
 * to the folder) and the thresholds file, with the snapshot's version.
 */
public record RuleSources(Path directory, SortedMap<String, String> drl, String thresholds, String version) {

    public static final String THRESHOLDS_FILE = "thresholds.yaml";

    public static RuleSources of(FolderSnapshot snapshot) {
        return new RuleSources(snapshot.directory(), snapshot.texts(".drl"), snapshot.text(THRESHOLDS_FILE),
                snapshot.version());
    }
}
