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
        verification(r, out);
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

    /** Right under the impact, so "37 changed" and "fails 2 scenarios" are read together. */
    private static void verification(ImpactReport r, PrintStream out) {
        CandidateVerification v = r.verification();
        if (v == null) {
            return;
        }
        if (v.ready()) {
            out.println("verification: " + v.summary() + "; a replica would put it in force");
            return;
        }
        out.println("verification: " + v.summary() + "; a replica would refuse this folder (./guard test " + r.candidate()
                + " for the details)");
        v.problems().stream().limit(LISTED_PROBLEMS).forEach(p -> out.println("  " + p));
        if (v.problems().size() > LISTED_PROBLEMS) {
            out.println("  ... and " + (v.problems().size() - LISTED_PROBLEMS) + " more");
        }
    }

    /** As many of the verification's problems as a terminal shows above the impact's details. */
    static final int LISTED_PROBLEMS = 10;

    private static String notReplayed(ImpactSummary s) {
        StringBuilder b = new StringBuilder();
        if (s.whatIf() > 0) {
            b.append("; ").append(s.whatIf()).append(" what-if decisions (?record=false) skipped, --include-what-if replays them");
        }
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
