package io.frontlineguard.impact;

import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleInfo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the rules and lessons a report names are called in people's words: each rule's Japanese
 * name ({@code @ja_name}) and each lesson's text in English and Japanese. The report carries them
 * itself, so that whoever reads it (a policy author, who may not read the rule catalogue) sees the
 * same names as the rest of the console.
 */
public record ReportNames(Map<String, String> ruleJaNames, LessonCatalogue lessons) {

    public static final ReportNames NONE = new ReportNames(Map.of(), new LessonCatalogue(new TreeMap<>()));

    /**
     * The candidate's names first; a rule only the earlier rules had (the candidate removed it) is
     * named by those, where given.
     */
    public static ReportNames of(Collection<RuleInfo> candidate, Collection<RuleInfo> earlier, LessonCatalogue lessons) {
        Map<String, String> ja = new TreeMap<>();
        for (Collection<RuleInfo> rules : List.of(earlier, candidate)) {
            rules.stream().filter(r -> r.japaneseName() != null).forEach(r -> ja.put(r.name(), r.japaneseName()));
        }
        return new ReportNames(ja, lessons);
    }

    /** The Japanese names of these rules, of those that have one. */
    Map<String, String> rulesIn(Collection<String> rules) {
        Map<String, String> out = new TreeMap<>();
        rules.stream().filter(ruleJaNames::containsKey).forEach(r -> out.put(r, ruleJaNames.get(r)));
        return out;
    }

    /** These lessons' texts, {@code text} and, where the catalogue has it, {@code ja}. */
    Map<String, Map<String, String>> lessonsIn(Collection<String> ids) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        ids.stream().filter(lessons::knows).forEach(id -> {
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("text", lessons.lessons().get(id));
            if (lessons.japanese().containsKey(id)) {
                texts.put("ja", lessons.japanese().get(id));
            }
            out.put(id, texts);
        });
        return out;
    }
}
