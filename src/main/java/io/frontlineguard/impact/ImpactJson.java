package io.frontlineguard.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report for CI and tools. Field names are stable; {@code changes} lists the kinds found, in
 * the kinds' order, and {@code exitCode} repeats what the command exits with.
 */
public final class ImpactJson {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ImpactJson() {
    }

    public static Map<String, Object> tree(ImpactReport r) {
        ImpactSummary s = r.summary();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("candidate", Map.of("dir", r.candidate(), "version", r.candidateVersion(), "rules", r.candidateRules()));
        root.put("logs", r.logs());
        root.put("since", r.since().toString());
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("lines", s.lines());
        totals.put("beforePeriod", s.beforePeriod());
        totals.put("timedOut", s.timedOut());
        totals.put("whatIf", s.whatIf());
        totals.put("skipped", s.skipped());
        totals.put("replayed", s.replayed());
        totals.put("changed", s.changed());
        root.put("totals", totals);
        if (r.verification() != null) {
            CandidateVerification v = r.verification();
            Map<String, Object> verification = new LinkedHashMap<>();
            verification.put("ready", v.ready());
            verification.put("reasons", v.reasons());
            Map<String, Object> scenarios = new LinkedHashMap<>();
            scenarios.put("run", v.scenarios());
            scenarios.put("failed", v.failedScenarios());
            verification.put("scenarios", scenarios);
            verification.put("problems", v.problems());
            verification.put("details", v.findings().stream().map(io.frontlineguard.api.v1.RuleProblemDetail::of).toList());
            root.put("verification", verification);
        }
        if (s.limit() > 0) {
            // Only a capped replay (the service's) has one; the command line's JSON stays as it was.
            Map<String, Object> limit = new LinkedHashMap<>();
            limit.put("decisions", s.limit());
            limit.put("reached", s.isLimitReached());
            if (s.until() != null) {
                limit.put("until", s.until().toString());
            }
            root.put("limit", limit);
        }
        List<Map<String, Object>> skips = new ArrayList<>();
        s.skips().forEach(k -> skips.add(Map.of("where", k.where(), "reason", k.reason())));
        root.put("skippedLines", skips);
        List<Map<String, Object>> changes = new ArrayList<>();
        s.kinds().forEach((kind, k) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("kind", kind.name());
            c.put("label", kind.label());
            c.put("decisions", k.decisions());
            c.put("departments", k.departments());
            c.put("rules", k.rules());
            c.put("lessons", k.lessons());
            c.put("examples", k.examples());
            changes.add(c);
        });
        root.put("changes", changes);
        // The names of what the changes cite, in people's words: the reader needs no other source.
        java.util.Set<String> rules = new java.util.TreeSet<>();
        java.util.Set<String> lessons = new java.util.TreeSet<>();
        s.kinds().values().forEach(k -> {
            rules.addAll(k.rules().keySet());
            lessons.addAll(k.lessons().keySet());
        });
        root.put("ruleNames", r.names().rulesIn(rules));
        root.put("lessonTexts", r.names().lessonsIn(lessons));
        root.put("exitCode", r.exitCode());
        return root;
    }

    public static String write(ImpactReport r) {
        try {
            return JSON.writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
