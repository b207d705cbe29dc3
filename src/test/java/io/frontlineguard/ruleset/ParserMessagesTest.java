package io.frontlineguard.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.frontlineguard.verification.VerifiedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax mistakes in a copy of the built-in visits.drl, and the first problem check reports for each. */
class ParserMessagesTest {

    private static final String RULE = "\"Refuse a visit when the caller gives no reason\"";

    @TempDir
    Path tmp;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a missing ')'", "reasonGiven == false)", "reasonGiven == false",
                        "visits.drl:19:1: unexpected 'then' in rule " + RULE
                                + "; the conditions are not closed before 'then': a ')' is probably missing"),
                Arguments.of("a '(' too many", "Demand(type", "Demand(( type",
                        "visits.drl:18:38: unexpected ',' in rule " + RULE
                                + "; the parentheses do not match: a '(' too many or a ')' missing before it"),
                Arguments.of("an unquoted rule name", "rule " + RULE, "rule Refuse a visit",
                        "visits.drl:13:13: unexpected 'a' in rule \"Refuse\"; did the previous rule lose its 'end',"
                                + " or does a rule name lack its quotes (rule \"…\")?"),
                Arguments.of("a string left open", "\"REFUSE_VISIT\"", "\"REFUSE_VISIT",
                        "visits.drl:26:22: cannot read this here; is a string left open (a missing '\"') or a character out of place?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void shouldNameTheMistakeInPlainWordsAtItsPosition(String what, String from, String to, String expected) throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName().toString()));
            }
        }
        Path visits = rules.resolve("visits.drl");
        Files.writeString(visits, Files.readString(visits).replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));

        RuleProblem first = new VerifiedRules(Clock.systemUTC()).check(rules).problems().get(0);

        assertEquals(expected, first.toString());
    }

    @org.junit.jupiter.api.Test
    void shouldSayTheLastRuleLacksItsEndWhenTheFileStopsInsideIt() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName().toString()));
            }
        }
        Path visits = rules.resolve("visits.drl");
        String text = Files.readString(visits).stripTrailing();
        Files.writeString(visits, text.substring(0, text.lastIndexOf("end")));

        RuleProblem first = new VerifiedRules(Clock.systemUTC()).check(rules).problems().get(0);

        assertEquals("the file ends inside rule \"Send at least two staff on any visit\": is its 'end' missing?",
                first.message());
        assertEquals("visits.drl", first.file());
    }
}
