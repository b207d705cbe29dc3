package io.frontlineguard.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The service started as a process of its own, the way the cluster tests start it: a free port, and readiness awaited. */
final class ServiceProcess {

    private ServiceProcess() {
    }

    /**
     * A calling system (that may also look decisions up), configured the way an operator does
     * (README "Access control"): production decides for nobody without one.
     */
    static final Map<String, String> CALLING_SYSTEM_ENV = Map.of(
            "GUARD_SECURITY_USERS_IT_PASSWORD_HASH", "pbkdf2-sha256:210000:qv6k7qglWDSzVC1K9tUYkQ:3NrXSZ/0sGvMnTMwMJn8T4LDHvly7g4fHCrzsdgYqBM",
            "GUARD_SECURITY_USERS_IT_ROLES", "decider,case-officer",
            "GUARD_SECURITY_USERS_IT_DEPARTMENTS", "*");

    /** The Authorization header of that calling system. */
    static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString("it:it-packaged-jar-only".getBytes(StandardCharsets.UTF_8));

    /**
     * {@code ./guard serve} with these options, as a user starts it from the project folder, on
     * this port and with its store and decision log under {@code work}. The jar is built already
     * (the integration tests run after {@code package}), so the script goes straight to the JVM.
     */
    static ProcessBuilder guardServe(Path work, int port, String... options) {
        List<String> command = new ArrayList<>(List.of("./guard", "serve"));
        command.addAll(List.of(options));
        ProcessBuilder start = new ProcessBuilder(command);
        start.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        start.environment().put("GUARD_MEMORY_DIR", work.resolve("data").toString());
        start.environment().put("GUARD_DECISION_LOG_PATH", work.resolve("decisions.jsonl").toString());
        return start;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until readiness answers 200; fails with the service's log if it stops or takes longer than the limit. */
    static void awaitReady(int port, Process service, Path log, Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the service stopped during start-up:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within " + limit.toSeconds() + " s:\n" + Files.readString(log));
    }
}
