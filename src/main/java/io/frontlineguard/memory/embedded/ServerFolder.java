package io.frontlineguard.memory.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The embedded store's folder ({@code guard.memory.dir}) and what only its owner may read: the
 * server's data ({@code postgres/}), its socket ({@code run/}), its log, and the two generated
 * passwords — the superuser's, which the service never uses after set-up, and the service role's.
 */
final class ServerFolder {

    static final String SERVICE_ROLE = "guard";
    static final String DATABASE = "guard";
    private static final Logger LOG = Logger.getLogger(ServerFolder.class);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    ServerFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path data() {
        return dir.resolve("postgres");
    }

    Path socketDir() {
        return dir.resolve("run");
    }

    Path log() {
        return dir.resolve("postgres.log");
    }

    Path superuserPasswordFile() {
        return dir.resolve("postgres.password");
    }

    Path servicePasswordFile() {
        return dir.resolve("service.password");
    }

    boolean initialised() {
        return Files.exists(data().resolve("PG_VERSION"));
    }

    /** Set up by this version: the service has its own role and password. */
    boolean hasServiceRole() {
        return Files.exists(servicePasswordFile());
    }

    String servicePassword() {
        return read(servicePasswordFile());
    }

    String superuserPassword() {
        return read(superuserPasswordFile());
    }

    /** Creates the folder (owner only) and narrows what an earlier version left readable to others. */
    void prepare() {
        try {
            Files.createDirectories(dir);
            ownerOnly(dir, OWNER_DIR);
            Files.createDirectories(socketDir());
            ownerOnly(socketDir(), OWNER_DIR);
            if (!Files.exists(log())) {
                Files.createFile(log());
            }
            ownerOnly(log(), OWNER_FILE);
            for (Path secret : List.of(dir.resolve("memory.key"), superuserPasswordFile(), servicePasswordFile())) {
                if (Files.exists(secret)) {
                    ownerOnly(secret, OWNER_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded case memory folder " + dir, e);
        }
    }

    static String newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** Writes a secret so that it is never readable by anyone but the owner, not even for a moment. */
    static void writeSecret(Path file, String secret) {
        try {
            Path fresh = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(fresh);
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            Files.writeString(fresh, secret, StandardCharsets.UTF_8);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * A server an earlier run left on this data folder (the service was killed with its watcher):
     * stopped, so this start owns the folder. A postmaster.pid naming a live process that is not a
     * PostgreSQL on this folder (its id reused after a crash) is removed, or the server would refuse.
     */
    void stopLeftoverServer(Duration patience) {
        Path pidFile = data().resolve("postmaster.pid");
        Optional<Long> pid = leftoverPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = Signals.alive(pid.get());
        if (process.isEmpty()) {
            return; // the server notices a stale file itself
        }
        if (isServerOnThisFolder(Signals.commandLine(pid.get()))) {
            LOG.warnf("case memory: an embedded PostgreSQL (pid %d) left running on %s by an earlier run; stopping it",
                    pid.get(), data());
            if (!Signals.stop(process.get(), "INT", patience)) {
                throw new IllegalStateException("the embedded PostgreSQL left by an earlier run (pid " + pid.get()
                        + ") on " + data() + " does not stop; stop it by hand");
            }
            return;
        }
        try {
            LOG.warnf("case memory: %s names process %d, which is not this folder's server; removing the stale file",
                    pidFile, pid.get());
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale " + pidFile, e);
        }
    }

    boolean isServerOnThisFolder(List<String> commandLine) {
        if (commandLine.isEmpty() || !Path.of(commandLine.get(0)).getFileName().toString().equals("postgres")) {
            return false;
        }
        int d = commandLine.indexOf("-D");
        return d >= 0 && d + 1 < commandLine.size() && Path.of(commandLine.get(d + 1)).toAbsolutePath().normalize().equals(data());
    }

    private static Optional<Long> leftoverPid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            LOG.warnf("cannot restrict %s to its owner on this file system; protect it by hand", path);
        }
    }
}
