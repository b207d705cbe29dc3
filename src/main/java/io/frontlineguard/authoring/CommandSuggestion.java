package io.frontlineguard.authoring;

import io.frontlineguard.incident.Spelling;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The "Did you mean" line of a usage error. picocli suggests sub-commands by shared letters, so
 * "tset" got "serve or generate-completion"; a mistyped command is answered with the command
 * nearest in edit distance (the one spelling check the service's own answers use), or with nothing
 * when none is near. Options and arguments keep picocli's suggestions.
 */
final class CommandSuggestion {

    private CommandSuggestion() {
    }

    static void print(ParameterException e, PrintWriter err) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && !e.getCommandLine().getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty()) {
            CommandLine line = e.getCommandLine();
            Spelling.closest(unmatched.getUnmatched().get(0), line.getSubcommands().keySet())
                    .ifPresent(name -> err.println("Did you mean: " + line.getCommandSpec().qualifiedName() + " " + name + "?"));
            return;
        }
        UnmatchedArgumentException.printSuggestions(e, err);
    }
}
