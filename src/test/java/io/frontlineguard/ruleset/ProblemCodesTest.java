package io.frontlineguard.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.verification.VerifiedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Problems of real broken folders, as the verification reports them, read as codes with their
 * parameters: the console words each code in the reader's language. A message reworded so that it
 * no longer reads as its code fails here.
 */
class ProblemCodesTest {

    @TempDir
    Path tmp;

    private Path copy() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName().toString()));
            }
        }
        return rules;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }

    private static List<ProblemCodes.Coded> codes(Path rules) {
        return new VerifiedRules(Clock.systemUTC()).verdict(rules).problems().stream()
                .map(p -> ProblemCodes.of(p.message())).toList();
    }

    @Test
    void shouldReadTheLintsUnknownNamesWithTheNameTheAuthorWrote() throws IOException {
        Path rules = copy();
        replace(rules.resolve("visits.drl"), "\"REFUSE_VISIT\"", "\"REFUSE_VISITZ\"");
        replace(rules.resolve("visits.drl"), "reasonGiven == false", "reasonGivn == false");

        List<ProblemCodes.Coded> codes = codes(rules);

        assertTrue(codes.contains(new ProblemCodes.Coded("UNKNOWN_ACTION", Map.of("code", "REFUSE_VISITZ"))), codes.toString());
        assertTrue(codes.contains(new ProblemCodes.Coded("UNKNOWN_FIELD", Map.of("field", "reasonGivn", "type", "Demand"))),
                codes.toString());
    }

    @Test
    void shouldReadASyntaxErrorAndAForbiddenCall() throws IOException {
        Path rules = copy();
        replace(rules.resolve("visits.drl"), "reasonGiven == false)", "reasonGiven == false");
        assertEquals("DRL_SYNTAX", codes(rules).get(0).code(), codes(rules).toString());

        Path evil = tmp.resolve("evil");
        Files.createDirectories(evil);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, evil.resolve(f.getFileName().toString()));
            }
        }
        Files.writeString(evil.resolve("evil.drl"), """
                package frontlineguard.evil;
                import io.frontlineguard.incident.*;
                rule "Exit on every incident"
                when
                    Incident()
                then
                    System.exit(3);
                end
                """);
        List<ProblemCodes.Coded> found = codes(evil);
        assertTrue(found.contains(new ProblemCodes.Coded("RULE_WITHOUT_LESSON", Map.of())), found.toString());
        assertTrue(found.stream().anyMatch(c -> List.of("NOT_IN_LANGUAGE", "CALL_NOT_ALLOWED").contains(c.code())
                && c.args().values().stream().anyMatch(v -> v.contains("System"))), found.toString());
    }

    @Test
    void shouldReadTheVerificationsFindingsWithTheScenarioTheyConcern() throws IOException {
        Path rules = copy();
        String drl = Files.readString(rules.resolve("answers.drl"));
        int rule = drl.indexOf("rule \"Escalate a long-standing client's complaint");
        int emit = drl.indexOf("Role.SUPERVISOR", rule);
        Files.writeString(rules.resolve("answers.drl"), drl.substring(0, emit) + "Role.MANAGER"
                + drl.substring(emit + "Role.SUPERVISOR".length()));

        List<ProblemCodes.Coded> found = codes(rules);

        assertTrue(found.stream().anyMatch(c -> c.code().equals("SCENARIO_FAILS") && !c.args().get("scenario").isEmpty()
                && !c.args().get("differences").isEmpty()), found.toString());
    }

    @Test
    void shouldGiveAnyOtherProblemTheGeneralCode() {
        assertEquals(new ProblemCodes.Coded(ProblemCodes.RULE_PROBLEM, Map.of()), ProblemCodes.of("something else went wrong"));
    }

    /** The console words every code in both languages (VocabularyBrowserTest checks each entry has both). */
    @Test
    void shouldHaveConsoleWordsForEveryCode() throws IOException {
        String messages = Files.readString(Path.of("src/main/resources/META-INF/resources/console/i18n.js"));
        for (String code : ProblemCodes.codes()) {
            assertTrue(messages.contains("  problem_" + code + ": { ja: '"), "no words for " + code);
        }
    }
}
