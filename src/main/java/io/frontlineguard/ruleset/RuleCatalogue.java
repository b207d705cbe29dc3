package io.frontlineguard.ruleset;

import io.frontlineguard.ruleset.RuleInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Reads each compiled rule's metadata into a {@link RuleInfo}: its lessons ({@code @lesson}) and
 * its reasons ({@code @en}, {@code @ja}) and its Japanese name ({@code @ja_name}, optional), with the
 * position and emitted codes the lint found.
 * The lint has already required all three annotations. Explanations live in the rules, never in Java.
 */
final class RuleCatalogue {

    static final List<String> LANGUAGES = List.of("en", "ja");

    private RuleCatalogue() {
    }

    static Map<String, RuleInfo> read(KieBase kieBase, ParsedRules parsed, List<RuleProblem> problems) {
        Map<String, RuleInfo> rules = new TreeMap<>();
        for (Rule rule : RuleSetCompiler.rulesOf(kieBase)) {
            ParsedRules.RuleText at = parsed.rules().get(rule.getName());
            if (at == null) {
                problems.add(RuleProblem.error("?", 0, 0, "rule \"" + rule.getName() + "\" was compiled but not linted"));
                continue;
            }
            Map<String, Object> meta = rule.getMetaData();
            List<String> lessons = split(text(meta.get("lesson")));
            Map<String, String> reasons = new TreeMap<>();
            for (String lang : LANGUAGES) {
                reasons.put(lang, text(meta.get(lang)));
            }
            String japaneseName = text(meta.get("ja_name"));
            rules.put(rule.getName(), new RuleInfo(rule.getName(), at.file(), at.line(), lessons, Map.copyOf(reasons), at.emits(),
                    at.assesses(), japaneseName.isEmpty() ? null : japaneseName));
        }
        return RuleSetCompiler.ordered(rules);
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
