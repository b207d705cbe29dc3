package io.frontlineguard.authoring;

import java.io.PrintStream;
import java.io.PrintWriter;
import io.frontlineguard.ruleset.FolderSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * The command line: {@code serve}, and for policy authors {@code check}, {@code test}, {@code diff},
 * {@code help} and a shell completion script, parsed by picocli (usage errors with a suggestion,
 * help per command). The authors' commands run on plain Java (the rule compiler, the scenario
 * runner and the decision engine need no container), so they answer in seconds and never open a port.
 */
public final class AuthorCommands {

    public static final int OK = 0;
    /** check found problems, test found failures or coverage gaps, diff found changed decisions. */
    public static final int PROBLEMS = 1;
    /** Wrong arguments, a missing folder or file, (diff) rules that cannot be compared, or an internal error. */
    public static final int USAGE = 2;

    /** Loggers kept reachable, or the JDK may forget the levels set on them. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.drools"), Logger.getLogger("org.kie"));

    /** Drools reports progress on the console; the commands print only what the author acts on. */
    public static void quietenRuleEngineLogs() {
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
    }

    private final ServeCommand serve;

    /** A command line on which {@code serve} only records that the service was asked for (see {@link #serve()}). */
    public AuthorCommands() {
        this.serve = new ServeCommand();
    }

    /** What {@code serve} asked for, once {@link #run} has parsed the arguments. */
    public ServeCommand serve() {
        return serve;
    }

    /**
     * Runs one command and returns its exit code; all output goes to the given streams. Every
     * argument list is a command (or a usage error), so nothing but {@code serve} leads to a server.
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Guard())
                .addSubcommand(new CommandLine(serve))
                .addSubcommand(new CommandLine(new Check(out, err)))
                .addSubcommand(new CommandLine(new Test(out, err)))
                .addSubcommand(new CommandLine(new Diff(out, err)))
                .addSubcommand(new CommandLine.HelpCommand())
                .addSubcommand(new AutoComplete.GenerateCompletion());
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler((e, a) -> {
            cli.getErr().println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr());
            e.getCommandLine().usage(cli.getErr());
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            // Not the author's mistake: say so plainly, and keep the trace for whoever fixes it.
            cli.getErr().println("internal error while running '" + c.getCommandName() + "': " + e);
            e.printStackTrace(cli.getErr());
            return USAGE;
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Command(name = "guard", mixinStandardHelpOptions = true, versionProvider = GuardVersion.class,
            description = {"Frontline Guard: start the decision service (serve); check, test and compare",
                    "rules (check, test, diff) without any Java knowledge."},
            synopsisSubcommandLabel = "COMMAND",
            footer = {"", "Exit codes: 0 all good; 1 problems (check), rules that do not compile, failing",
                    "scenarios or gaps in coverage (test), or at least one changed decision (diff);",
                    "2 wrong usage, a missing folder or file, or (diff) a folder whose rules do not compile.",
                    "Only 'serve' starts a server."})
    static final class Guard implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return USAGE;
        }
    }

    /** {@code --version}: the build's version and that of the rules a start from here would serve. */
    static final class GuardVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String build = AuthorCommands.class.getPackage().getImplementationVersion();
            String dir = System.getenv("GUARD_RULES_DIR") != null ? System.getenv("GUARD_RULES_DIR")
                    : System.getProperty("guard.rules.dir", "rules");
            String rules;
            try {
                rules = "rules " + FolderSnapshot.read(Path.of(dir)).version() + " in " + dir;
            } catch (RuntimeException unreadable) {
                rules = "rules: none readable in " + dir;
            }
            return new String[] {"Frontline Guard " + (build == null ? "(development build)" : build), rules};
        }
    }

    /** The streams the commands print to, given by whoever runs the command line. */
    abstract static class Streams {
        final PrintStream out;
        final PrintStream err;

        Streams(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }
    }

    /** A command on one rules folder, {@code rules} unless named. */
    abstract static class OnFolder extends Streams implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "dir", defaultValue = "rules", description = "the rules folder (default: rules)")
        String dir;

        OnFolder(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            return run(RulesFolder.of(dir));
        }

        abstract int run(RulesFolder folder);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Lint and compile the rules in dir; one file:line:col: message per problem.",
                    "Also reads its thresholds, lesson catalogue and scenario files."})
    static final class Check extends OnFolder {
        Check(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        int run(RulesFolder folder) {
            return new CheckCommand().run(folder, out, err);
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Run the scenarios in dir; \"N passed, N failed\" and a coverage report.",
                    "Prints each failure with what differs and the rules that fired."})
    static final class Test extends OnFolder {
        Test(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        int run(RulesFolder folder) {
            return new TestCommand().run(folder, out, err);
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Print every decision the change alters, before and after.",
                    "Decides every scenario of both folders, and each JSON incident of the file (one per",
                    "line), under both rule sets."})
    static final class Diff extends Streams implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<old-dir>", description = "the rules before the change")
        String before;
        @Parameters(index = "1", paramLabel = "<new-dir>", description = "the rules after the change")
        String after;
        @Parameters(index = "2", arity = "0..1", paramLabel = "incidents.jsonl", description = "more incidents, one JSON object a line")
        String incidents;

        Diff(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            return new DiffCommand().run(RulesFolder.of(before), RulesFolder.of(after), incidents, out, err);
        }
    }
}
