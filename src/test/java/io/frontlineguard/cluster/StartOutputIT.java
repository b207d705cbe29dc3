package io.frontlineguard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a start prints (issue 30): no secret in any output, such as the JWT key pair smallrye-jwt
 * generates when no key is configured, and no warning or error the project could remove, in
 * either start the README gives: {@code ./guard serve --dev} and the production {@code ./guard serve}.
 * A warning that stays must be on {@link #ALLOWED}, with the reason it is the right thing to print.
 */
class StartOutputIT {

    /**
     * A private key however it is written: PEM, or bare base64 PKCS#8 of an RSA key (version 0 and
     * the rsaEncryption identifier, the same in every such key), or handed over as the signing key.
     */
    private static final Pattern SECRET = Pattern.compile(
            "PRIVATE KEY|IBADANBgkqhkiG9w0BAQEFAASC|smallrye\\.jwt\\.sign\\.key=(?!NONE\\b)\\S+");

    /** A line at level warning or worse, in the service's log format, the JDK's or Maven's. */
    private static final Pattern WARNING_OR_WORSE = Pattern.compile(
            "^(?:\\d\\d:\\d\\d:\\d\\d[.,]\\d{3}\\s+)?\\[?(?:WARN|WARNING|ERROR|SEVERE|FATAL)\\b.*$", Pattern.MULTILINE);

    /** Warnings a normal start prints on purpose, each with why it is right to print it. */
    private static final Map<Pattern, String> ALLOWED = Map.of(
            Pattern.compile("WARN .*decision log is OFF: no HMAC key configured\\. Set guard\\.decision-log\\.hmac-key.*"),
            "a production start without a decision-log key has no audit trail; the operator must hear so, "
                    + "and configuring the key (README \"Decision log\") removes the line");

    @Test
    void shouldPrintNeitherSecretNorWarningWhenStartedAsTheReadmeStartsIt() throws Exception {
        String output = start("dev", "--dev");

        assertNoSecret(output);
        assertEquals(List.of(), unexpectedWarnings(output), "the dev start printed warnings:\n" + output);
    }

    @Test
    void shouldPrintNoSecretAndOnlyTheJustifiedWarningsOnTheProductionStart() throws Exception {
        String output = start("production");

        assertNoSecret(output);
        assertEquals(List.of(), unexpectedWarnings(output), "the production start printed warnings:\n" + output);
    }

    /** Starts {@code ./guard serve} with these options in a folder of its own, waits until ready, stops it. */
    private static String start(String name, String... options) throws Exception {
        Path work = Files.createDirectories(Path.of("target/start-output-it", name)).toAbsolutePath();
        int port = ServiceProcess.freePort();
        ProcessBuilder start = ServiceProcess.guardServe(work, port, options);
        Path output = work.resolve("output.log");
        Process service = start.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            ServiceProcess.awaitReady(port, service, output, Duration.ofSeconds(240));
        } finally {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        return Files.readString(output);
    }

    static List<String> unexpectedWarnings(String output) {
        return WARNING_OR_WORSE.matcher(output).results().map(m -> m.group())
                .filter(line -> ALLOWED.keySet().stream().noneMatch(p -> p.matcher(line).find()))
                .toList();
    }

    private static void assertNoSecret(String output) {
        Matcher found = SECRET.matcher(output);
        // Only where, and how it begins: the report must not carry the secret on.
        assertFalse(found.find(), () -> "the start printed a secret at character " + found.start() + ": "
                + found.group().substring(0, Math.min(12, found.group().length())) + "…");
    }
}
