package io.frontlineguard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.ruleset.FolderSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Builds the image from src/main/docker/Dockerfile.jvm with podman, then starts what it built: the
 * image's own files, user, environment and entry point, with the variables the Deployment adds.
 *
 * <p>No registry is reachable here, so the FROM image is replaced by one made from Debian's
 * packages (src/main/docker/debian-base.sh). No container runtime can start here either (this
 * sandbox refuses the resource limits crun and runc set), so the test does what a runtime does:
 * new mount and PID namespaces, /proc, /dev, /tmp and /etc/hosts provided, then chroot into the
 * image's files as the image's user. Needs root, podman and debootstrap: .ci/run installs them.
 */
class ContainerImageIT {

    static final String BASE = "localhost/frontline-guard-base:bookworm";
    static final String IMAGE = "localhost/frontline-guard:it";
    static final Path WORK = Path.of("target/image-it").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VISIT_NOW = """
            {"occurredAt": "2026-11-23T21:10:00+09:00", "channel": "PHONE", "department": "call-center",
             "demands": [{"type": "VISIT", "immediate": true}]}""";

    /** What a container runtime provides before it starts the entry point; then the image's user and working folder. */
    private static final String RUNTIME = """
            root=$1 user=$2 dir=$3; shift 3
            mount -t proc proc "$root/proc"
            mount --rbind /dev "$root/dev"
            mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
            mount --bind /etc/hosts "$root/etc/hosts"
            exec chroot --userspec="$user" "$root" /bin/sh -c 'cd "$0" && exec /usr/bin/env -i "$@"' "$dir" "$@"
            """;

    @Test
    void shouldBuildTheImageAndServeFromItAsItsNonRootUser() throws Exception {
        requireTools();
        JsonNode config = build();
        assertEquals("185", config.get("User").asText(), "the image names its non-root user by number");
        Path root = export();

        int port = ServiceProcess.freePort();
        Path stdout = WORK.resolve("stdout.jsonl");
        Path stderr = WORK.resolve("stderr.log");
        Process container = start(root, config, port, stdout, stderr);
        try {
            ServiceProcess.awaitReady(port, container, stderr, Duration.ofSeconds(90));
            ProcessHandle java = container.toHandle().children().findFirst().orElseThrow();
            assertTrue(java.info().command().orElse("").endsWith("java"), "the entry point execs java: " + java.info());
            assertEquals(List.of("185", "185", "185", "185"), ids(java, "Uid:"), "the service runs as the image's user");
            assertEquals(List.of("185", "185", "185", "185"), ids(java, "Gid:"));

            HttpClient http = HttpClient.newHttpClient();
            JsonNode ready = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String served = "";
            for (JsonNode check : ready.get("checks")) {
                served = check.get("name").asText().equals("rules") ? check.at("/data/rulesetVersion").asText() : served;
            }
            assertEquals(FolderSnapshot.read(Path.of("rules")).version(), served, "the rules baked into the image are the repository's: " + ready);
            HttpResponse<String> decided = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decisions"))
                    .header("Content-Type", "application/json").header("Authorization", ServiceProcess.AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString(VISIT_NOW)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, decided.statusCode(), decided.body());
            assertTrue(decided.body().contains("\"REFUSE_VISIT\""), decided.body());
            String decisionId = JSON.readTree(decided.body()).get("decisionId").asText();

            assertEquals(185, uid(root.resolve("deployments/data/memory/postgres")), "the embedded store lives in the one writable folder");
            for (String readOnly : List.of("deployments/rules/visits.drl", "deployments/quarkus-run.jar", "deployments/lib")) {
                Path p = root.resolve(readOnly);
                assertEquals(0, uid(p), readOnly + " belongs to root");
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                assertFalse(mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE),
                        readOnly + " is not writable by the service's user: " + mode);
            }

            java.destroy(); // SIGTERM, as the kubelet sends it to the container's first process
            assertTrue(container.waitFor(30, TimeUnit.SECONDS), "the service stops on SIGTERM");
            List<String> entries = Files.readAllLines(stdout);
            assertEquals(1, entries.size(), "stdout carries the decision log and nothing else: " + entries);
            assertEquals(decisionId, JSON.readTree(entries.get(0)).get("decisionId").asText());
            String log = Files.readString(stderr);
            assertTrue(log.contains("decision log closed: 1 entries written, 0 failed"), log);
        } finally {
            container.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            container.destroyForcibly();
        }
    }

    /** Builds IMAGE from the Dockerfile on the Debian-made base (made first if missing); returns the image's Config. */
    private static JsonNode build() throws Exception {
        if (run(Duration.ofSeconds(30), "podman", "image", "exists", BASE).exit() != 0) {
            runOrFail(Duration.ofMinutes(10), "src/main/docker/debian-base.sh", BASE);
        }
        runOrFail(Duration.ofMinutes(5), "podman", "build", "--isolation", "chroot", "--from", BASE,
                "-f", "src/main/docker/Dockerfile.jvm", "-t", IMAGE, ".");
        // Each build retags IMAGE; the image it replaced would otherwise stay on the machine's disk.
        run(Duration.ofMinutes(1), "podman", "image", "prune", "-f");
        return JSON.readTree(runOrFail(Duration.ofSeconds(30), "podman", "image", "inspect", IMAGE)).get(0).get("Config");
    }

    /** Starts the exported files as a runtime would: the image's user, folder, environment and entry point. */
    private static Process start(Path root, JsonNode config, int port, Path stdout, Path stderr) throws IOException {
        String user = config.get("User").asText();
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--propagation", "private",
                "sh", "-c", RUNTIME, "runtime", root.toString(), user + ":" + user, config.get("WorkingDir").asText()));
        config.get("Env").forEach(e -> command.add(e.asText()));
        // What the Deployment adds: the decision log to stdout, the service's own log to stderr.
        command.addAll(List.of("QUARKUS_HTTP_PORT=" + port, "GUARD_DECISION_LOG_TARGET=stdout", "QUARKUS_LOG_CONSOLE_STDERR=true",
                "GUARD_DECISION_LOG_HMAC_KEY=image-test-key-" + System.nanoTime() + "-0123456789abcdef"));
        ServiceProcess.CALLING_SYSTEM_ENV.forEach((name, value) -> command.add(name + "=" + value));
        config.get("Entrypoint").forEach(e -> command.add(e.asText()));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    /** The image's files as a folder, owners and modes kept. */
    private static Path export() throws Exception {
        Path root = WORK.resolve("root");
        runOrFail(Duration.ofMinutes(1), "rm", "-rf", root.toString());
        Files.createDirectories(root);
        String container = runOrFail(Duration.ofSeconds(30), "podman", "create", IMAGE).strip();
        try {
            runOrFail(Duration.ofMinutes(2), "podman", "export", "-o", WORK.resolve("image.tar").toString(), container);
        } finally {
            run(Duration.ofSeconds(30), "podman", "rm", container);
        }
        runOrFail(Duration.ofMinutes(2), "tar", "-xf", WORK.resolve("image.tar").toString(), "-C", root.toString());
        Files.delete(WORK.resolve("image.tar"));
        return root;
    }

    private static void requireTools() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("podman", "debootstrap", "unshare", "chroot")) {
            if (run(Duration.ofSeconds(10), "sh", "-c", "command -v " + tool + " || test -x /usr/sbin/" + tool).exit() != 0) {
                missing.add(tool);
            }
        }
        if (!run(Duration.ofSeconds(10), "id", "-u").output().strip().equals("0")) {
            missing.add("root");
        }
        if (!missing.isEmpty()) {
            String advice = "the image test needs root, podman and debootstrap (apt-get install podman debootstrap, or run bash .ci/run); missing: " + missing;
            if (System.getenv("CI") != null) {
                Assertions.fail(advice);
            }
            Assumptions.abort(advice);
        }
    }

    private static List<String> ids(ProcessHandle process, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(l -> l.startsWith(field)).findFirst().map(l -> List.of(l.substring(field.length()).trim().split("\\s+")))
                .orElseThrow();
    }

    private static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    /** A command's exit, its standard output, and its error output kept apart (podman writes progress there). */
    record Result(int exit, String output, String errors) {
    }

    private static Result run(Duration limit, String... command) throws Exception {
        Files.createDirectories(WORK);
        Path out = Files.createTempFile(WORK, "command", ".out");
        Path err = Files.createTempFile(WORK, "command", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + limit + ":\n" + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String runOrFail(Duration limit, String... command) throws Exception {
        Result r = run(limit, command);
        assertEquals(0, r.exit(), () -> String.join(" ", command) + " failed:\n" + r.output() + r.errors());
        return r.output();
    }
}
