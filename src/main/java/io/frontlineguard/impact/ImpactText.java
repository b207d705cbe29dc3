package io.frontlineguard.impact;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/** The report for people at a terminal: totals first, then each change kind with its examples. */
public final class ImpactText {

    private ImpactText() {
    }

    public static void print(ImpactReport r, PrintStream out) {
        ImpactSummary s = r.summary();
        out.println("candidate: " + r.candidate() + " (" + r.candidateRules() + " rules, " + r.candidateVersion() + ")");
        out.println("log: " + String.join(", ", r.logs()));
        out.println("period: decisions since " + r.since() + " (--since " + r.sinceAsGiven() + ")");
        for (ImpactSummary.Skipped skip : s.skips()) {
            out.println(skip.where() + ": skipped, " + skip.reason());
        }
        if (s.skipped() > s.skips().size()) {
            out.println("... and " + (s.skipped() - s.skips().size()) + " more skipped lines");
        }
        out.println(s.replayed() + " decisions replayed, " + s.changed() + " changed" + notReplayed(s));
        s.kinds().forEach((kind, k) -> {
            out.println();
            out.println(kind.label() + ": " + k.decisions() + (k.decisions() == 1 ? " decision" : " decisions"));
            out.println("  departments: " + counts(k.departments()));
            out.println("  rules: " + counts(k.rules()));
            out.println("  lessons: " + counts(k.lessons()));
            for (ImpactSummary.Example e : k.examples()) {
                out.println("  " + e.where() + ": decision " + e.decisionId() + ", incident " + orNone(e.incidentId())
                        + ", case " + orNone(e.caseId()) + ", caller " + orNone(e.callerId()) + ", " + orNone(e.department())
                        + ", " + e.time() + ", decided by " + e.rulesetVersion());
                e.changes().forEach(c -> out.println("      " + c));
            }
        });
    }

    private static String notReplayed(ImpactSummary s) {
        StringBuilder b = new StringBuilder();
        if (s.beforePeriod() > 0) {
            b.append("; ").append(s.beforePeriod()).append(" before the period");
        }
        if (s.timedOut() > 0) {
            b.append("; ").append(s.timedOut()).append(" timed out (nothing decided, not compared)");
        }
        if (s.skipped() > 0) {
            b.append("; ").append(s.skipped()).append(" unreadable lines skipped");
        }
        return b.toString();
    }

    /** {@code sales 3, call-center 1}: the largest first, then by name. */
    static String counts(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "(none)";
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String orNone(String s) {
        return s == null ? "-" : s;
    }
}
