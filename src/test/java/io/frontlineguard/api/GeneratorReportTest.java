package io.frontlineguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What openapi-generator said about the contract when the build generated the Java client from it
 * (pom.xml, generate-test-sources, keeps its output under target/openapi-client). A contract that
 * generators misread shows here first: unused models, shapes they cannot type, warnings.
 */
class GeneratorReportTest {

    private static final Path CLIENT = Path.of("target/openapi-client");

    /**
     * Warnings 7.25.0 gives for any OpenAPI 3.1 document, however it is written: its 3.1 support is
     * marked beta, and every schema with additionalProperties: false (how the contract refuses unknown
     * fields) makes ModelUtils log a schema name of null. Neither is the contract's to fix.
     */
    private static final List<String> NOT_THE_CONTRACTS = List.of(
            "OpenAPI 3.1 support is still in beta", "Failed to get the schema name: null");

    @Test
    void shouldRecommendNothing() throws IOException {
        String report = Files.readString(CLIENT.resolve("validate.log"));

        assertTrue(report.contains("No validation issues detected"), report);
    }

    @Test
    void shouldWarnOfNothingTheContractCouldFix() throws IOException {
        List<String> warnings = log().stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                .filter(line -> NOT_THE_CONTRACTS.stream().noneMatch(line::contains))
                .toList();

        assertEquals(List.of(), warnings);
    }

    /**
     * NoParams (the params of the codes that take none) and ApprovalConsent (an approval's optional
     * body) are objects without fields: nothing to generate. Every other model is generated.
     */
    @Test
    void shouldGenerateEveryModelButTheEmptyObjects() throws IOException {
        List<String> skipped = log().stream().filter(line -> line.contains("not generated")).sorted().toList();

        assertEquals(List.of("Model ApprovalConsent not generated since it's a free-form object",
                        "Model NoParams not generated since it's a free-form object"),
                skipped.stream().map(line -> line.substring(line.indexOf("Model "))).toList(), () -> String.join("\n", skipped));
    }

    private static List<String> log() throws IOException {
        return Files.readAllLines(CLIENT.resolve("generate.log"));
    }
}
