package io.frontlineguard.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No secret in any output of a start (issue 30): neither the packaged jar nor the README's start
 * command may print a private key, such as the JWT key pair smallrye-jwt generates when no key is
 * configured, which a start through the Maven plugin used to pass, and print, on the command line.
 */
class StartOutputIT {

    /**
     * A private key however it is written: PEM, or bare base64 PKCS#8 of an RSA key (version 0 and
     * the rsaEncryption identifier, the same in every such key), or handed over as the signing key.
     */
    private static final Pattern SECRET = Pattern.compile(
            "PRIVATE KEY|IBADANBgkqhkiG9w0BAQEFAASC|smallrye\\.jwt\\.sign\\.key=(?!NONE\\b)\\S+");

    @Test
    void shouldPrintNoPrivateKeyWhenThePackagedJarStarts() throws Exception {
        Path work = Files.createDirectories(Path.of("target/start-output-it/jar"));
        int port = ServiceProcess.freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dguard.memory.dir=" + work.resolve("data").toAbsolutePath(),
                "-jar", "target/quarkus-app/quarkus-run.jar");
        assertNoSecret(startAndStop(new ProcessBuilder(command), port, work.resolve("output.log")));
    }

    @Test
    void shouldPrintNoPrivateKeyWhenStartedAsTheReadmeStartsIt() throws Exception {
        Path work = Files.createDirectories(Path.of("target/start-output-it/quarkus-run"));
        int port = ServiceProcess.freePort();
        ProcessBuilder start = new ProcessBuilder(new ArrayList<>(List.of("./mvnw", "-B", "-ntp", "quarkus:run")));
        start.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        start.environment().put("GUARD_MEMORY_DIR", work.resolve("data").toAbsolutePath().toString());
        assertNoSecret(startAndStop(start, port, work.resolve("output.log")));
    }

    private static String startAndStop(ProcessBuilder start, int port, Path output) throws Exception {
        Process service = start.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            ServiceProcess.awaitReady(port, service, output, Duration.ofSeconds(240));
        } finally {
            // The Maven plugin runs the service as a child of its own: stop that first.
            service.descendants().forEach(ProcessHandle::destroy);
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.descendants().forEach(ProcessHandle::destroyForcibly);
                service.destroyForcibly();
            }
        }
        return Files.readString(output);
    }

    private static void assertNoSecret(String output) {
        Matcher found = SECRET.matcher(output);
        // Only where, and how it begins: the report must not carry the secret on.
        assertFalse(found.find(), () -> "the start printed a secret at character " + found.start() + ": "
                + found.group().substring(0, Math.min(12, found.group().length())) + "…");
    }
}
