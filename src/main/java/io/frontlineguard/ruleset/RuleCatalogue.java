package io.frontlineguard.ruleset;

import io.frontlineguard.decision.RuleInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Reads each compiled rule's metadata into a {@link RuleInfo}: its lessons ({@code @lesson}) and
 * its reasons ({@code @en}, {@code @ja}). Explanations live in the rules, never in Java.
 */
final class RuleCatalogue {

    static final List<String> LANGUAGES = List.of("en", "ja");
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern EMIT_CALL = Pattern.compile("\\bactions\\s*\\.\\s*emit\\s*\\(\\s*\"");

    private RuleCatalogue() {
    }

    static Map<String, RuleInfo> read(KieBase kieBase, RuleSources sources, List<RuleProblem> problems) {
        Map<String, Location> where = locate(sources, problems);
        Map<String, RuleInfo> rules = new TreeMap<>();
        for (Rule rule : RuleSetCompiler.rulesOf(kieBase)) {
            Location at = where.getOrDefault(rule.getName(), new Location("?", 0, List.of()));
            Map<String, Object> meta = rule.getMetaData();
            List<String> lessons = split(text(meta.get("lesson")));
            if (lessons.isEmpty()) {
                problems.add(RuleProblem.error(at.file(), at.line(), 1,
                        "rule \"" + rule.getName() + "\" names no lesson: add @lesson(\"L…\")"));
            }
            Map<String, String> reasons = new TreeMap<>();
            for (String lang : LANGUAGES) {
                String reason = text(meta.get(lang));
                if (reason.isEmpty()) {
                    problems.add(RuleProblem.error(at.file(), at.line(), 1,
                            "rule \"" + rule.getName() + "\" has no reason in '" + lang + "': add @" + lang + "(\"…\")"));
                } else {
                    reasons.put(lang, reason);
                }
            }
            rules.put(rule.getName(), new RuleInfo(rule.getName(), at.file(), at.line(), lessons, Map.copyOf(reasons), at.emits()));
        }
        return RuleSetCompiler.ordered(rules);
    }

    private record Location(String file, int line, List<String> emits) {
    }

    /** Rule names are the catalogue's keys, so the same name twice, even in two files, is an error. */
    private static Map<String, Location> locate(RuleSources sources, List<RuleProblem> problems) {
        Map<String, Location> where = new TreeMap<>();
        sources.drl().forEach((file, text) -> {
            DrlText drl = new DrlText(text);
            Matcher m = RULE_HEADER.matcher(text);
            List<Integer> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                starts.add(m.start());
                names.add(m.group(1));
            }
            for (int i = 0; i < starts.size(); i++) {
                int start = starts.get(i);
                int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
                String name = names.get(i);
                int line = drl.line(text.indexOf('"', start));
                Location previous = where.put(name, new Location(file, line, emits(drl, start, end)));
                if (previous != null) {
                    problems.add(RuleProblem.error(file, line, 1, "rule \"" + name
                            + "\" is already defined at " + previous.file() + ":" + previous.line()));
                }
            }
        });
        return where;
    }

    /**
     * The action codes a rule's text emits, in order of first appearance. Calls are found in the
     * masked source (so a commented-out emit does not count) and the code is read from the original
     * at the same position, since masking blanks string contents but keeps their quotes.
     */
    private static List<String> emits(DrlText drl, int from, int to) {
        List<String> codes = new ArrayList<>();
        Matcher call = EMIT_CALL.matcher(drl.code()).region(from, to);
        while (call.find()) {
            int open = call.end();
            int close = drl.original().indexOf('"', open);
            if (close > open) {
                String code = drl.original().substring(open, close);
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        return List.copyOf(codes);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString().strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<String> split(String lessons) {
        List<String> out = new ArrayList<>();
        Arrays.stream(lessons.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
