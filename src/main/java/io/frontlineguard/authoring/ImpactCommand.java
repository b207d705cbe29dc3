package io.frontlineguard.authoring;

import io.frontlineguard.impact.CandidateVerification;
import io.frontlineguard.impact.ImpactHtml;
import io.frontlineguard.impact.ImpactJson;
import io.frontlineguard.impact.ImpactReport;
import io.frontlineguard.impact.ImpactSummary;
import io.frontlineguard.impact.ImpactText;
import io.frontlineguard.impact.LogFiles;
import io.frontlineguard.impact.LogReplay;
import io.frontlineguard.impact.Period;
import io.frontlineguard.impact.ReportNames;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.verification.Readiness;
import io.frontlineguard.verification.VerifiedRules;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code impact <candidate-rules> [--since 30d] [--log files]}: "what would my change have done to
 * the decisions actually made?". Every logged decision of the period is decided again under the
 * candidate from the facts it logged (memory's recollection included) and compared with what was
 * decided; see {@link LogReplay}. Beside the impact, the candidate's verdict by the verification
 * {@code guard test} applies. Exit codes as {@code diff}: 0 nothing changed, 1 at least one
 * decision changed, 2 wrong usage, a missing folder or log, rules that do not compile.
 */
final class ImpactCommand {

    /** What the command was asked; {@code logs} empty means the service's default log and its rotations. */
    record Request(String candidate, String since, List<String> logs, String json, String html, int examples,
                   int threads, boolean includeWhatIf) {
    }

    private final Clock clock;

    ImpactCommand(Clock clock) {
        this.clock = clock;
    }

    int run(Request q, PrintStream out, PrintStream err) {
        RulesFolder folder = RulesFolder.of(q.candidate());
        if (!folder.exists()) {
            err.println(folder.given() + ": no such rules folder");
            return AuthorCommands.USAGE;
        }
        if (q.examples() < 0) {
            // As the API refuses it (OUT_OF_RANGE): a negative count is a typo, not "none".
            err.println("--examples: out of range: must be 0 or more, got " + q.examples());
            return AuthorCommands.USAGE;
        }
        Instant since;
        try {
            since = Period.since(q.since(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return AuthorCommands.USAGE;
        }
        List<LogReplay.LogFile> logs = logs(q.logs(), err);
        if (logs == null) {
            return AuthorCommands.USAGE;
        }
        // The one verification guard test applies; its compiled rules are the ones replayed.
        VerifiedRules verifier = new VerifiedRules(clock);
        Readiness.Verdict verdict = verifier.verdict(folder.path());
        RuleSet candidate;
        try {
            // Rules that compile beside a scenario file that does not read: the impact is still told.
            candidate = verdict.tested() != null ? verdict.tested().rules() : verifier.compile(folder.path());
        } catch (RuleSetException e) {
            e.problems().stream().map(folder::format).forEach(err::println);
            err.println(folder.given() + ": the rules do not compile; for every problem at once run: ./guard check "
                    + folder.given());
            return AuthorCommands.USAGE;
        }
        ImpactSummary summary;
        try {
            summary = new LogReplay(candidate, since, q.threads(), q.examples(), 0, q.includeWhatIf()).replay(logs);
        } catch (IOException e) {
            err.println("cannot read the decision log: " + e.getMessage());
            return AuthorCommands.USAGE;
        }
        ImpactReport report = new ImpactReport(folder.given(), candidate.version(), candidate.rules().size(),
                logs.stream().map(LogReplay.LogFile::name).toList(), q.since(), since, summary,
                ReportNames.of(candidate.rules().values(), List.of(), LessonCatalogue.read(FolderSnapshot.read(folder.path()))),
                CandidateVerification.of(verdict, folder::format));
        if (!"-".equals(q.json())) {
            ImpactText.print(report, out);
        }
        try {
            if (q.json() != null) {
                write(q.json(), ImpactJson.write(report), out);
            }
            if (q.html() != null) {
                write(q.html(), ImpactHtml.write(report), out);
            }
        } catch (IOException e) {
            err.println("cannot write the report: " + e.getMessage());
            return AuthorCommands.USAGE;
        }
        return report.exitCode();
    }

    private static void write(String target, String text, PrintStream out) throws IOException {
        if ("-".equals(target)) {
            out.print(text);
            out.println();
            return;
        }
        Path file = Path.of(target);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * The files named, or else the service's log ({@code GUARD_DECISION_LOG_PATH}, default
     * {@code decisions.jsonl}) with its rotated files, oldest first, so entries come in time order.
     */
    private static List<LogReplay.LogFile> logs(List<String> named, PrintStream err) {
        List<LogReplay.LogFile> files = new ArrayList<>();
        if (named != null && !named.isEmpty()) {
            for (String n : named) {
                if (!Files.isRegularFile(Path.of(n))) {
                    err.println(n + ": no such decision log file");
                    return null;
                }
                files.add(new LogReplay.LogFile(Path.of(n), n));
            }
            return files;
        }
        String current = System.getenv().getOrDefault("GUARD_DECISION_LOG_PATH", "decisions.jsonl");
        try {
            files.addAll(LogFiles.of(Path.of(current), current));
        } catch (IOException e) {
            err.println(Path.of(current).toAbsolutePath().getParent() + ": cannot list the decision log's folder: " + e.getMessage());
            return null;
        }
        if (files.isEmpty()) {
            err.println(current + ": no decision log here; name the files with --log <file>[,<file>…]");
            return null;
        }
        return files;
    }
}
