package io.frontlineguard.rulemanagement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hash over every file that can change what a reload would accept: the rule files and
 * thresholds (which make up rulesetVersion) and also the lesson catalogue and the scenarios,
 * which decide whether the rules pass. The watcher compares it, not rulesetVersion, so that
 * fixing a scenario alone triggers a new attempt.
 */
final class FolderFingerprint {

    private FolderFingerprint() {
    }

    static String of(Path dir) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : relevantFiles(dir)) {
                byte[] name = dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8);
                byte[] content;
                try {
                    content = Files.readAllBytes(f);
                } catch (NoSuchFileException gone) {
                    continue; // deleted between listing and reading: the next poll sees the new state
                }
                sha.update(name);
                sha.update((byte) 0);
                sha.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(content);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            // An unreadable folder is a state of its own; the reload that follows reports why.
            return "unreadable:" + e.getMessage();
        }
    }

    private static List<Path> relevantFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        return n.endsWith(".drl") || n.endsWith(".yaml") || n.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        }
    }
}
