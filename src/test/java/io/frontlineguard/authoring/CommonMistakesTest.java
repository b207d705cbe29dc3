package io.frontlineguard.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each mistake of src/test/resources/common-mistakes.tsv, made in a copy of the built-in rules:
 * {@code guard check} must catch it (never a scenario run or a reload first), name it at its
 * position in plain words, and print exactly the expected first line. rules/README.md lists the
 * same table, so what authors read is what the command says.
 */
class CommonMistakesTest {

    private static final Path TABLE = Path.of("src/test/resources/common-mistakes.tsv");
    private static final Path GUIDE = Path.of("rules/README.md");

    @TempDir
    Path tmp;

    record Mistake(String file, String from, String to, String what, String firstLine) {
    }

    static List<Mistake> table() throws IOException {
        return Files.readAllLines(TABLE, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", -1))
                .map(c -> new Mistake(c[0], c[1].replace("\\n", "\n"), c[2].replace("\\n", "\n"), c[3], c[4]))
                .toList();
    }

    static Stream<Arguments> mistakes() throws IOException {
        return table().stream().map(m -> Arguments.of(m.what(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void shouldBeCaughtByCheckWithTheExpectedFirstLine(String what, Mistake m) {
        Path rules = Cli.copyOfBuiltInRules(tmp);
        Path file = rules.resolve(m.file());
        String text = Cli.read(file);
        assertTrue(text.contains(m.from()), () -> m.file() + " no longer contains the text this row changes: " + m.from());
        Cli.write(file, text.replaceFirst(java.util.regex.Pattern.quote(m.from()), java.util.regex.Matcher.quoteReplacement(m.to())));

        Cli.Run run = Cli.run("check", rules.toString());

        assertEquals(AuthorCommands.PROBLEMS, run.exitCode(), run.toString());
        String first = run.lines().get(0).replace(rules.toString(), "rules");
        assertEquals(m.firstLine(), first);
        assertFalse(run.out().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run);
        assertFalse(first.matches("rules/[^:]+:0:.*"), "a real line, not line 0: " + first);
    }

    @Test
    void shouldHoldAtLeastThirtyMistakes() throws IOException {
        assertTrue(table().size() >= 30, "rows: " + table().size());
    }

    @Test
    void shouldListEveryMistakeInTheAuthorsGuide() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        for (Mistake m : table()) {
            String row = "| " + m.what() + " | `" + m.firstLine() + "` |";
            assertTrue(guide.contains(row), () -> GUIDE + " lacks the row: " + row);
        }
    }
}
