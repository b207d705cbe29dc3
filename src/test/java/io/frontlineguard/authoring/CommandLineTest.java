package io.frontlineguard.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void shouldLeaveEveryOtherArgumentToTheService() {
        assertTrue(CommandLine.handles("check"));
        assertTrue(CommandLine.handles("diff", "a", "b"));
        assertFalse(CommandLine.handles());
        assertFalse(CommandLine.handles("-Dquarkus.http.port=9000"));
    }

    @Test
    void shouldPrintHelpAndExitZero() {
        Cli.Run run = Cli.run("help");
        assertEquals(CommandLine.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("check [dir]") && run.out().contains("diff <old-dir> <new-dir> [incidents.jsonl]"), run.toString());
    }

    @Test
    void shouldExitTwoOnAnUnknownCommandOrExtraArguments() {
        Cli.Run unknown = Cli.run("chek");
        assertEquals(CommandLine.USAGE, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("unknown command 'chek'"), unknown.toString());
        Cli.Run extra = Cli.run("test", "rules", "more");
        assertEquals(CommandLine.USAGE, extra.exitCode(), extra.toString());
        assertEquals("usage: test [dir]\n", extra.err());
    }
}
