package io.frontlineguard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's start, {@code ./guard serve --dev}, as a newcomer and a supervisor use it (issue
 * 30): the published users can do what the README shows, and a SIGTERM to the process that was
 * started stops the service, its port and its embedded store within seconds. Maven's start left
 * the service answering after that signal, because the JVM was a child that never got it.
 */
class ServeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldServeTheReadmesUsersAndStopOnSigtermToTheStartedProcess() throws Exception {
        Path work = Files.createDirectories(Path.of("target/serve-it")).toAbsolutePath();
        int port = ServiceProcess.freePort();
        Path log = work.resolve("output.log");
        Process service = ServiceProcess.guardServe(work, port, "--dev").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            ServiceProcess.awaitReady(port, service, log, Duration.ofSeconds(240));
            assertTrue(service.info().command().orElse("").endsWith("/java"),
                    "the script must exec the JVM, so the signal reaches the service: " + service.info());
            List<ProcessHandle> children = service.descendants().toList();

            assertEquals(200, post(port, "crm:crm-dev-only", "/v1/decisions", """
                    {"occurredAt": "2026-11-23T21:10:00+09:00", "channel": "PHONE", "department": "call-center",
                     "demands": [{"type": "VISIT", "immediate": true, "place": "PUBLIC_PLACE"}]}"""), "the calling system");
            assertEquals(200, get(port, "exec:exec-dev-only", "/v1/approvals"), "the executive");
            assertEquals(404, get(port, "officer:officer-dev-only", "/v1/callers/+81-90-0000-0099"), "the case officer");

            new ProcessBuilder("kill", "-TERM", String.valueOf(service.pid())).inheritIO().start().waitFor();

            assertTrue(service.waitFor(15, TimeUnit.SECONDS), "still running 15 s after SIGTERM:\n" + Files.readString(log));
            assertThrows(ConnectException.class, () -> connect(port), "the port still accepts connections");
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "a process the service started outlived it: " + child.info());
            }
        } finally {
            service.descendants().forEach(ProcessHandle::destroyForcibly);
            service.destroyForcibly();
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
    }

    private static int post(int port, String user, String path, String json) throws Exception {
        return HTTP.send(request(port, user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int get(int port, String user, String path) throws Exception {
        return HTTP.send(request(port, user, path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest.Builder request(int port, String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }
}
