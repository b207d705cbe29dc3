package io.frontlineguard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the kubelet does to a pod it replaces: SIGTERM while requests are in flight. The packaged
 * service, started as the image starts it and logging decisions to stdout as the cluster
 * configuration does, must answer every request it accepted and log every decision it answered
 * before it exits.
 */
class GracefulShutdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INCIDENT = """
            {"occurredAt": "2026-11-23T10:00:00+09:00", "channel": "PHONE", "department": "call-center",
             "caller": {"callerId": "tel:0312345678"}, "demands": [{"type": "VISIT"}]}""";
    private static final int SLOW_REQUESTS = 6;
    private static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(3);

    @Test
    void shouldAnswerAndLogEveryAcceptedRequestWhenTerminatedWithRequestsInFlight() throws Exception {
        Path work = Files.createDirectories(Path.of("target/shutdown-it"));
        int port = ServiceProcess.freePort();
        Path stdout = work.resolve("stdout.jsonl");
        Path stderr = work.resolve("stderr.log");
        Process service = start(port, stdout, stderr);
        ExecutorService clients = Executors.newCachedThreadPool();
        try {
            ServiceProcess.awaitReady(port, service, stderr, Duration.ofSeconds(60));
            String firstDecisionId = assertStdoutLogIsNotSearchedHere(port);
            List<String> answered = new ArrayList<>(List.of(firstDecisionId));
            List<Socket> slow = new ArrayList<>();
            byte[] body = INCIDENT.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < SLOW_REQUESTS; i++) {
                slow.add(sendHalf(port, body));
            }
            ConcurrentLinkedQueue<HttpResponse<String>> flood = new ConcurrentLinkedQueue<>();
            List<Future<?>> flooders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                flooders.add(clients.submit(() -> decideUntilRefused(port, flood)));
            }
            Thread.sleep(300);

            service.destroy(); // SIGTERM
            // The shutdown delay: readiness DOWN so the cluster stops routing here, decisions still made.
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
            long signalled = System.nanoTime();
            HttpResponse<String> ready = http.send(readiness, HttpResponse.BodyHandlers.ofString());
            while (ready.statusCode() == 200 && System.nanoTime() - signalled < SHUTDOWN_DELAY.toNanos() / 2) {
                Thread.sleep(20); // the JVM takes a moment to act on the signal
                ready = http.send(readiness, HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(503, ready.statusCode(), "readiness is DOWN from SIGTERM on: " + ready.body());
            assertTrue(ready.body().contains("\"Graceful Shutdown\""), ready.body());
            HttpResponse<String> during = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decisions"))
                    .header("Content-Type", "application/json").header("Authorization", ServiceProcess.AUTHORIZATION).POST(HttpRequest.BodyPublishers.ofString(INCIDENT)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, during.statusCode(), "a request arriving during the delay is still decided: " + during.body());
            answered.add(JSON.readTree(during.body()).get("decisionId").asText());
            Thread.sleep(500);
            List<Future<String>> slowAnswers = new ArrayList<>();
            for (Socket s : slow) {
                slowAnswers.add(clients.submit(() -> finishAndRead(s, body)));
            }
            for (Future<String> answer : slowAnswers) {
                String response = answer.get(30, TimeUnit.SECONDS);
                assertTrue(response.startsWith("HTTP/1.1 200"), "a request in flight at SIGTERM is answered: " + response);
                answered.add(JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4)).get("decisionId").asText());
            }
            for (Future<?> f : flooders) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the service exits once drained");

            for (HttpResponse<String> r : flood) {
                assertTrue(r.statusCode() == 200 || r.statusCode() == 503, "answered or refused as shutting down: " + r);
                if (r.statusCode() == 503) {
                    assertEquals("SHUTTING_DOWN", JSON.readTree(r.body()).get("code").asText(), r.body());
                } else {
                    answered.add(JSON.readTree(r.body()).get("decisionId").asText());
                }
            }
            Set<String> logged = new HashSet<>();
            for (String line : Files.readAllLines(stdout)) {
                JsonNode entry = JSON.readTree(line); // stdout carries decision-log entries and nothing else
                assertEquals("DECIDED", entry.path("outcome").asText("DECIDED"), line);
                assertTrue(logged.add(entry.get("decisionId").asText()), "one entry per decision: " + line);
            }
            assertTrue(answered.size() > SLOW_REQUESTS, "the flood was answered too: " + answered.size());
            assertEquals(new HashSet<>(answered), logged, "every answered decision is logged, and nothing else");
            assertEquals(answered.size(), logged.size());
            String log = Files.readString(stderr);
            assertTrue(log.contains("decision log closed: " + logged.size() + " entries written, 0 failed"), log);
        } finally {
            clients.shutdownNow();
            service.destroyForcibly();
        }
    }

    private static Process start(int port, Path stdout, Path stderr) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-Dquarkus.http.port=" + port,
                "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        pb.environment().put("GUARD_RULES_DIR", Path.of("rules").toAbsolutePath().toString());
        pb.environment().put("GUARD_MEMORY_ENABLED", "false");
        pb.environment().putAll(ServiceProcess.CALLING_SYSTEM_ENV);
        pb.environment().put("GUARD_RULES_WATCH", "false");
        pb.environment().put("GUARD_DECISION_LOG_TARGET", "stdout");
        pb.environment().put("QUARKUS_LOG_CONSOLE_STDERR", "true");
        // Shorter than the Deployment's 5 s, the same mechanism.
        pb.environment().put("QUARKUS_SHUTDOWN_DELAY", SHUTDOWN_DELAY.toSeconds() + "s");
        pb.environment().put("GUARD_DECISION_LOG_HMAC_KEY", "shutdown-test-key-" + System.nanoTime() + "-0123456789abcdef");
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        return pb.start();
    }

    private static String assertStdoutLogIsNotSearchedHere(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> decided = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decisions"))
                .header("Content-Type", "application/json").header("Authorization", ServiceProcess.AUTHORIZATION).POST(HttpRequest.BodyPublishers.ofString(INCIDENT)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, decided.statusCode(), decided.body());
        String id = JSON.readTree(decided.body()).get("decisionId").asText();
        HttpResponse<String> lookup = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decisions/" + id))
                .header("Authorization", ServiceProcess.AUTHORIZATION).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, lookup.statusCode());
        assertTrue(lookup.body().contains("standard output"), "the refusal says where the entry went: " + lookup.body());
        return id;
    }

    /** Headers and half the body: the request is in flight until the rest arrives. */
    private static Socket sendHalf(int port, byte[] body) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: " + ServiceProcess.AUTHORIZATION + "\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return s;
    }

    private static String finishAndRead(Socket s, byte[] body) throws IOException {
        try (s) {
            s.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return dechunk(in.readAllBytes());
        }
    }

    /** The response with a chunked body joined, so the JSON can be read whichever framing the server chose. */
    private static String dechunk(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1); // one char per byte: offsets are byte offsets
        int split = text.indexOf("\r\n\r\n");
        String head = text.substring(0, split);
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            return new String(response, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = split + 4;
        while (true) {
            int eol = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, eol).trim(), 16);
            if (size == 0) {
                return head + "\r\n\r\n" + body.toString(StandardCharsets.UTF_8);
            }
            body.write(response, eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }

    private static void decideUntilRefused(int port, ConcurrentLinkedQueue<HttpResponse<String>> answers) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decisions"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").header("Authorization", ServiceProcess.AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(INCIDENT)).build();
        while (true) {
            try {
                answers.add(http.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException closed) {
                return; // the listener is gone: nothing more is accepted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
