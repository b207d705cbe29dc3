package io.frontlineguard.decisionlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds one entry in a log file by reading it line by line; only the matching line is parsed.
 * Entries start with their decision id, so other lines are skipped by a prefix comparison.
 */
public final class DecisionLogLookup {

    /** Decision ids are UUIDs; anything else cannot be in the log and is not worth a scan. */
    private static final Pattern DECISION_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionLogLookup() {
    }

    public static Optional<JsonNode> find(Path file, String decisionId) throws IOException {
        if (decisionId == null || !DECISION_ID.matcher(decisionId).matches()) {
            return Optional.empty();
        }
        String prefix = "{\"decisionId\":\"" + decisionId + "\"";
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(prefix)) {
                    return Optional.of(JSON.readTree(line));
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
