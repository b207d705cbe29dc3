package io.frontlineguard.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A rules folder as it was at one moment: every rule file, thresholds, lesson catalogue and
 * scenario file, read once, with one content hash over all of them. Everything downstream (the
 * lint, the compiler, the catalogue, the scenarios, the watcher) takes this snapshot instead of
 * reading the folder again, so what is verified, what is hashed and what is served are the same bytes.
 */
public final class FolderSnapshot {

    private final Path directory;
    private final SortedMap<String, byte[]> files;
    private final String hash;

    private FolderSnapshot(Path directory, SortedMap<String, byte[]> files) {
        this.directory = directory;
        this.files = Collections.unmodifiableSortedMap(files);
        this.hash = hash(files);
    }

    /** Reads the folder; a folder that does not exist is a rule problem, not an I/O failure. */
    public static FolderSnapshot read(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(List.of(RuleProblem.error(dir.toString(), 0, 0,
                    "rules folder does not exist or is not a folder (set guard.rules.dir)")));
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile).filter(FolderSnapshot::belongs)
                    .filter(f -> !insideTimestampedCopy(dir.relativize(f)))::iterator) {
                try {
                    files.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                } catch (NoSuchFileException gone) {
                    // Deleted between listing and reading: the snapshot is of the folder without it.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + dir, e);
        }
        return new FolderSnapshot(dir, files);
    }

    /**
     * This snapshot with some files replaced, added or taken out, read from nowhere: a candidate
     * someone sent (the console's impact page) rather than a folder on disk. It keeps this
     * snapshot's directory, so problems are located as in the folder the candidate edits.
     */
    public FolderSnapshot with(Map<String, String> changed, java.util.Set<String> removed) {
        SortedMap<String, byte[]> candidate = new TreeMap<>(files);
        removed.forEach(candidate::remove);
        changed.forEach((name, text) -> candidate.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return new FolderSnapshot(directory, candidate);
    }

    /** The files' names (relative, with {@code /}), sorted. */
    public List<String> names() {
        return List.copyOf(files.keySet());
    }

    /** Whether the snapshot holds a file of this name (relative, with {@code /}). */
    public boolean has(String name) {
        return files.containsKey(name);
    }

    /**
     * A Kubernetes ConfigMap mount holds each file as a symlink into {@code ..data}, itself a symlink
     * to a timestamped copy such as {@code ..2026_12_03_10_00_00.123}, swapped in one step on an
     * update. The links are the folder; the copies behind them would read every rule twice.
     */
    private static boolean insideTimestampedCopy(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith("..")) {
                return true;
            }
        }
        return false;
    }

    private static boolean belongs(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".drl") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    public Path directory() {
        return directory;
    }

    /** Relative path → text, for the files whose names end with {@code suffix}. */
    public SortedMap<String, String> texts(String suffix) {
        SortedMap<String, String> texts = new TreeMap<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(suffix)) {
                texts.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return texts;
    }

    /** The text of one file, or null when the folder has no such file. */
    public String text(String name) {
        byte[] bytes = files.get(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The hex SHA-256 over every file's name and content; the watcher compares it. */
    public String hash() {
        return hash;
    }

    /** What decisions report as rulesetVersion: the same hash, shortened. */
    public String version() {
        return "sha256:" + hash.substring(0, 16);
    }


    private static String hash(SortedMap<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                feed(sha, f.getKey().getBytes(StandardCharsets.UTF_8));
                feed(sha, f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // Length-prefixed, so that moving bytes from one file's name to its content changes the hash.
    private static void feed(MessageDigest sha, byte[] b) {
        sha.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(b);
    }
}
