package io.frontlineguard.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.decisionlog.DecisionLogSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pseudonym key follows the decision log's rules, with one documented exception for the embedded store. */
class MemoryKeyTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAShortKeyAndThePublishedKeyInProduction() {
        assertTrue(assertThrows(IllegalStateException.class, () -> MemoryKey.resolve(Optional.of("short"), true, Optional.empty()))
                .getMessage().contains("shorter than 32"));
        assertTrue(assertThrows(IllegalStateException.class, () -> MemoryKey.resolve(Optional.of(DecisionLogSettings.DEV_KEY),
                true, Optional.empty())).getMessage().contains("published"));
        assertEquals(DecisionLogSettings.DEV_KEY, MemoryKey.resolve(Optional.of(DecisionLogSettings.DEV_KEY), false, Optional.empty()));
    }

    @Test
    void shouldRequireAKeyForASharedDatabase() {
        assertTrue(assertThrows(IllegalStateException.class, () -> MemoryKey.resolve(Optional.empty(), true, Optional.empty()))
                .getMessage().contains("GUARD_MEMORY_HMAC_KEY"));
    }

    @Test
    void shouldGenerateOneKeyForTheEmbeddedStoreReadableOnlyByItsOwnerAndKeepIt() throws Exception {
        String first = MemoryKey.resolve(Optional.of("  "), true, Optional.of(dir));
        assertEquals(64, first.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("memory.key"))));
        assertEquals(first, MemoryKey.resolve(Optional.empty(), true, Optional.of(dir)));
    }
}
