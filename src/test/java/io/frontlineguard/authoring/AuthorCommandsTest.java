package io.frontlineguard.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorCommandsTest {

    @Test
    void shouldAskForTheServiceOnlyWithServe() {
        AuthorCommands production = parsed("serve");
        assertTrue(production.serve().requested());
        assertFalse(production.serve().dev(), "without --dev the start is the production one");
        AuthorCommands dev = parsed("serve", "--dev");
        assertTrue(dev.serve().requested() && dev.serve().dev());

        for (String[] args : new String[][] {{"-Dquarkus.http.port=9000"}, {"--port", "9000"}, {"chek"}, {"help"},
                {"serve", "--help"}, {"serve", "--dve"}, {"check", "--dev"}}) {
            assertFalse(parsed(args).serve().requested(), () -> String.join(" ", args) + " must not start a server");
        }
    }

    @Test
    void shouldAnswerAnOptionThatIsNoCommandWithAUsageErrorInsteadOfAServer() {
        Cli.Run run = Cli.run("-Dquarkus.http.port=9000");

        assertEquals(AuthorCommands.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("Unknown option: '-Dquarkus.http.port=9000'"), run.toString());
    }

    @Test
    void shouldPrintTheVersionAndTheRulesVersionInsteadOfStartingTheService() {
        assertFalse(parsed("--version").serve().requested(), "--version must not start a server");
        assertFalse(parsed("-V").serve().requested(), "-V must not start a server");
        String rules = io.frontlineguard.ruleset.FolderSnapshot.read(Cli.BUILT_IN_RULES).version();
        for (String option : new String[] {"--version", "-V"}) {
            Cli.Run run = Cli.run(option);

            assertEquals(AuthorCommands.OK, run.exitCode(), run.toString());
            assertTrue(run.out().startsWith("Frontline Guard "), run.toString());
            assertTrue(run.out().contains("rules " + rules + " in rules"), run.toString());
        }
    }

    @Test
    void shouldListTheCommandsAndTheExitCodesInHelpAndExitZero() {
        Cli.Run run = Cli.run("help");

        assertEquals(AuthorCommands.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Usage: guard [-hV] COMMAND"), run.toString());
        for (String command : new String[] {"serve", "check", "test", "diff", "impact", "help", "generate-completion"}) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " listed: " + run);
        }
        assertTrue(run.out().contains("Exit codes: 0 all good; 1 problems"), run.toString());
        assertTrue(run.out().contains("Only 'serve' starts a server."), run.toString());
    }

    @Test
    void shouldGiveEachCommandItsOwnHelp() {
        Cli.Run run = Cli.run("help", "diff");

        assertEquals(AuthorCommands.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Usage: guard diff [-hV] <old-dir> <new-dir> [incidents.jsonl]"), run.toString());
        assertTrue(Cli.run("check", "--help").out().startsWith("Usage: guard check [-hV] [dir]"));
        assertTrue(Cli.run("serve", "--help").out().startsWith("Usage: guard serve [-hV] [--dev]"));
    }

    @Test
    void shouldSuggestTheCommandMeantAndExitTwoOnAnUnknownCommand() {
        Cli.Run unknown = Cli.run("chek");

        assertEquals(AuthorCommands.USAGE, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("Unmatched argument at index 0: 'chek'\nDid you mean: guard check"), unknown.toString());
    }

    @Test
    void shouldSuggestTheCommandNearestInSpellingOnATransposedCommand() {
        Cli.Run swapped = Cli.run("tset");

        assertEquals(AuthorCommands.USAGE, swapped.exitCode(), swapped.toString());
        assertTrue(swapped.err().startsWith("Unmatched argument at index 0: 'tset'\nDid you mean: guard test?\n"), swapped.toString());
    }

    @Test
    void shouldSuggestNothingForAWordFarFromEveryCommand() {
        Cli.Run far = Cli.run("deploy");

        assertEquals(AuthorCommands.USAGE, far.exitCode(), far.toString());
        assertTrue(far.err().startsWith("Unmatched argument at index 0: 'deploy'\nUsage: guard"), far.toString());
    }

    @Test
    void shouldSummariseEachCommandInHelpWithItsWholeFirstSentence() {
        Cli.Run run = Cli.run("help");
        Map<String, String> summaries = commandSummaries(run.out());

        for (String command : new String[] {"serve", "check", "test", "diff", "impact"}) {
            String summary = summaries.get(command);
            assertTrue(summary != null && SENTENCE_END.matcher(summary).find(), command + ": '" + summary + "'\n" + run);
        }
    }

    @Test
    void shouldBreakHelpTextOnlyAtTheEndOfASentenceOrOfAFullLine() {
        for (String command : new String[] {"serve", "check", "test", "diff", "impact"}) {
            Cli.Run run = Cli.run("help", command);
            for (List<String> paragraph : proseOf(run.out())) {
                for (String line : paragraph.subList(0, paragraph.size() - 1)) {
                    // picocli fills lines to 80 columns; a short line that ends mid-sentence is a
                    // hand-broken line picocli wrapped a second time.
                    assertTrue(line.length() >= FULL_LINE || SENTENCE_END.matcher(line).find(),
                            command + " breaks mid-sentence after '" + line + "'\n" + run);
                }
            }
        }
    }

    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.?:;]$");
    private static final int FULL_LINE = 60;

    /** The command list of the main help, each command with its summary (its wrapped lines joined). */
    private static Map<String, String> commandSummaries(String help) {
        Map<String, String> summaries = new LinkedHashMap<>();
        List<String> lines = help.lines().toList();
        String current = null;
        for (String line : lines.subList(lines.indexOf("Commands:") + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                String[] nameAndSummary = line.strip().split("\\s{2,}", 2);
                current = nameAndSummary[0];
                summaries.put(current, nameAndSummary.length > 1 ? nameAndSummary[1] : "");
            } else {
                summaries.merge(current, line.strip(), (a, b) -> (a + " " + b).strip());
            }
        }
        return summaries;
    }

    /** A command's description (the lines after the synopsis that start in the first column) and its footer paragraphs. */
    private static List<List<String>> proseOf(String help) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean synopsis = true;
        for (String line : help.lines().toList()) {
            if (synopsis && (line.startsWith("Usage:") || line.startsWith(" "))) {
                continue;
            }
            synopsis = false;
            boolean prose = !line.isBlank() && !line.startsWith(" ");
            if (prose) {
                current.add(line.stripTrailing());
            } else if (!current.isEmpty()) {
                paragraphs.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return paragraphs;
    }

    @Test
    void shouldNameTheExtraArgumentAndShowTheUsageOnTooManyArguments() {
        Cli.Run extra = Cli.run("test", "rules", "more");

        assertEquals(AuthorCommands.USAGE, extra.exitCode(), extra.toString());
        assertTrue(extra.err().startsWith("Unmatched argument at index 2: 'more'\nUsage: guard test [-hV] [dir]"), extra.toString());
        assertEquals("", extra.out());
    }

    @Test
    void shouldPrintACompletionScriptForBash() {
        Cli.Run run = Cli.run("generate-completion");

        assertEquals(AuthorCommands.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("complete -F") && run.out().contains("check test diff"), run.toString());
    }

    /** The command line after parsing these arguments, its output discarded. */
    private static AuthorCommands parsed(String... args) {
        AuthorCommands commands = new AuthorCommands();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        commands.run(args, discard, discard);
        return commands;
    }
}
