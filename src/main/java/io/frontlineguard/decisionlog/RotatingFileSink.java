package io.frontlineguard.decisionlog;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A JSON-lines file rotated by size: before a line would push the current file past the limit, it
 * becomes {@code <name>.1}, older ones shift to {@code .2} … and the oldest beyond {@code keep} is
 * deleted. A single line larger than the limit still goes into a file of its own.
 */
public final class RotatingFileSink implements LineSink {

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private final Path path;
    private final long maxBytes;
    private final int keep;
    private FileOutputStream file;
    private BufferedOutputStream out;
    private long size;

    public RotatingFileSink(Path path, long maxBytes, int keep) throws IOException {
        this.path = path.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.keep = Math.max(0, keep);
        Path parent = this.path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        open();
    }

    public Path path() {
        return path;
    }

    @Override
    public void write(List<String> lines) throws IOException {
        for (String line : lines) {
            // The line and its newline go into the buffer separately: no concatenated copy of every line.
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (size > 0 && size + bytes.length + 1 > maxBytes) {
                rotate();
            }
            out.write(bytes);
            out.write('\n');
            size += bytes.length + 1;
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
        file.getFD().sync();
        out.close();
    }

    private void open() throws IOException {
        // Pseudonyms, departments and case ids: for the service's user only, like its keys.
        if (!Files.exists(path)) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
        file = new FileOutputStream(path.toFile(), true);
        out = new BufferedOutputStream(file, 64 * 1024);
        size = Files.size(path);
    }

    private void rotate() throws IOException {
        close();
        if (keep == 0) {
            Files.delete(path);
        } else {
            Files.deleteIfExists(rotated(keep));
            for (int i = keep - 1; i >= 1; i--) {
                if (Files.exists(rotated(i))) {
                    Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(path, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    Path rotated(int n) {
        return path.resolveSibling(path.getFileName() + "." + n);
    }
}
