package io.frontlineguard.memory.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL server behind the embedded store, run by the service itself: durable (fsync,
 * synchronous commit, full-page writes), private (see {@link ServerBootstrap}), listening on
 * localhost only. It does not outlive the service: a watcher process stops it the moment the
 * service's process is gone, however that happened, and a start finds and stops a server an
 * earlier run left on the folder. A watchdog restarts the server when it dies under the service.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedServer.class);
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    private final ServerFolder folder;
    private final PostgresBinaries binaries;
    private final int port;
    private final int maxConnections;
    private final Runnable onRestart;
    private final AtomicLong restarts = new AtomicLong();
    private volatile Process server;
    private volatile Process watcher;
    private volatile long downSince; // 0 while the server runs
    private volatile boolean closing;
    private Thread watchdog;
    private FolderLock lock;

    private EmbeddedServer(ServerFolder folder, PostgresBinaries binaries, int port, int maxConnections, Runnable onRestart) {
        this.folder = folder;
        this.binaries = binaries;
        this.port = port;
        this.maxConnections = maxConnections;
        this.onRestart = onRestart;
    }

    /**
     * Starts the server on {@code dir}, creating and securing it on first use.
     *
     * @param onRestart run after the watchdog brought a dead server back (e.g. to drop the pool's dead connections)
     */
    public static EmbeddedServer start(Path dir, int maxConnections, Runnable onRestart) {
        ServerFolder folder = new ServerFolder(dir);
        folder.prepare();
        // Held while this process runs the folder's server; the system lets go of it when the process
        // dies however it dies, so a server found on the folder while it is free was left by a dead run.
        FolderLock lock = FolderLock.take(folder.dir().resolve("instance.lock"));
        try {
            PostgresBinaries binaries = PostgresBinaries.unpackedUnder(folder.dir().resolve("server"));
            folder.stopLeftoverServer(STOP_PATIENCE);
            new ServerBootstrap(binaries, folder).ensure();
            EmbeddedServer server = new EmbeddedServer(folder, binaries, freePort(), maxConnections, onRestart);
            server.lock = lock;
            server.launch();
            server.watchdog = new Thread(server::watch, "embedded-postgres-watchdog");
            server.watchdog.setDaemon(true);
            server.watchdog.start();
            return server;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }


    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + ServerFolder.DATABASE;
    }

    public String user() {
        return ServerFolder.SERVICE_ROLE;
    }

    public String password() {
        return folder.servicePassword();
    }

    public int port() {
        return port;
    }

    /** The postmaster's process id; tests stop, hang and kill it. */
    public long pid() {
        return server.pid();
    }

    public boolean running() {
        return downSince == 0 && server.isAlive();
    }

    /** How long the server has been down, zero while it runs. */
    public Duration downFor() {
        long since = downSince;
        return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
    }

    public long restarts() {
        return restarts.get();
    }

    public Path dataFolder() {
        return folder.data();
    }

    private void launch() {
        List<String> args = new ArrayList<>(List.of("-D", folder.data().toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost",
                "-c", "unix_socket_directories=" + socketDirectory(),
                "-c", "unix_socket_permissions=0700",
                "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on",
                "-c", "password_encryption=scram-sha-256",
                "-c", "max_connections=" + maxConnections,
                "-c", "timezone=UTC"));
        ProcessBuilder pb = new ProcessBuilder(binaries.command("postgres", args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.log().toFile()));
        CleanEnvironment.apply(pb);
        try {
            Process started = pb.start();
            started.getOutputStream().close();
            awaitReady(started);
            server = started;
            watcher = watch(started.pid());
            downSince = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + folder.data(), e);
        }
    }

    /** The socket lives beside the data, unless the path is too long for a socket name; then there is none. */
    private String socketDirectory() {
        String dir = folder.socketDir().toString();
        return dir.length() > 90 ? "" : dir;
    }

    private void awaitReady(Process started) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        Properties login = new Properties();
        login.setProperty("user", user());
        login.setProperty("password", password());
        login.setProperty("connectTimeout", "2");
        login.setProperty("socketTimeout", "5");
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IllegalStateException("the embedded PostgreSQL in " + folder.data() + " stopped during start-up"
                        + " (exit " + started.exitValue() + "); see " + folder.log() + " — is another instance using this folder?");
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl(), login)) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(50);
            }
        }
        started.destroyForcibly();
        throw new IllegalStateException("the embedded PostgreSQL in " + folder.data() + " did not accept connections within "
                + READY_WITHIN.toSeconds() + " s; see " + folder.log(), last);
    }

    /**
     * A shell that waits on a pipe from this process: the pipe ends when this process ends, by a
     * crash or a kill -9 included, and the shell then asks the server for a fast shutdown.
     */
    private static Process watch(long serverPid) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c",
                "while read -r _; do :; done; kill -s INT \"$1\" 2>/dev/null", "guard-memory-watcher", Long.toString(serverPid))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        CleanEnvironment.apply(pb);
        return pb.start();
    }

    private void watch() {
        while (!closing) {
            Process current = server;
            try {
                current.waitFor();
            } catch (InterruptedException e) {
                return;
            }
            if (closing) {
                return;
            }
            downSince = System.nanoTime();
            LOG.errorf("case memory: the embedded PostgreSQL (pid %d) exited with code %d; restarting it", current.pid(),
                    current.exitValue());
            restartUntilUp();
        }
    }

    private void restartUntilUp() {
        long pause = 100;
        int attempt = 0;
        while (!closing) {
            attempt++;
            try {
                retireWatcher();
                folder.stopLeftoverServer(STOP_PATIENCE);
                launch();
                restarts.incrementAndGet();
                LOG.warnf("case memory: the embedded PostgreSQL is back (pid %d) after %d attempt(s)", server.pid(), attempt);
                onRestart.run();
                return;
            } catch (RuntimeException e) {
                // Backends of the killed server may still hold its shared memory for a moment.
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.errorf("case memory: restarting the embedded PostgreSQL failed (attempt %d): %s", attempt, e.getMessage());
                }
                sleep(pause);
                pause = Math.min(pause * 2, 2000);
            }
        }
    }

    private void retireWatcher() {
        Process w = watcher;
        if (w != null) {
            w.destroyForcibly();
        }
    }

    @Override
    public void close() {
        closing = true;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        Process s = server;
        if (s != null && s.isAlive() && !Signals.stop(s.toHandle(), "INT", STOP_PATIENCE)) {
            LOG.warnf("case memory: the embedded PostgreSQL (pid %d) did not stop", s.pid());
        }
        retireWatcher();
        if (lock != null) {
            lock.close();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
