package io.frontlineguard.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthorCommandsTest {

    @Test
    void shouldLeaveEveryOtherArgumentToTheService() {
        assertTrue(AuthorCommands.handles("check"));
        assertTrue(AuthorCommands.handles("diff", "a", "b"));
        assertTrue(AuthorCommands.handles("chek"), "a misspelt command is answered, not taken for the service");
        assertTrue(AuthorCommands.handles("--help"));
        assertFalse(AuthorCommands.handles());
        assertFalse(AuthorCommands.handles("-Dquarkus.http.port=9000"));
    }

    @Test
    void shouldPrintTheVersionAndTheRulesVersionInsteadOfStartingTheService() {
        assertTrue(AuthorCommands.handles("--version"), "--version must not start a server");
        assertTrue(AuthorCommands.handles("-V"), "-V must not start a server");
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
        for (String command : new String[] {"check", "test", "diff", "impact", "help", "generate-completion"}) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " listed: " + run);
        }
        assertTrue(run.out().contains("Exit codes: 0 all good; 1 problems"), run.toString());
    }

    @Test
    void shouldGiveEachCommandItsOwnHelp() {
        Cli.Run run = Cli.run("help", "diff");

        assertEquals(AuthorCommands.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Usage: guard diff [-hV] <old-dir> <new-dir> [incidents.jsonl]"), run.toString());
        assertTrue(Cli.run("check", "--help").out().startsWith("Usage: guard check [-hV] [dir]"));
    }

    @Test
    void shouldSuggestTheCommandMeantAndExitTwoOnAnUnknownCommand() {
        Cli.Run unknown = Cli.run("chek");

        assertEquals(AuthorCommands.USAGE, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("Unmatched argument at index 0: 'chek'\nDid you mean: guard check"), unknown.toString());
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
}
