package io.frontlineguard.rulemanagement;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.api.v1.FieldError;
import io.frontlineguard.api.v1.RuleError;
import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.decisionlog.DecisionLog;
import io.frontlineguard.impact.CandidateVerification;
import io.frontlineguard.impact.ImpactJson;
import io.frontlineguard.impact.ImpactReport;
import io.frontlineguard.impact.ImpactSummary;
import io.frontlineguard.impact.LogFiles;
import io.frontlineguard.impact.LogReplay;
import io.frontlineguard.impact.Period;
import io.frontlineguard.impact.ReportNames;
import io.frontlineguard.incident.ContractBodies;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.incident.ViolationCode;
import io.frontlineguard.ruleset.Activation;
import io.frontlineguard.ruleset.ActiveRules;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleProblem;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSetException;
import io.frontlineguard.verification.Readiness;
import io.frontlineguard.verification.VerifiedRules;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code /v1/admin/rules/impact}: {@code guard impact} for the console. The candidate is the folder
 * of the rules in force with the files a policy author or admin sent, linted and compiled exactly as the command
 * does (nothing of a file runs before its lint admits it); the log replayed is this server's own.
 * The replay calls the rule engine directly, as the command does, so it writes neither case memory
 * nor the decision log. Role author or admin, by its own permission (application.properties).
 */
@Path("/v1/admin/rules/impact")
@Produces(MediaType.APPLICATION_JSON)
public class ImpactResource {

    private static final Logger LOG = Logger.getLogger(ImpactResource.class);

    /** A replay is seconds of CPU: one at a time, refused rather than queued, as scenario runs are. */
    static final ReentrantLock ONE_RUN = new ReentrantLock();
    static final String DEFAULT_SINCE = "30d";
    static final int DEFAULT_EXAMPLES = 3;
    static final int MAX_EXAMPLES = 10;
    static final int MAX_FILES = 64;
    /**
     * A plain file name of the rules folder: no folder part (the page sends a chosen file's name, and
     * nothing else may be written where it is not looked for), no {@code ..}, not hidden, and of a kind
     * the rules folder reads: rules (.drl) or thresholds, lessons and scenarios (.yaml).
     */
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}\\.(drl|yaml)");

    private final ActiveRules active;
    private final GuardConfig config;
    private final DecisionLog log;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();
    private final int maxDecisions;
    private final int threads;

    ImpactResource(ActiveRules active, GuardConfig config, DecisionLog log, SecurityIdentity identity) {
        this.active = active;
        this.config = config;
        this.log = log;
        this.identity = identity;
        this.maxDecisions = Math.max(1, config.impact().maxDecisions());
        this.threads = Math.max(1, config.impact().threads());
    }

    public record Settings(String since, int maxDecisions, int maxExamples, List<String> logs, boolean running) {
    }

    @GET
    public Settings settings() {
        adminEnabled();
        List<String> names = new ArrayList<>();
        if (log.enabled() && log.file().isPresent()) {
            logFiles().forEach(f -> names.add(f.name()));
        }
        return new Settings(DEFAULT_SINCE, maxDecisions, MAX_EXAMPLES, names, ONE_RUN.isLocked());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replay(byte[] body) {
        adminEnabled();
        JsonNode request = valid(body);
        String sinceText = request.path("since").asText(DEFAULT_SINCE);
        Instant since = since(sinceText);
        Map<String, String> files = files(request.path("files"));
        Activation now = active.activation();
        if (now == null || now.folder() == null) {
            throw new ProblemException(ErrorCode.RULES_UNAVAILABLE, "no rules verified from a folder are in force yet;"
                    + " the candidate is built on them");
        }
        Set<String> removed = removed(request.path("remove"), now.folder());
        if (!log.enabled() || log.file().isEmpty()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, log.enabled()
                    ? "this server writes the decision log to standard output (guard.decision-log.target=stdout): run"
                    + " guard impact --log on files of the log pipeline instead"
                    : "the decision log is off on this server: there is nothing to replay");
        }
        if (!ONE_RUN.tryLock()) {
            throw new ProblemException(ErrorCode.IMPACT_RUN_BUSY, "an impact replay is under way on this instance;"
                    + " try again when it ends");
        }
        try {
            return Response.ok(ImpactJson.write(run(now, files, removed, sinceText, since,
                    request.path("examples").asInt(DEFAULT_EXAMPLES), request.path("includeWhatIf").asBoolean(false)))).build();
        } finally {
            ONE_RUN.unlock();
        }
    }

    private ImpactReport run(Activation now, Map<String, String> files, Set<String> removed, String sinceText,
                             Instant since, int examples, boolean includeWhatIf) {
        long start = System.nanoTime();
        FolderSnapshot candidate = now.folder().with(files, removed);
        // The one verification guard test and every reload apply; its compiled rules are the ones replayed.
        VerifiedRules verifier = new VerifiedRules(clock);
        Readiness.Verdict verdict = verifier.verdict(candidate);
        RuleSet rules;
        try {
            rules = verdict.tested() != null ? verdict.tested().rules() : verifier.compile(candidate);
        } catch (RuleSetException e) {
            throw new ProblemException(ErrorCode.RULES_REJECTED, e.problems().size() + " problem(s) in the candidate;"
                    + " nothing of it ran", e.problems().stream().map(RuleError::of).toList());
        }
        awaitLog();
        List<LogReplay.LogFile> logs = logFiles();
        ImpactSummary summary;
        try {
            summary = new LogReplay(rules, since, threads, examples, maxDecisions, includeWhatIf)
                    .replay(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the decision log", e);
        }
        LOG.infof("impact replay by %s: %d decisions replayed, %d changed, in %d ms", identity.getPrincipal().getName(),
                summary.replayed(), summary.changed(), Duration.ofNanos(System.nanoTime() - start).toMillis());
        return new ImpactReport(describe(now, files.keySet(), removed), rules.version(), rules.rules().size(),
                logs.stream().map(LogReplay.LogFile::name).toList(), sinceText, since, summary,
                ReportNames.of(rules.rules().values(), now.rules().rules().values(), LessonCatalogue.read(candidate)),
                CandidateVerification.of(verdict, RuleProblem::toString));
    }

    /** Every decision accepted before the request is in the file before it is read; the wait writes nothing itself. */
    private void awaitLog() {
        try {
            if (!log.flush(Duration.ofSeconds(5))) {
                LOG.warn("impact replay: the decision log writer is behind; the latest decisions may be missing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The files by name only: the server's folders are no business of the page. */
    private List<LogReplay.LogFile> logFiles() {
        java.nio.file.Path current = log.file().orElseThrow();
        try {
            return LogFiles.of(current, current.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the decision log's folder", e);
        }
    }

    private static String describe(Activation now, Set<String> changed, Set<String> removed) {
        StringBuilder d = new StringBuilder("rules in force ").append(now.rules().version());
        if (!changed.isEmpty()) {
            d.append(" with ").append(String.join(", ", changed));
        }
        if (!removed.isEmpty()) {
            d.append(" without ").append(String.join(", ", removed));
        }
        return d.toString();
    }

    private void adminEnabled() {
        if (!config.admin().enabled()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "admin endpoints are off (guard.admin.enabled=false)");
        }
    }

    private static JsonNode valid(byte[] body) {
        try {
            return ContractBodies.validated(body, "ImpactRequest");
        } catch (InvalidIncidentException e) {
            throw invalid(e.violations().size() + " problem(s) in the request; see errors", FieldError.of(e.violations()));
        }
    }

    private Instant since(String text) {
        try {
            return Period.since(text, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        } catch (IllegalArgumentException e) {
            String message = "give a length such as 30d, 12h or 2w, a date such as 2026-11-01 (UTC) or an instant such as"
                    + " 2026-11-01T09:00:00Z";
            throw invalid("since: " + message, List.of(new FieldError("since", "INVALID_DATE_TIME", message, List.of())));
        }
    }

    private static Map<String, String> files(JsonNode files) {
        Map<String, String> out = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        if (files.size() > MAX_FILES) {
            errors.add(new FieldError("files", "OUT_OF_RANGE", "must have at most " + MAX_FILES + " files, got " + files.size(), List.of()));
        }
        files.fields().forEachRemaining(f -> {
            if (FILE.matcher(f.getKey()).matches()) {
                out.put(f.getKey(), f.getValue().textValue());
            } else {
                errors.add(fileName("files." + f.getKey()));
            }
        });
        if (!errors.isEmpty()) {
            throw invalid(errors.size() + " problem(s) in the request; see errors", errors);
        }
        return out;
    }

    private static Set<String> removed(JsonNode remove, FolderSnapshot inForce) {
        Set<String> out = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < remove.size(); i++) {
            String name = remove.get(i).asText();
            if (!FILE.matcher(name).matches()) {
                errors.add(fileName("remove[" + i + "]"));
            } else if (!inForce.has(name)) {
                errors.add(new FieldError("remove[" + i + "]", ViolationCode.UNKNOWN_FILE.name(),
                        "is not a file of the rules in force", inForce.names().stream().filter(n -> FILE.matcher(n).matches()).toList()));
            } else {
                out.add(name);
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors.size() + " problem(s) in the request; see errors", errors);
        }
        return out;
    }

    private static FieldError fileName(String path) {
        return new FieldError(path, ViolationCode.INVALID_FILE_NAME.name(), "is not a rules file name: a plain file name"
                + " (no folder, not starting with a dot) ending with .drl or .yaml, such as answers.drl", List.of());
    }

    private static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(ErrorCode.INVALID_REQUEST, detail, errors);
    }
}
