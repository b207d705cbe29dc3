package io.frontlineguard.memory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's server as an operator meets it: durable, private to the service, restarted
 * when it dies, and never blocked by one an earlier run left behind. Real servers, real signals.
 */
class EmbeddedServerTest {

    private static final Path ROOT = Path.of("target/embedded-server-test").toAbsolutePath();
    private static EmbeddedServer server;

    @BeforeAll
    static void start() {
        ServerBootstrap.deleteTree(ROOT);
        server = EmbeddedServer.start(ROOT.resolve("main"), 20, () -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Connection connect(EmbeddedServer s, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(s.jdbcUrl(), p);
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery("show " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void shouldCommitDurably() throws Exception {
        try (Connection c = connect(server, server.user(), server.password())) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertEquals("on", show(c, setting), setting + ": a 200 must mean the record survives a crash");
            }
            assertEquals("localhost", show(c, "listen_addresses"));
            assertEquals("0700", show(c, "unix_socket_permissions"));
        }
    }

    @Test
    void shouldRefuseTheSuperuserWithoutItsPasswordAndEveryoneWithAWrongOne() {
        assertThrows(SQLException.class, () -> connect(server, "postgres", null).close());
        assertThrows(SQLException.class, () -> connect(server, "postgres", "postgres").close());
        assertThrows(SQLException.class, () -> connect(server, server.user(), "guessed").close());
    }

    @Test
    void shouldConnectTheServiceAsItsOwnRoleThatMayNotRunPrograms() throws Exception {
        try (Connection c = connect(server, server.user(), server.password())) {
            try (ResultSet r = c.createStatement().executeQuery("select rolsuper, rolcreaterole, rolcreatedb from pg_roles"
                    + " where rolname = current_user")) {
                r.next();
                assertFalse(r.getBoolean(1) || r.getBoolean(2) || r.getBoolean(3), "the service's role is privileged");
            }
            SQLException refused = assertThrows(SQLException.class,
                    () -> c.createStatement().execute("copy (select 1) to program 'true'"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
    }

    @Test
    void shouldKeepItsFolderSecretsAndSocketForItsOwnerOnly() throws Exception {
        Path dir = ROOT.resolve("main");
        for (Path folder : List.of(dir, dir.resolve("postgres"), dir.resolve("run"))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), folder.toString());
        }
        for (Path file : List.of(dir.resolve("postgres.password"), dir.resolve("service.password"), dir.resolve("postgres.log"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
        String hba = Files.readString(dir.resolve("postgres/pg_hba.conf"));
        assertFalse(hba.contains("trust"), hba);
    }

    @Test
    void shouldGiveTheServerNoSecretTheServiceInherited() throws Exception {
        // Surefire gives this JVM a GUARD_ variable (pom.xml), as a deployment gives the service its keys.
        assertNotNull(System.getenv("GUARD_TEST_INHERITED_SECRET"), "the test JVM should hold a GUARD_ variable");
        String environ = new String(Files.readAllBytes(Path.of("/proc", Long.toString(server.pid()), "environ")),
                StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (String entry : environ.split("\0")) {
            names.add(entry.split("=", 2)[0]);
        }
        assertTrue(names.stream().noneMatch(n -> n.startsWith("GUARD_")), "the server inherited " + names);
    }

    @Test
    void shouldRestartTheServerWithinSecondsWhenItIsKilled() throws Exception {
        long killed = server.pid();
        long restartsBefore = server.restarts();
        Signals.send("KILL", killed);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && (server.pid() == killed || !server.running())) {
            Thread.sleep(50);
        }
        assertNotEquals(killed, server.pid(), "the killed server was not restarted within 10 s");
        assertEquals(restartsBefore + 1, server.restarts());
        try (Connection c = connect(server, server.user(), server.password())) {
            assertEquals("on", show(c, "fsync"));
        }
    }

    @Test
    void shouldStopAServerAnEarlierRunLeftOnTheFolderBeforeStarting() throws Exception {
        Path dir = ROOT.resolve("left-behind");
        EmbeddedServer first = EmbeddedServer.start(dir, 10, () -> { });
        first.close();
        // What a killed service whose watcher was killed too leaves: a postmaster on the folder, nobody's child.
        PostgresBinaries binaries = PostgresBinaries.unpackedUnder(dir.resolve("server"));
        Process orphan = CleanEnvironment.apply(new ProcessBuilder(binaries.command("postgres", List.of("-D",
                dir.resolve("postgres").toString(), "-p", Integer.toString(first.port()), "-c", "listen_addresses=localhost",
                "-c", "unix_socket_directories="))).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))).start();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(dir.resolve("postgres/postmaster.pid")) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        assertTrue(orphan.isAlive(), "the left-behind server did not start");

        EmbeddedServer second = EmbeddedServer.start(dir, 10, () -> { });
        try {
            assertTrue(orphan.waitFor(1, TimeUnit.SECONDS), "the left-behind server still runs");
            try (Connection c = connect(second, second.user(), second.password())) {
                assertEquals("on", show(c, "fsync"));
            }
        } finally {
            second.close();
            orphan.destroyForcibly();
        }
    }

    @Test
    void shouldMakeAFolderOfTheEarlierTrustingVersionPrivateAndKeepItsMemory() throws Exception {
        Path dir = ROOT.resolve("earlier-version");
        // What the previous release left: zonky's server, every local login trusted, memory in the superuser's database.
        try (var earlier = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(dir.resolve("server").toFile()).start();
             Connection c = earlier.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table memory_caller (caller_key text primary key)");
            c.createStatement().execute("insert into memory_caller values ('hmac:remembered')");
        }
        EmbeddedServer converted = EmbeddedServer.start(dir, 10, () -> { });
        try (Connection c = connect(converted, converted.user(), converted.password())) {
            try (ResultSet r = c.createStatement().executeQuery("select caller_key from memory_caller")) {
                assertTrue(r.next());
                assertEquals("hmac:remembered", r.getString(1));
            }
            c.createStatement().execute("insert into memory_caller values ('hmac:new')"); // the service's role owns it now
            assertThrows(SQLException.class, () -> connect(converted, "postgres", null).close());
        } finally {
            converted.close();
        }
    }

    @Test
    void shouldRefuseASecondInstanceOnTheSameFolderAndLeaveTheFirstOnesServerAlone() throws Exception {
        long running = server.pid();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EmbeddedServer.start(ROOT.resolve("main"), 10, () -> { }));
        assertTrue(refused.getMessage().contains("another running instance"), refused.getMessage());
        assertEquals(running, server.pid());
        assertTrue(ProcessHandle.of(running).map(ProcessHandle::isAlive).orElse(false), "the first instance's server was stopped");
    }

    @Test
    void shouldStartDespiteAStalePidFileNamingSomeOtherLiveProcess() throws Exception {
        Path dir = ROOT.resolve("stale-pid");
        EmbeddedServer first = EmbeddedServer.start(dir, 10, () -> { });
        first.close();
        Process unrelated = new ProcessBuilder("/bin/sh", "-c", "sleep 30").start();
        try {
            Files.writeString(dir.resolve("postgres/postmaster.pid"), unrelated.pid() + "\n" + dir.resolve("postgres") + "\n");
            EmbeddedServer second = EmbeddedServer.start(dir, 10, () -> { });
            second.close();
            assertTrue(unrelated.isAlive(), "an unrelated process was stopped");
        } finally {
            unrelated.destroyForcibly();
        }
    }
}
