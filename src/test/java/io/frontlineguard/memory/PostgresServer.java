package io.frontlineguard.memory;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 server started by the build (binaries from Maven, no installation), playing
 * the shared database of several instances: the service reaches it through quarkus.datasource.*,
 * exactly as it would reach a managed one. Tests may stop and start it to see the service survive.
 */
public class PostgresServer implements QuarkusTestResourceLifecycleManager {

    static final Path DATA = Path.of("target/shared-postgres").toAbsolutePath();
    private static EmbeddedPostgres server;
    private static int port;

    @Override
    public Map<String, String> start() {
        deleteTree(DATA);
        startServer(0);
        port = server.getPort();
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "unused-trust-auth");
    }

    static synchronized void startServer(int onPort) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(DATA.resolve("data"))
                    .setCleanDataDirectory(false).setOverrideWorkingDirectory(DATA.resolve("server").toFile());
            if (onPort > 0) {
                builder.setPort(onPort);
            }
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server as a crash or a maintenance window would; the service's pool keeps its dead connections. */
    static synchronized void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The postmaster's process id (from its postmaster.pid: the library starts it through pg_ctl), to hang or kill the real server. */
    static synchronized long pid() {
        try {
            return Long.parseLong(Files.readAllLines(DATA.resolve("data/postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void restartServer() {
        startServer(port);
    }

    static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    @Override
    public void stop() {
        stopServer();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
