package io.frontlineguard.authoring;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The policy authors' command line: {@code check}, {@code test}, {@code diff} and {@code help}.
 * It runs on plain Java (the rule compiler, the scenario runner and the decision engine need no
 * container), so a command answers in seconds and never opens a port.
 */
public final class CommandLine {

    public static final int OK = 0;
    /** check found problems, test found failures or coverage gaps, diff found changed decisions. */
    public static final int PROBLEMS = 1;
    /** Wrong arguments, a missing folder or file, (diff) rules that cannot be compared, or an internal error. */
    public static final int USAGE = 2;

    private static final Set<String> COMMANDS = Set.of("check", "test", "diff", "help", "--help", "-h");
    private static final String DEFAULT_DIR = "rules";

    /** Loggers kept reachable, or the JDK may forget the levels set on them. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.drools"), Logger.getLogger("org.kie"));

    /** Whether these arguments ask for an authoring command rather than the service. */
    public static boolean handles(String... args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs one command and returns its exit code; all output goes to the given streams. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(Usage.TEXT);
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "check" -> rest.size() <= 1 ? new CheckCommand().run(folder(rest, 0), out, err) : usage(err, "check [dir]");
                case "test" -> rest.size() <= 1 ? new TestCommand().run(folder(rest, 0), out, err) : usage(err, "test [dir]");
                case "diff" -> rest.size() == 2 || rest.size() == 3
                        ? new DiffCommand().run(RulesFolder.of(rest.get(0)), RulesFolder.of(rest.get(1)),
                                rest.size() == 3 ? rest.get(2) : null, out, err)
                        : usage(err, "diff <old-dir> <new-dir> [incidents.jsonl]");
                case "help", "--help", "-h" -> {
                    out.print(Usage.TEXT);
                    yield OK;
                }
                default -> {
                    err.println("unknown command '" + args[0] + "'");
                    err.print(Usage.TEXT);
                    yield USAGE;
                }
            };
        } catch (RuntimeException e) {
            // Not the author's mistake: say so plainly, and keep the trace for whoever fixes it.
            err.println("internal error while running '" + args[0] + "': " + e);
            e.printStackTrace(err);
            return USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Drools reports progress on the console; the commands print only what the author acts on. */
    public static void quietenRuleEngineLogs() {
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
    }

    private static RulesFolder folder(List<String> rest, int index) {
        return RulesFolder.of(rest.size() > index ? rest.get(index) : DEFAULT_DIR);
    }

    private static int usage(PrintStream err, String synopsis) {
        err.println("usage: " + synopsis);
        return USAGE;
    }
}
