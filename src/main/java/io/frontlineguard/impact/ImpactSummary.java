package io.frontlineguard.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a replay found, added up: how many entries were read, replayed, changed, and per change
 * kind the decisions, departments, rules and lessons involved with a few examples. Parts of one
 * log are summed separately and merged in log order, so the examples are the first ones in the log
 * whatever the number of threads.
 */
public final class ImpactSummary {

    /**
     * One changed decision as an example, every id as the log wrote it (personal ids as pseudonyms).
     * {@code before}, {@code after} and {@code changes} are lines as guard impact prints them; the
     * same as data follow ({@code occurredAt}, the incident's own time with its offset, so a reader
     * can show the decision's time as the incident's clock showed it; the actions; the changes), for
     * readers who put them in their own words and language (the console).
     */
    public record Example(String where, String decisionId, String time, String incidentId, String caseId,
                          String department, String callerId, String rulesetVersion, List<String> before,
                          List<String> after, List<String> changes, String occurredAt, List<ActionData> beforeActions,
                          List<ActionData> afterActions, List<ChangeData> changeDetails) {
    }

    /** An action as data: its code and its params as the JSON object the API answers with. */
    public record ActionData(String code, JsonNode params) {
    }

    /**
     * One change as data. For an action kind: {@code code}, and its params before and after, one
     * object per action of that code (none on the side it is missing from). For an answer:
     * {@code field} and its values before and after (none for no value). For a decision the
     * candidate failed on: {@code error}. {@code rules}: the rules involved.
     */
    public record ChangeData(ChangeKind kind, @JsonInclude(JsonInclude.Include.NON_NULL) String code,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String field, List<JsonNode> before,
                             List<JsonNode> after, List<String> rules,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    /** One change kind: the decisions showing it and what they have in common. */
    public static final class Kind {
        private int decisions;
        private final Map<String, Integer> departments = new TreeMap<>();
        private final Map<String, Integer> rules = new TreeMap<>();
        private final Map<String, Integer> lessons = new TreeMap<>();
        private final List<Example> examples = new ArrayList<>();

        public int decisions() {
            return decisions;
        }

        /** Department → changed decisions of this kind; an incident without one counts under "(none)". */
        public Map<String, Integer> departments() {
            return departments;
        }

        /** Rule name → decisions of this kind it is involved in. */
        public Map<String, Integer> rules() {
            return rules;
        }

        /** Lesson id → decisions of this kind; read from the candidate's rules, so a deleted rule brings none. */
        public Map<String, Integer> lessons() {
            return lessons;
        }

        public List<Example> examples() {
            return examples;
        }

        private void merge(Kind o, int maxExamples) {
            decisions += o.decisions;
            o.departments.forEach((k, v) -> departments.merge(k, v, Integer::sum));
            o.rules.forEach((k, v) -> rules.merge(k, v, Integer::sum));
            o.lessons.forEach((k, v) -> lessons.merge(k, v, Integer::sum));
            for (Example e : o.examples) {
                if (examples.size() < maxExamples) {
                    examples.add(e);
                }
            }
        }
    }

    /** A line that could not be replayed: where, and why. */
    public record Skipped(String where, String reason) {
    }

    static final int LISTED_SKIPS = 10;

    private final int maxExamples;
    private long lines;
    private long beforePeriod;
    private long timedOut;
    private long whatIf;
    private long replayed;
    private long changed;
    private long skipped;
    private final List<Skipped> skips = new ArrayList<>();
    private long limit;
    private boolean limitReached;
    private java.time.Instant until;
    private final Map<ChangeKind, Kind> kinds = new EnumMap<>(ChangeKind.class);

    ImpactSummary(int maxExamples) {
        this.maxExamples = maxExamples;
    }

    void countLine() {
        lines++;
    }

    void countBeforePeriod() {
        beforePeriod++;
    }

    void countTimedOut() {
        timedOut++;
    }

    void countWhatIf() {
        whatIf++;
    }

    void skipped(String where, String reason) {
        skipped++;
        if (skips.size() < LISTED_SKIPS) {
            skips.add(new Skipped(where, reason));
        }
    }

    void replayed(String where, LoggedDecision d, DecisionChange change, Function<String, List<String>> lessonsOf) {
        replayed++;
        if (!change.changed()) {
            return;
        }
        changed++;
        String department = d.department() == null ? "(none)" : d.department();
        change.lines().keySet().forEach(kind -> {
            Kind k = kinds.computeIfAbsent(kind, x -> new Kind());
            k.decisions++;
            k.departments.merge(department, 1, Integer::sum);
            List<String> rules = change.rules().getOrDefault(kind, List.of());
            rules.forEach(r -> k.rules.merge(r, 1, Integer::sum));
            rules.stream().flatMap(r -> lessonsOf.apply(r).stream()).distinct()
                    .forEach(l -> k.lessons.merge(l, 1, Integer::sum));
            if (k.examples.size() < maxExamples) {
                k.examples.add(example(where, d, change));
            }
        });
    }

    /** Built only for the few decisions shown, so the data costs nothing for the others. */
    private static Example example(String where, LoggedDecision d, DecisionChange change) {
        return new Example(where, d.decisionId(), d.time().toString(), d.incidentId(), d.caseId(), d.department(),
                d.callerId(), d.rulesetVersion(), change.before(), change.after(), change.allLines(), d.occurredAt(),
                actions(change.beforeActions()), actions(change.afterActions()),
                change.details().stream().map(ImpactSummary::data).toList());
    }

    private static List<ActionData> actions(List<LoggedDecision.DecidedAction> actions) {
        return actions.stream().map(a -> new ActionData(a.code(), Canonical.tree(a.params()))).toList();
    }

    private static ChangeData data(DecisionChange.Detail c) {
        boolean action = c.code() != null;
        Function<String, JsonNode> value = action ? Canonical::tree : TextNode::valueOf;
        return new ChangeData(c.kind(), c.code(), c.field(), c.before().stream().map(value).toList(),
                c.after().stream().map(value).toList(), c.rules().stream().distinct().toList(), c.error());
    }

    /** Adds a later part of the log: its examples come after this one's. */
    void merge(ImpactSummary later) {
        lines += later.lines;
        beforePeriod += later.beforePeriod;
        timedOut += later.timedOut;
        whatIf += later.whatIf;
        replayed += later.replayed;
        changed += later.changed;
        skipped += later.skipped;
        for (Skipped s : later.skips) {
            if (skips.size() < LISTED_SKIPS) {
                skips.add(s);
            }
        }
        later.kinds.forEach((kind, k) -> kinds.computeIfAbsent(kind, x -> new Kind()).merge(k, maxExamples));
    }

    void limitReached(long max, java.time.Instant lastReplayed) {
        limit = max;
        limitReached = true;
        until = lastReplayed;
    }

    void limitNotReached(long max) {
        limit = max;
    }

    /** The cap on replayed decisions this replay had; 0 for none (the command line's). */
    public long limit() {
        return limit;
    }

    /** Whether entries of the period were left unread because the cap was reached. */
    public boolean isLimitReached() {
        return limitReached;
    }

    /** With the cap reached, the time of the last entry replayed: the period ended there. */
    public java.time.Instant until() {
        return until;
    }

    /** Non-empty lines read from the log files. */
    public long lines() {
        return lines;
    }

    /** Entries decided before the period began: read, not replayed. */
    public long beforePeriod() {
        return beforePeriod;
    }

    /** Entries of decisions that missed their deadline: nothing was decided, so nothing to compare. */
    public long timedOut() {
        return timedOut;
    }

    /**
     * Entries of what-if decisions ({@code ?record=false}) left out: asked, never acted on, so not
     * what was decided. 0 when the replay was told to include them.
     */
    public long whatIf() {
        return whatIf;
    }

    public long replayed() {
        return replayed;
    }

    /** Replayed decisions with at least one change of any kind. */
    public long changed() {
        return changed;
    }

    /** Lines that are not readable decision log entries. */
    public long skipped() {
        return skipped;
    }

    /** The first {@value #LISTED_SKIPS} skipped lines. */
    public List<Skipped> skips() {
        return skips;
    }

    /** The kinds found, in {@link ChangeKind} order. */
    public Map<ChangeKind, Kind> kinds() {
        return kinds;
    }
}
