package io.frontlineguard.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileSinkTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteLogFilesAndTheirFolderReadableOnlyByTheServicesUser() throws Exception {
        Path file = dir.resolve("log/decisions.jsonl");
        Path older = dir.resolve("earlier/old.jsonl");
        Files.createDirectories(older.getParent());
        Files.writeString(older, "{}\n");
        Files.setPosixFilePermissions(older, PosixFilePermissions.fromString("rw-r--r--"));
        RotatingFileSink sink = new RotatingFileSink(file, 30, 2);
        sink.write(List.of("%019d".formatted(1), "%019d".formatted(2)));
        sink.close();
        new RotatingFileSink(older, 100, 1).close();

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        // A folder that was there before is the operator's choice; the sink's own files are narrowed all the same.
        for (Path p : List.of(file, dir.resolve("log/decisions.jsonl.1"), older)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
    }

    @Test
    void shouldRotateBeforeAFileOutgrowsTheLimitAndKeepOnlyNFiles() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        RotatingFileSink sink = new RotatingFileSink(file, 100, 2);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("%019d".formatted(i)); // 20 bytes with the newline: five lines per file
        }
        sink.write(lines);
        sink.close();

        assertEquals(List.of(lines.get(15), lines.get(16), lines.get(17), lines.get(18), lines.get(19)),
                Files.readAllLines(file));
        assertEquals(lines.subList(10, 15), Files.readAllLines(dir.resolve("decisions.jsonl.1")));
        assertEquals(lines.subList(5, 10), Files.readAllLines(dir.resolve("decisions.jsonl.2")));
        assertFalse(Files.exists(dir.resolve("decisions.jsonl.3")));
        for (Path p : List.of(file, dir.resolve("decisions.jsonl.1"))) {
            assertTrue(Files.size(p) <= 100);
        }
    }

    @Test
    void shouldAppendToAnExistingFile() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        Files.writeString(file, "old\n");
        RotatingFileSink sink = new RotatingFileSink(file, 1000, 1);
        sink.write(List.of("new"));
        sink.close();
        assertEquals(List.of("old", "new"), Files.readAllLines(file));
    }
}
