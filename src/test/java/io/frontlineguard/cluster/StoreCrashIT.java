package io.frontlineguard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged service and its embedded store killed as a machine or an orchestrator kills them:
 * SIGKILL of the whole process tree under concurrent load, and SIGKILL of the service alone. What
 * a 200 answered must be remembered exactly once, and the next start must never be blocked.
 */
class StoreCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    // The dev/test users of application.properties, given to the production profile by system properties.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldRememberEveryAnsweredDecisionExactlyOnceAfterTheWholeTreeIsKilledUnderLoad() throws Exception {
        Path work = fresh("tree-kill");
        String caller = "crash-caller-" + UUID.randomUUID();
        int port = ServiceProcess.freePort();
        Process service = start(work, port, "first");
        Map<String, String> answered = new ConcurrentHashMap<>(); // decision id -> incident id, for every 200
        AtomicInteger sent = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(8);
        try {
            ServiceProcess.awaitReady(port, service, work.resolve("first.log"), Duration.ofSeconds(90));
            HttpResponse<String> block = decide(port, "crash-block-" + UUID.randomUUID(), caller, "crash-case-0", true);
            assertEquals(200, block.statusCode(), block.body());
            answered.put(JSON.readTree(block.body()).get("decisionId").asText(), "block");
            AtomicBoolean running = new AtomicBoolean(true);
            for (int t = 0; t < 8; t++) {
                load.submit(() -> {
                    while (running.get()) {
                        int n = sent.incrementAndGet();
                        String incident = "crash-" + n + "-" + UUID.randomUUID();
                        try {
                            HttpResponse<String> r = decide(port, incident, caller, "crash-case-" + (n % 4), false);
                            if (r.statusCode() == 200) {
                                answered.put(JSON.readTree(r.body()).get("decisionId").asText(), incident);
                            }
                        } catch (IOException | InterruptedException gone) {
                            // the service was killed under this request: no answer, no promise
                        }
                    }
                    return null;
                });
            }
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (answered.size() < 150 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            killTree(service);
            running.set(false);
        } finally {
            load.shutdownNow();
            load.awaitTermination(10, TimeUnit.SECONDS);
            service.destroyForcibly();
        }
        assertTrue(answered.size() >= 50, "too little load before the kill: " + answered.size());

        int again = ServiceProcess.freePort();
        Process restarted = start(work, again, "second");
        try {
            ServiceProcess.awaitReady(again, restarted, work.resolve("second.log"), Duration.ofSeconds(90));
            JsonNode record = callerRecord(again, caller);
            assertFalse(record.path("blocked").isMissingNode() || record.path("blocked").isNull(), "the block was forgotten: " + record);
            // A case lists only its latest contacts (records stay bounded), so "remembered" is asked of
            // the store the way a calling system would: the same incident again must be a retry of
            // what was recorded, and the cases must count no contact twice.
            int counted = 0;
            for (JsonNode c : record.get("cases")) {
                counted += c.get("facts").get("contacts").asInt();
            }
            assertTrue(counted >= answered.size() && counted <= sent.get() + 1,
                    "the cases count " + counted + " contacts for " + answered.size() + " answered of " + sent.get() + " sent");
            for (String incident : answered.values()) {
                if (incident.equals("block")) {
                    continue; // its contact is counted above, and the block itself was checked
                }
                int n = Integer.parseInt(incident.split("-")[1]);
                HttpResponse<String> retry = decide(again, incident, caller, "crash-case-" + (n % 4), false);
                assertEquals(200, retry.statusCode(), retry.body());
                assertEquals("RETRY", JSON.readTree(retry.body()).get("memory").asText(),
                        "incident " + incident + " was answered 200 and forgotten");
            }
            int recounted = 0;
            for (JsonNode c : callerRecord(again, caller).get("cases")) {
                recounted += c.get("facts").get("contacts").asInt();
            }
            assertEquals(counted, recounted, "a retry of an answered incident was counted again");
        } finally {
            stop(restarted);
        }
    }

    @Test
    void shouldStartAgainAtOnceAfterTheServiceAloneIsKilledAndRefuseToStartWithoutItsKey() throws Exception {
        Path work = fresh("service-kill");
        String caller = "crash-caller-" + UUID.randomUUID();
        int port = ServiceProcess.freePort();
        Process service = start(work, port, "first");
        List<ProcessHandle> servers;
        try {
            ServiceProcess.awaitReady(port, service, work.resolve("first.log"), Duration.ofSeconds(90));
            assertEquals(200, decide(port, "kill-" + UUID.randomUUID(), caller, "kill-case", true).statusCode());
            servers = service.descendants().filter(p -> p.info().command().orElse("").endsWith("/postgres")).toList();
            assertFalse(servers.isEmpty(), "no embedded PostgreSQL under the service");
            service.destroyForcibly(); // SIGKILL of the JVM alone: its server and watcher are left behind
            service.waitFor(10, TimeUnit.SECONDS);
        } finally {
            service.destroyForcibly();
        }

        int again = ServiceProcess.freePort();
        Process restarted = start(work, again, "second");
        try {
            ServiceProcess.awaitReady(again, restarted, work.resolve("second.log"), Duration.ofSeconds(60));
            JsonNode record = callerRecord(again, caller);
            assertFalse(record.path("blocked").isMissingNode() || record.path("blocked").isNull(), "the block was forgotten: " + record);
            for (ProcessHandle old : servers) {
                assertFalse(old.isAlive(), "the server of the killed service (pid " + old.pid() + ") still runs");
            }
        } finally {
            stop(restarted);
        }

        Files.delete(work.resolve("memory/memory.key"));
        Process keyless = start(work, ServiceProcess.freePort(), "keyless");
        try {
            assertTrue(keyless.waitFor(60, TimeUnit.SECONDS), "the service started without its memory key");
            assertTrue(keyless.exitValue() != 0);
            String log = Files.readString(work.resolve("keyless.log"));
            assertTrue(log.contains("memory.key is missing") && log.contains("Restore memory.key"), log);
            assertFalse(Files.exists(work.resolve("memory/memory.key")), "a new key replaced the lost one");
        } finally {
            keyless.destroyForcibly();
        }
    }

    private static void killTree(Process service) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(service.descendants().toList());
        tree.add(0, service.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly); // SIGKILL, the service and its PostgreSQL together
        for (ProcessHandle p : tree) {
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join();
        }
    }

    private HttpResponse<String> decide(int port, String incidentId, String caller, String caseId, boolean block)
            throws IOException, InterruptedException {
        String body = "{\"incidentId\": \"" + incidentId + "\", \"occurredAt\": \"2026-11-23T10:00:00+09:00\","
                + " \"channel\": \"PHONE\", \"department\": \"call-center\", \"caseId\": \"" + caseId + "\","
                + " \"caller\": {\"callerId\": \"" + caller + "\"" + (block ? ", \"blocked\": true" : "") + "}}";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decisions"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("Authorization", ServiceProcess.AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode callerRecord(int port, String caller) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/callers/" + caller))
                .header("Authorization", ServiceProcess.AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }


    private static Process start(Path work, int port, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-Dquarkus.http.port=" + port,
                "-Dguard.memory.dir=" + work.resolve("memory"),
                "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        // Production refuses the published dev users: the service gets a calling system of its own,
        // which may also read case memory.
        pb.environment().putAll(ServiceProcess.CALLING_SYSTEM_ENV);
        pb.environment().put("GUARD_RULES_DIR", Path.of("rules").toAbsolutePath().toString());
        pb.environment().put("GUARD_RULES_WATCH", "false");
        pb.redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        return pb.start();
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(30, TimeUnit.SECONDS)) {
            service.descendants().forEach(ProcessHandle::destroyForcibly);
            service.destroyForcibly();
        }
    }

    private static Path fresh(String name) throws IOException {
        Path dir = Path.of("target/store-crash-it", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
