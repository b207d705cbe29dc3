package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store never forgets silently: a missing or changed memory key stops the start with a message
 * that says what to do, and a rotation (the old key in guard.memory.previous-hmac-keys) is accepted.
 */
class MemoryKeyFingerprintTest {

    private static final Path DIR = Path.of("target/memory-key-fingerprint-test").toAbsolutePath();
    private static final String OLD = "old-memory-key-0123456789abcdef0123456789";
    private static final String NEW = "new-memory-key-0123456789abcdef0123456789";
    private static MemoryDatabase database;

    @BeforeAll
    static void start() {
        PostgresServer.deleteTree(DIR);
        database = MemoryDatabase.embedded(DIR.resolve("rotation"), 2, Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void shouldRefuseToStartWhenTheEmbeddedKeyFileIsMissingBesideItsStore() {
        Path dir = DIR.resolve("lost-key");
        String key = MemoryKey.resolve(Optional.empty(), true, Optional.of(dir));
        try (MemoryDatabase store = MemoryDatabase.embedded(dir, 2, Duration.ofSeconds(2))) {
            KeyFingerprint.verify(store.data(), key, List.of(), store.description());
        }
        assertDoesNotThrow(() -> Files.delete(dir.resolve("memory.key")));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> MemoryKey.resolve(Optional.empty(), true, Optional.of(dir)));
        assertTrue(refused.getMessage().contains("memory.key is missing"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Restore memory.key"), refused.getMessage());
        assertFalse(Files.exists(dir.resolve("memory.key")), "a new key was generated in place of the lost one");
    }

    @Test
    void shouldRefuseAKeyTheStoreWasNotWrittenUnderAndAcceptAPreviousKeyWhileRotating() throws Exception {
        KeyFingerprint.verify(database.data(), OLD, List.of(), "store");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> KeyFingerprint.verify(database.data(), NEW, List.of(), "store"));
        assertTrue(refused.getMessage().contains(KeyFingerprint.of(OLD)), refused.getMessage());
        assertTrue(refused.getMessage().contains("guard.memory.previous-hmac-keys"), refused.getMessage());
        assertFalse(refused.getMessage().contains(OLD) || refused.getMessage().contains(NEW), "the message reveals a key");
        assertEquals(List.of(KeyFingerprint.of(OLD)), fingerprints());

        KeyFingerprint.verify(database.data(), NEW, List.of("another-key-that-never-wrote-here-0123456789", OLD), "store");
        assertEquals(List.of(KeyFingerprint.of(OLD), KeyFingerprint.of(NEW)), fingerprints());
        // The rotation is recorded: the new key alone is accepted from now on.
        assertDoesNotThrow(() -> KeyFingerprint.verify(database.data(), NEW, List.of(), "store"));
    }

    @Test
    void shouldFingerprintAKeyWithoutRevealingIt() {
        assertEquals(32, KeyFingerprint.of(OLD).length());
        assertFalse(KeyFingerprint.of(OLD).equals(KeyFingerprint.of(NEW)));
        assertEquals(KeyFingerprint.of(OLD), KeyFingerprint.of(OLD));
    }

    private static List<String> fingerprints() throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = database.data().getConnection();
             ResultSet r = c.createStatement().executeQuery("select fingerprint from memory_key_fingerprint order by first_used, fingerprint")) {
            while (r.next()) {
                found.add(r.getString(1));
            }
        }
        return found;
    }
}
