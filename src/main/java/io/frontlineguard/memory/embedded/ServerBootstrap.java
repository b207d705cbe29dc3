package io.frontlineguard.memory.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Makes a data folder private to the service: the superuser and the service's own role log in
 * only with their generated passwords (SCRAM), the service's role owns its database and nothing
 * else. A folder made by an earlier version (every local login trusted, the memory in the
 * superuser's database) is converted in place. Set-up statements run in single-user mode, so the
 * server listens on nothing until its authentication is in place.
 */
final class ServerBootstrap {

    private static final Logger LOG = Logger.getLogger(ServerBootstrap.class);
    private static final String HBA = """
            # Written by Frontline Guard at every start: password (SCRAM) logins only, from this machine only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final PostgresBinaries binaries;
    private final ServerFolder folder;

    ServerBootstrap(PostgresBinaries binaries, ServerFolder folder) {
        this.binaries = binaries;
        this.folder = folder;
    }

    void ensure() {
        if (!folder.initialised()) {
            create();
        } else if (!folder.hasServiceRole()) {
            convertEarlierVersion();
        }
        writeHba(folder.data());
    }

    private void create() {
        Path staging = folder.dir().resolve("postgres.new");
        deleteTree(staging);
        ServerFolder.writeSecret(folder.superuserPasswordFile(), ServerFolder.newSecret());
        run(binaries.command("initdb", List.of("-D", staging.toString(), "-U", "postgres", "--auth=scram-sha-256",
                "--pwfile=" + folder.superuserPasswordFile(), "-E", "UTF8", "--locale=C", "--data-checksums")), null);
        writeHba(staging);
        String password = ServerFolder.newSecret();
        single(staging, "postgres", List.of(
                "CREATE ROLE " + ServerFolder.SERVICE_ROLE + " LOGIN PASSWORD '" + password + "'",
                // CaseMemoryContract asks for a checkpoint before it searches the files; nothing else needs more.
                "GRANT pg_checkpoint TO " + ServerFolder.SERVICE_ROLE,
                "CREATE DATABASE " + ServerFolder.DATABASE + " OWNER " + ServerFolder.SERVICE_ROLE));
        try {
            Files.move(staging, folder.data());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new embedded database into " + folder.data(), e);
        }
        ServerFolder.writeSecret(folder.servicePasswordFile(), password);
        LOG.infof("case memory: created the embedded PostgreSQL in %s (SCRAM passwords, own role %s)",
                folder.data(), ServerFolder.SERVICE_ROLE);
    }

    private void convertEarlierVersion() {
        LOG.warnf("case memory: %s was made by an earlier version that trusted every local login; giving it passwords"
                + " and the service its own role", folder.data());
        String superuser = ServerFolder.newSecret();
        String service = ServerFolder.newSecret();
        String role = ServerFolder.SERVICE_ROLE;
        single(folder.data(), "template1", List.of(
                "ALTER ROLE postgres PASSWORD '" + superuser + "'",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE " + role
                        + " LOGIN; END IF; END $$",
                "ALTER ROLE " + role + " LOGIN NOSUPERUSER PASSWORD '" + service + "'",
                "GRANT pg_checkpoint TO " + role,
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_database WHERE datname = '" + ServerFolder.DATABASE
                        + "') THEN ALTER DATABASE postgres RENAME TO " + ServerFolder.DATABASE + "; END IF; END $$",
                "ALTER DATABASE " + ServerFolder.DATABASE + " OWNER TO " + role));
        single(folder.data(), ServerFolder.DATABASE, List.of(
                "DO $$ DECLARE t record; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP"
                        + " EXECUTE format('ALTER TABLE public.%I OWNER TO " + role + "', t.tablename); END LOOP; END $$"));
        ServerFolder.writeSecret(folder.superuserPasswordFile(), superuser);
        ServerFolder.writeSecret(folder.servicePasswordFile(), service);
    }

    private static void writeHba(Path data) {
        try {
            Files.writeString(data.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + data.resolve("pg_hba.conf"), e);
        }
    }

    /** Statements in single-user mode: no listener, no login; an error ends the run (exit_on_error). */
    private void single(Path data, String database, List<String> statements) {
        List<String> args = new ArrayList<>(List.of("--single", "-j", "-D", data.toString(), "-c", "exit_on_error=on", database));
        StringBuilder input = new StringBuilder();
        for (String s : statements) {
            input.append(s).append(";\n\n");
        }
        run(binaries.command("postgres", args), input.toString());
    }

    private void run(List<String> command, String input) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.log().toFile()));
        CleanEnvironment.apply(pb);
        try {
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(command.size() - 1) + " did not finish; see " + folder.log());
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("setting up the embedded case memory failed (" + programName(command)
                        + " exit " + p.exitValue() + "); see " + folder.log());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + programName(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the embedded case memory", e);
        }
    }

    private static String programName(List<String> command) {
        return command.stream().filter(c -> c.contains("/bin/")).map(c -> Path.of(c).getFileName().toString())
                .findFirst().orElse(command.get(0));
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
