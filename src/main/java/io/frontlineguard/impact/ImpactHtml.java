package io.frontlineguard.impact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The report as one self-contained HTML file, to attach to a review or open from CI: no script,
 * no font or stylesheet fetched, the chart an inline SVG (decisions per change kind, against all
 * replayed). Every value from the log or the rules is escaped.
 */
public final class ImpactHtml {

    private static final int BAR_WIDTH = 420;
    private static final int ROW = 28;
    private static final int LABEL = 230;

    private ImpactHtml() {
    }

    public static String write(ImpactReport r) {
        ImpactSummary s = r.summary();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Impact of ")
                .append(esc(r.candidate())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}")
                .append("table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;")
                .append("text-align:left;vertical-align:top}code,pre{font-family:ui-monospace,monospace;font-size:.85rem}")
                .append("pre{margin:0;white-space:pre-wrap}.n{text-align:right}h2{margin-top:2rem}")
                .append("</style></head><body>\n");
        h.append("<h1>Impact of <code>").append(esc(r.candidate())).append("</code> on logged decisions</h1>\n");
        h.append("<p>Candidate: ").append(r.candidateRules()).append(" rules, <code>").append(esc(r.candidateVersion()))
                .append("</code>. Log: ").append(esc(String.join(", ", r.logs()))).append(". Decisions since ")
                .append(time(r.since().toString(), null)).append(".</p>\n");
        h.append("<p><strong>").append(s.replayed()).append(" decisions replayed, ").append(s.changed())
                .append(" changed.</strong> Not replayed: ").append(s.beforePeriod()).append(" before the period, ")
                .append(s.timedOut()).append(" timed out, ").append(s.whatIf()).append(" what-if (?record=false), ")
                .append(s.skipped()).append(" unreadable lines.</p>\n");
        verification(r.verification(), h);
        chart(s, h);
        s.kinds().forEach((kind, k) -> {
            h.append("<h2>").append(esc(kind.label())).append(": ").append(k.decisions()).append("</h2>\n");
            counts("Departments", k.departments(), h);
            counts("Rules", k.rules(), h);
            counts("Lessons", k.lessons(), h);
            h.append("<table><tr><th>decision</th><th>before</th><th>changes</th></tr>\n");
            for (ImpactSummary.Example e : k.examples()) {
                h.append("<tr><td><code>").append(esc(e.decisionId())).append("</code><br>incident ")
                        .append(esc(e.incidentId())).append("<br>case ").append(esc(e.caseId())).append("<br>caller <code>")
                        .append(esc(e.callerId())).append("</code><br>").append(esc(e.department())).append("<br>")
                        .append(time(e.time(), e.occurredAt())).append("<br><code>").append(esc(e.where())).append("</code></td><td><pre>")
                        .append(esc(String.join("\n", e.before()))).append("</pre></td><td><pre>")
                        .append(esc(String.join("\n", e.changes()))).append("</pre></td></tr>\n");
            }
            h.append("</table>\n");
        });
        return h.append("</body></html>\n").toString();
    }

    private static void verification(CandidateVerification v, StringBuilder h) {
        if (v == null) {
            return;
        }
        String summary = v.summary();
        h.append("<p class=\"verification\"><strong>").append(esc(Character.toUpperCase(summary.charAt(0)) + summary.substring(1)))
                .append(v.ready() ? ".</strong> A replica would put it in force.</p>\n"
                        : ".</strong> A replica would refuse this folder.</p>\n");
        if (!v.problems().isEmpty()) {
            h.append("<pre>").append(esc(String.join("\n", v.problems()))).append("</pre>\n");
        }
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * A time as the console shows it: at the incident's own offset ({@code occurredAt}'s), to the
     * minute; a time with no incident (the period's start) at UTC, saying so.
     */
    static String time(String instant, String occurredAt) {
        if (instant == null) {
            return "-";
        }
        Instant at;
        try {
            at = Instant.parse(instant);
        } catch (DateTimeParseException e) {
            return esc(instant);
        }
        ZoneOffset offset = null;
        if (occurredAt != null) {
            try {
                offset = OffsetDateTime.parse(occurredAt).getOffset();
            } catch (DateTimeParseException e) {
                offset = null;
            }
        }
        String text = offset == null ? MINUTE.format(at.atOffset(ZoneOffset.UTC)) + " UTC" : MINUTE.format(at.atOffset(offset));
        return "<time datetime=\"" + esc(instant) + "\">" + text + "</time>";
    }

    /** One bar per change kind, its length the share of replayed decisions (all of them = full width). */
    private static void chart(ImpactSummary s, StringBuilder h) {
        int rows = s.kinds().size() + 1;
        int height = rows * ROW + 10;
        long all = Math.max(1, s.replayed());
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(LABEL + BAR_WIDTH + 90)
                .append("\" height=\"").append(height).append("\" aria-label=\"changed decisions per kind\">\n");
        int y = 5;
        bar("replayed", s.replayed(), all, "#9aa5b1", y, h);
        for (Map.Entry<ChangeKind, ImpactSummary.Kind> e : s.kinds().entrySet()) {
            y += ROW;
            bar(e.getKey().label(), e.getValue().decisions(), all, "#c2410c", y, h);
        }
        h.append("</svg>\n");
    }

    private static void bar(String label, long n, long all, String colour, int y, StringBuilder h) {
        long width = n == 0 ? 0 : Math.max(2, Math.round((double) BAR_WIDTH * n / all));
        h.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"13\">").append(esc(label)).append("</text>")
                .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(width)
                .append("\" height=\"").append(ROW - 8).append("\" fill=\"").append(colour).append("\"/>")
                .append("<text x=\"").append(LABEL + width + 6).append("\" y=\"").append(y + 16)
                .append("\" font-size=\"13\">").append(n).append("</text>\n");
    }

    private static void counts(String title, Map<String, Integer> counts, StringBuilder h) {
        h.append("<p>").append(title).append(": ").append(esc(ImpactText.counts(counts))).append("</p>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
