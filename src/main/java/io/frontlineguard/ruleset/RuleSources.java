package io.frontlineguard.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of a rules folder, read once: every {@code .drl} below it (by path relative to the
 * folder, sorted) and the thresholds file. Everything that decides comes from here, so the
 * version hash over it identifies exactly what decided.
 */
public record RuleSources(Path directory, SortedMap<String, String> drl, String thresholds) {

    public static final String THRESHOLDS_FILE = "thresholds.yaml";

    public static RuleSources read(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(java.util.List.of(RuleProblem.error(dir.toString(), 0, 0,
                    "rules folder does not exist or is not a folder (set guard.rules.dir)")));
        }
        SortedMap<String, String> drl = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (f.getFileName().toString().endsWith(".drl")) {
                    drl.put(relative(dir, f), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            Path t = dir.resolve(THRESHOLDS_FILE);
            String thresholds = Files.isRegularFile(t) ? Files.readString(t, StandardCharsets.UTF_8) : null;
            return new RuleSources(dir, drl, thresholds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + dir, e);
        }
    }

    private static String relative(Path dir, Path f) {
        return dir.relativize(f).toString().replace('\\', '/');
    }

    /** A content hash over file names and contents; identical files give the identical version. */
    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : drl.entrySet()) {
                feed(sha, e.getKey());
                feed(sha, e.getValue());
            }
            feed(sha, THRESHOLDS_FILE);
            feed(sha, thresholds == null ? "" : thresholds);
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void feed(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(b);
    }
}
