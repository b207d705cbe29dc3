package io.frontlineguard.rulemanagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.frontlineguard.ruleset.Activation;
import io.frontlineguard.ruleset.RuleInfo;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /v1/rules}: what is in force, since when, how well scenarios protect it,
 * and how reloading has gone.
 */
public record RuleCatalogueView(String rulesetVersion, Instant activatedAt, int ruleCount, int coveredRuleCount,
                                List<RuleView> rules, List<LessonView> lessons, Reloads reloads) {

    /**
     * One lesson of the catalogue: its summary, the same in Japanese ({@code ja}, absent where the
     * catalogue has none), its source (title and section) when it comes from published guidance, the
     * rules citing it and the scenarios naming it.
     */
    public record LessonView(String id, String text, @JsonInclude(JsonInclude.Include.NON_NULL) String ja,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String source,
                             List<String> rules, List<String> scenarios) {
    }

    /**
     * One rule: its name (and in Japanese, where the rule has {@code @ja_name}), where it is, what it
     * cites, what it can emit, which assessment answers it can give ({@code field=VALUE}) and which
     * scenarios fire it.
     */
    public record RuleView(String name, @JsonInclude(JsonInclude.Include.NON_NULL) String jaName, String file, int line,
                           List<String> lessons, List<String> actions, List<String> assesses, boolean covered,
                           List<String> scenarios) {
    }

    /** Reload counters since start-up, the most recent attempt, if any, and the latest attempts, newest first. */
    public record Reloads(long succeeded, long failed, @JsonInclude(JsonInclude.Include.NON_NULL) ReloadAttempt last,
                          List<ReloadAttempt> history) {
    }

    static RuleCatalogueView of(Activation active, Reloads reloads) {
        List<RuleView> rules = active.rules().rules().values().stream().map(r -> view(r, active)).toList();
        int covered = (int) rules.stream().filter(RuleView::covered).count();
        List<LessonView> lessons = active.lessons().lessons().entrySet().stream()
                .map(e -> new LessonView(e.getKey(), e.getValue(), active.lessons().japanese().get(e.getKey()),
                        active.lessons().sources().get(e.getKey()),
                        active.rules().rules().values().stream().filter(r -> r.lessons().contains(e.getKey()))
                                .map(RuleInfo::name).toList(),
                        active.scenariosNaming(e.getKey())))
                .toList();
        return new RuleCatalogueView(active.rules().version(), active.activatedAt(), rules.size(), covered, rules, lessons,
                reloads);
    }

    private static RuleView view(RuleInfo r, Activation active) {
        List<String> scenarios = active.scenariosFiring(r.name());
        return new RuleView(r.name(), r.japaneseName(), r.file(), r.line(), r.lessons(), r.emits(), r.assesses(), !scenarios.isEmpty(),
                scenarios);
    }
}
