package io.frontlineguard.memory;

import io.frontlineguard.decisionlog.DecisionLogSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The secret behind memory's pseudonyms, under the decision log's rules: at least 32 characters,
 * and the published dev/test key is refused in production. Where none is configured, the embedded
 * store makes a random one beside its files on first start (readable by the service's user only)
 * and keeps using it, so its memory survives restarts; instances sharing PostgreSQL must share a
 * key, so for them a missing key stops start-up. A key file missing beside an existing store stops
 * start-up too: a new key would forget everybody ({@link KeyFingerprint} catches a changed one).
 */
final class MemoryKey {

    static final String PROPERTY = "guard.memory.hmac-key";
    static final String ENV = "GUARD_MEMORY_HMAC_KEY";
    private static final Logger LOG = Logger.getLogger(MemoryKey.class);

    private MemoryKey() {
    }

    static String resolve(Optional<String> configured, boolean production, Optional<Path> embeddedDir) {
        Optional<String> key = configured.map(String::strip).filter(k -> !k.isEmpty());
        if (key.isPresent()) {
            if (key.get().length() < DecisionLogSettings.MIN_KEY_LENGTH) {
                throw new IllegalStateException(PROPERTY + " (env " + ENV + ") is shorter than "
                        + DecisionLogSettings.MIN_KEY_LENGTH + " characters; use a long random secret");
            }
            if (production && key.get().equals(DecisionLogSettings.DEV_KEY)) {
                throw new IllegalStateException(PROPERTY + " is the published dev/test key, which is no secret;"
                        + " configure a real secret for production (env " + ENV + ")");
            }
            return key.get();
        }
        if (embeddedDir.isEmpty()) {
            throw new IllegalStateException("case memory on a shared PostgreSQL needs " + PROPERTY + " (env " + ENV
                    + "): every instance must pseudonymise ids under the same secret. Set it, or guard.memory.enabled=false");
        }
        return fromFile(embeddedDir.get().resolve("memory.key"));
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Path data = file.resolveSibling("postgres");
            if (Files.exists(data.resolve("PG_VERSION"))) {
                throw new IllegalStateException("case memory: " + file + " is missing, but " + data + " holds a store written"
                        + " under it; a new key would silently forget every caller, case and block in it, so the service stops."
                        + " Restore memory.key from your backup of " + file.getParent() + " (or set " + PROPERTY + " / " + ENV
                        + " to its value); to start over with an empty memory instead, move " + file.getParent() + " away.");
            }
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String key = HexFormat.of().formatHex(secret);
            Path fresh = Files.createFile(file);
            try {
                Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warnf("cannot restrict %s to its owner on this file system; protect it by hand", file);
            }
            Files.writeString(fresh, key, StandardCharsets.UTF_8);
            LOG.infof("case memory: no %s configured; generated a key in %s (keep it with the data)", PROPERTY, file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the memory key " + file, e);
        }
    }
}
