package io.frontlineguard.rulemanagement;

import io.frontlineguard.ruleset.FolderSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small rules folder the reload tests may break and change while the service runs: a copy of
 * {@code src/test/resources/reload-fixture} under {@code target/}, so the real rules stay untouched.
 * The path is fixed (not a random temp folder) because the profile and the test may live in
 * different class loaders.
 */
final class ReloadFixture {

    static final Path SOURCE = Path.of("src/test/resources/reload-fixture").toAbsolutePath();
    static final Path DIR = Path.of("target/reload-test-rules").toAbsolutePath();
    static final List<String> FILES = List.of("visits.drl", "thresholds.yaml", "lessons.yaml", "visits.scenarios.yaml");

    private ReloadFixture() {
    }

    /** Puts the fixture's original files back in the working folder. */
    static void restore() {
        try {
            Files.createDirectories(DIR);
            try (Stream<Path> old = Files.list(DIR)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    if (!FILES.contains(p.getFileName().toString())) {
                        Files.delete(p);
                    }
                }
            }
            for (String f : FILES) {
                write(f, original(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String original(String file) {
        try {
            return Files.readString(SOURCE.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces a file in one step (write beside, then atomic move), as a careful deployment tool
     * would, so the watcher never reads half a file.
     */
    static void write(String file, String content) {
        try {
            Path tmp = DIR.resolve("." + file + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, DIR.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rulesetVersion the folder's current files would have. */
    static String version() {
        return FolderSnapshot.read(DIR).version();
    }

    /** Service settings for a test that works on the fixture with the watcher polling fast. */
    static Map<String, String> config() {
        return Map.of("guard.rules.dir", DIR.toString(),
                "guard.rules.watch", "true",
                "guard.rules.watch-interval", "100ms");
    }
}
