package io.frontlineguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript declarations openapi-typescript makes from the contract, compiled by tsc against
 * src/test/typescript/usage.ts: demands narrowed by their type, action params by their code, and
 * every field with a default optional. usage.ts also holds lines that must not compile
 * (@ts-expect-error), so loose types fail here as surely as wrong ones.
 * The tools are the versions src/test/typescript/package-lock.json pins, installed into target/
 * (.ci/run does it first; otherwise this test does, with npm). Without Node the test is skipped,
 * except under CI, where .ci/run installs Node and a skip would hide a broken contract.
 */
class TypeScriptClientTest {

    private static final Path SOURCES = Path.of("src/test/typescript");
    private static final Path TOOLS = Path.of("target/typescript");
    private static final Path CONTRACT = Path.of("src/main/resources/META-INF/openapi.yaml");

    @Test
    void shouldCompileTypedUsesAndRefuseUntypedOnes() throws Exception {
        requireNode();
        installTools();
        Files.copy(SOURCES.resolve("usage.ts"), TOOLS.resolve("usage.ts"), StandardCopyOption.REPLACE_EXISTING);

        // Request fields with a default are optional to a client: the service fills them in.
        String generated = run(TOOLS, "node", "node_modules/openapi-typescript/bin/cli.js", CONTRACT.toAbsolutePath().toString(),
                "--default-non-nullable", "false", "--output", "guard-api.d.ts");
        assertFalse(generated.toLowerCase(Locale.ROOT).contains("warn"), generated);
        run(TOOLS, "node", "node_modules/typescript/bin/tsc", "--strict", "--noEmit", "--target", "es2022",
                "--module", "nodenext", "--moduleResolution", "nodenext", "usage.ts");
    }

    private static void requireNode() throws InterruptedException {
        if (works("node", "--version") && works("npm", "--version")) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail("CI is set but node or npm is missing: .ci/run installs them (Debian's nodejs and npm)");
        }
        Assumptions.abort("node and npm are not installed: the TypeScript client is not checked here (CI checks it)");
    }

    private static void installTools() throws Exception {
        Files.createDirectories(TOOLS);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json")) {
            Path target = TOOLS.resolve(file);
            if (!Files.exists(target) || Files.mismatch(SOURCES.resolve(file), target) != -1) {
                Files.copy(SOURCES.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (changed || !Files.isDirectory(TOOLS.resolve("node_modules/typescript"))
                || !Files.isDirectory(TOOLS.resolve("node_modules/openapi-typescript"))) {
            run(TOOLS, "npm", "ci", "--no-audit", "--no-fund");
        }
    }

    private static boolean works(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private static String run(Path directory, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(String.join(" ", line) + " did not finish");
        }
        assertEquals(0, p.exitValue(), () -> String.join(" ", line) + ":\n" + output);
        return output;
    }
}
