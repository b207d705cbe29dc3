package io.frontlineguard.impact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.decision.DecisionEngine;
import io.frontlineguard.decision.Resolution;
import io.frontlineguard.ruleset.RuleInfo;
import io.frontlineguard.ruleset.RuleSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Re-decides logged decisions under a candidate rule set. Each entry is decided from the facts it
 * logged, which already hold what case memory recalled at that moment, so the answer is the one
 * the candidate would have given then. Nothing here writes: the log files are only read, the
 * engine is called directly (no decision service, so no decision log and no listener), and case
 * memory is never consulted.
 *
 * <p>Lines are read on the calling thread and decided in batches on {@code threads} workers; at
 * most two batches per worker wait, so memory stays flat however long the log is.
 */
public final class LogReplay {

    private static final int BATCH = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuleSet candidate;
    private final Instant since;
    private final int threads;
    private final int maxExamples;
    private final long maxDecisions;
    private final boolean includeWhatIf;
    private final DecisionEngine engine = new DecisionEngine();

    /** A log file and how reports name it (as the user gave it). */
    public record LogFile(Path path, String name) {
    }

    public LogReplay(RuleSet candidate, Instant since, int threads, int maxExamples) {
        this(candidate, since, threads, maxExamples, 0);
    }

    /**
     * With {@code maxDecisions} above 0, at most that many entries of the period are replayed: the
     * first ones, in log order. The service sets it, so that one replay's cost has a bound.
     */
    public LogReplay(RuleSet candidate, Instant since, int threads, int maxExamples, long maxDecisions) {
        this(candidate, since, threads, maxExamples, maxDecisions, false);
    }

    /**
     * {@code includeWhatIf}: replay what-if decisions ({@code ?record=false}) too; by default they
     * are counted and left out, since nobody acted on them.
     */
    public LogReplay(RuleSet candidate, Instant since, int threads, int maxExamples, long maxDecisions,
                     boolean includeWhatIf) {
        this.includeWhatIf = includeWhatIf;
        this.candidate = candidate;
        this.since = since;
        this.threads = Math.max(1, threads);
        this.maxExamples = Math.max(0, maxExamples);
        this.maxDecisions = Math.max(0, maxDecisions);
    }

    private record Line(String where, String text) {
    }

    public ImpactSummary replay(List<LogFile> files) throws IOException {
        ImpactSummary total = new ImpactSummary(maxExamples);
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "impact-replay");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<ImpactSummary>> pending = new ArrayDeque<>();
        long inPeriod = 0;
        Instant last = null;
        try {
            reading:
            for (LogFile file : files) {
                try (BufferedReader in = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
                    List<Line> batch = new ArrayList<>(BATCH);
                    int number = 0;
                    for (String text = in.readLine(); text != null; text = in.readLine()) {
                        number++;
                        if (text.isBlank()) {
                            continue;
                        }
                        Instant time = maxDecisions > 0 ? probeTime(text) : null;
                        if (time != null && time.isBefore(since)) {
                            // Counted here rather than by a worker: with a cap, only the period's entries may use it up.
                            total.countLine();
                            total.countBeforePeriod();
                            continue;
                        }
                        if (maxDecisions > 0 && inPeriod == maxDecisions) {
                            total.limitReached(maxDecisions, last);
                            if (!batch.isEmpty()) {
                                submit(batch, workers, pending, total);
                            }
                            break reading;
                        }
                        inPeriod++;
                        last = time != null ? time : last;
                        batch.add(new Line(file.name() + ":" + number, text));
                        if (batch.size() == BATCH) {
                            submit(batch, workers, pending, total);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    if (!batch.isEmpty()) {
                        submit(batch, workers, pending, total);
                    }
                }
            }
            if (maxDecisions > 0 && total.limit() == 0) {
                total.limitNotReached(maxDecisions);
            }
            while (!pending.isEmpty()) {
                total.merge(await(pending.removeFirst()));
            }
            return total;
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * The entry's time without parsing the rest: the log writes {@code decisionId} then {@code time}
     * first. Null when it is not found there; the worker then reads the entry in full.
     */
    static Instant probeTime(String text) {
        int key = text.indexOf("\"time\":\"");
        if (key < 0 || key > 200) {
            return null;
        }
        int start = key + 8;
        int end = text.indexOf('"', start);
        if (end < 0 || end - start > 40) {
            return null;
        }
        try {
            return Instant.parse(text.substring(start, end));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void submit(List<Line> batch, ExecutorService workers, Deque<Future<ImpactSummary>> pending,
                        ImpactSummary total) throws IOException {
        pending.addLast(workers.submit(() -> decide(batch)));
        // In order: the examples are the log's first, whichever batch finished first.
        while (pending.size() > 2 * threads) {
            total.merge(await(pending.removeFirst()));
        }
    }

    private static ImpactSummary await(Future<ImpactSummary> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the replay was interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the replay failed: " + e.getCause(), e.getCause());
        }
    }

    private ImpactSummary decide(List<Line> batch) {
        ImpactSummary part = new ImpactSummary(maxExamples);
        for (Line line : batch) {
            part.countLine();
            LoggedDecision logged;
            try {
                JsonNode entry = JSON.readTree(line.text());
                if (LoggedDecision.timeOf(entry).isBefore(since)) {
                    part.countBeforePeriod();
                    continue;
                }
                if (!includeWhatIf && isWhatIf(entry)) {
                    part.countWhatIf();
                    continue;
                }
                logged = LoggedDecision.read(entry);
            } catch (IOException | RuntimeException e) {
                part.skipped(line.where(), reason(e));
                continue;
            }
            if (logged.timedOut()) {
                part.countTimedOut();
                continue;
            }
            part.replayed(line.where(), logged, decide(logged), this::lessonsOf);
        }
        return part;
    }

    /**
     * Marked {@code whatIf} by the log, or logged before the mark existed with memory
     * {@code WHAT_IF} (a what-if with memory; one without memory was not told apart then).
     */
    static boolean isWhatIf(JsonNode entry) {
        return entry.path("whatIf").asBoolean(false) || "WHAT_IF".equals(entry.path("memory").asText());
    }

    private DecisionChange decide(LoggedDecision logged) {
        Resolution r;
        try {
            r = engine.evaluate(candidate, logged.incident()).resolution();
        } catch (RuntimeException e) {
            return DecisionChange.failed(logged, String.valueOf(e.getMessage()));
        }
        return DecisionChange.of(logged, r.actions(), r.assessment());
    }

    private List<String> lessonsOf(String rule) {
        RuleInfo info = candidate.rules().get(rule);
        return info == null ? List.of() : info.lessons();
    }

    /** Why a line was skipped, in one line and without the line's content (it may hold ids). */
    private static String reason(Exception e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return "not valid JSON";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
