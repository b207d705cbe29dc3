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
 * {@code impact}, {@code help} and a shell completion script, parsed by picocli (usage errors with a
 * suggestion, help per command). The authors' commands run on plain Java (the rule compiler, the
 * scenario runner and the decision engine need no container), so they answer in seconds and never open a port.
 */
public final class AuthorCommands {

    public static final int OK = 0;
    /** check found problems, test found the folder not ready (as a replica would refuse it), diff or impact found changed decisions. */
    public static final int PROBLEMS = 1;
    /** Wrong arguments, a missing folder or file, (diff, impact) rules that cannot be compared, or an internal error. */
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
                .addSubcommand(new CommandLine(new Impact(out, err)))
                .addSubcommand(new CommandLine.HelpCommand())
                .addSubcommand(new AutoComplete.GenerateCompletion());
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler((e, a) -> {
            cli.getErr().println(e.getMessage());
            CommandSuggestion.print(e, cli.getErr());
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
            // One string per paragraph: picocli wraps each at word boundaries to 80 columns and starts
            // each on a new line, so a hand-broken line longer than that would break mid-sentence.
            // A command's first string is its summary in this list: a whole sentence.
            description = "Frontline Guard: start the decision service (serve); check, test and compare rules"
                    + " (check, test, diff, impact) without any Java knowledge.",
            synopsisSubcommandLabel = "COMMAND",
            footer = {"", "Exit codes: 0 all good; 1 problems (check), a folder that is not ready and that a"
                    + " replica would refuse too: rules that do not compile, failing scenarios or gaps in"
                    + " coverage (test), or at least one changed decision (diff, impact); 2 wrong usage, a"
                    + " missing folder or file, or (diff, impact) a folder whose rules do not compile.",
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
            description = {"Run the scenarios of dir and tell whether it is ready to be put in force.",
                    "Prints \"N passed, N failed\", the coverage and every gap at file:line:col; each failure"
                            + " with what differs and the rules that fired. Exit code 0 only for a folder a"
                            + " replica's reload would accept."})
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
                    "Decides every scenario of both folders, and each JSON incident of the file (one per"
                            + " line), under both rule sets."})
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

    @Command(name = "impact", mixinStandardHelpOptions = true,
            description = {"Report which logged decisions of a period the candidate rules would change.",
                    "Decides each again from the facts it logged (case memory's recollection included) and"
                            + " reports the changed ones by kind: action added, removed, params changed, handling"
                            + " and assessment changed. Reads the log only; writes neither the log nor case memory.",
                    "Reports beside it whether the candidate is ready, by the verification guard test applies."},
            footer = {"", "Exit codes: 0 no decision changed; 1 at least one changed; 2 wrong usage, a missing"
                    + " folder or log file, or candidate rules that do not compile."})
    static final class Impact extends Streams implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<candidate-rules>", description = "the rules folder to try")
        String candidate;
        @CommandLine.Option(names = "--since", paramLabel = "<when>", defaultValue = "30d",
                description = "decisions made since: 30d, 12h, 2w, a UTC date 2026-11-01 or an instant (default: 30d)")
        String since;
        @CommandLine.Option(names = "--log", paramLabel = "<file>", split = ",",
                description = "decision log files, oldest first (default: $GUARD_DECISION_LOG_PATH or decisions.jsonl,"
                        + " with its rotated files)")
        List<String> logs;
        @CommandLine.Option(names = "--json", paramLabel = "<file>", description = "also write the report as JSON; - for standard output instead of the text")
        String json;
        @CommandLine.Option(names = "--html", paramLabel = "<file>", description = "also write the report as one HTML file with a chart")
        String html;
        @CommandLine.Option(names = "--examples", paramLabel = "<n>", defaultValue = "3", description = "examples per kind (default: 3)")
        int examples;
        @CommandLine.Option(names = "--threads", paramLabel = "<n>", description = "decide on this many threads (default: one per core)")
        Integer threads;
        @CommandLine.Option(names = "--include-what-if", description = "also replay what-if decisions (asked with"
                + " ?record=false), which are otherwise counted and skipped: nobody acted on them")
        boolean includeWhatIf;

        Impact(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            return new ImpactCommand(java.time.Clock.systemUTC()).run(new ImpactCommand.Request(candidate, since, logs, json,
                    html, examples, workers, includeWhatIf), out, err);
        }
    }
}
