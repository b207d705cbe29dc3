package io.frontlineguard.ruleset;

import io.frontlineguard.ruleset.RuleInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.io.DescrResource;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.PropertySpecificOption;

/**
 * Turns a rules folder into a {@link RuleSet}, or reports every problem with file, line and
 * column. It takes only {@link ParsedRules}, what the sandbox lint admitted, and never returns a
 * partial rule set: one broken file fails the whole build, which is what lets a reload keep the
 * rules that work.
 */
public final class RuleSetCompiler {

    /** Drools' property naming the dialect of consequences that name none (the lint forbids naming one). */
    static final String CONSEQUENCE_DIALECT = "drools.dialect.default";
    /** {@code -Dguard.rules.consequence-dialect=java} compiles consequences to Java, as before; for comparison only. */
    public static final String DIALECT_PROPERTY = "guard.rules.consequence-dialect";

    private final Clock clock;

    public RuleSetCompiler(Clock clock) {
        this.clock = clock;
    }

    /** Compiles rules that passed the lint; there is no way to hand it anything else. */
    public RuleSet compile(ParsedRules parsed) {
        RuleSources sources = parsed.sources();
        List<RuleProblem> problems = new ArrayList<>();
        if (sources.drl().isEmpty()) {
            problems.add(RuleProblem.error(sources.directory().toString(), 0, 0, "no .drl rule files in the rules folder"));
        }
        Thresholds thresholds = thresholds(sources, problems);
        KieBase kieBase = problems.isEmpty() ? build(parsed, thresholds, problems) : null;
        Map<String, RuleInfo> rules = kieBase == null ? Map.of() : RuleCatalogue.read(kieBase, parsed, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new RuleSet(sources.version(), sources.directory(), kieBase, rules, thresholds, clock.instant(),
                parsed.stages().later());
    }

    /** The thresholds file's problems alone: plain YAML read into a record, safe to read before any lint. */
    public static List<RuleProblem> checkThresholds(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        thresholds(sources, problems);
        return problems;
    }

    private static Thresholds thresholds(RuleSources sources, List<RuleProblem> problems) {
        return ThresholdsFile.read(sources, problems);
    }

    /**
     * Builds from the linted descriptors, file by file so that each error names its file. Rules
     * never modify facts, so property reactivity has nothing to track and is switched off.
     * Consequences are MVEL, not Java: the lint admits nothing in them but {@code actions.emit} and
     * {@code actions.assess} calls, which MVEL runs as well, and it spares generating and compiling a
     * Java class per rule, about a second of every start-up and reload for a tenth more time per
     * decision (docs/benchmarks.md, issue 11). The thresholds go in as constants of this version
     * ({@link ThresholdConstants}): no rule joins a fact for them.
     */
    private static KieBase build(ParsedRules parsed, Thresholds thresholds, List<RuleProblem> problems) {
        KnowledgeBuilder builder = newBuilder();
        SortedMap<String, PackageDescr> packages = parsed.forCompiling();
        ThresholdConstants.inline(packages, thresholds);
        placeInStages(packages, parsed.stages());
        packages.forEach((file, descr) -> {
            int before = builder.getErrors().size();
            DescrResource resource = new DescrResource(descr);
            resource.setSourcePath(file);
            builder.add(resource, ResourceType.DESCR);
            List<KnowledgeBuilderError> errors = new ArrayList<>(builder.getErrors());
            for (KnowledgeBuilderError e : errors.subList(before, errors.size())) {
                int line = e.getLines() == null || e.getLines().length == 0 ? 0 : e.getLines()[0];
                problems.add(located(file, line, 0, e.getMessage()));
            }
        });
        if (!problems.isEmpty()) {
            return null;
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        return kieBase;
    }

    /**
     * Each rule goes to the agenda group of its judgement stage. The lint refuses every attribute a
     * rule file could give, so these are the only ones, derived from what the rules read and answer.
     */
    private static void placeInStages(SortedMap<String, PackageDescr> packages, JudgementStages stages) {
        packages.values().forEach(p -> p.getRules().forEach(r -> r.addAttribute(
                new AttributeDescr("agenda-group", JudgementStages.group(stages.stageOf(r.getName()))))));
    }

    /** The builder configuration of every rule base; {@link EngineWarmUp} uses it too, so it warms the same paths. */
    static KnowledgeBuilder newBuilder() {
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        conf.setOption(PropertySpecificOption.ALLOWED);
        conf.setProperty(CONSEQUENCE_DIALECT, System.getProperty(DIALECT_PROPERTY, "mvel"));
        return KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
    }

    private static final java.util.regex.Pattern PARSER_POSITION = java.util.regex.Pattern.compile("Line (\\d+):(\\d+)");

    /**
     * Some parser errors come without a position but name it in their text ("Line 34:0 …"), and
     * some carry a stack trace; a problem is one line with the best position known.
     */
    static RuleProblem located(String file, int line, int column, String text) {
        String message = text.strip();
        int cut = message.indexOf(" Stack trace:");
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        if (line <= 0) {
            java.util.regex.Matcher at = PARSER_POSITION.matcher(message);
            if (at.find()) {
                line = Integer.parseInt(at.group(1));
                column = Integer.parseInt(at.group(2)) + 1;
            }
        }
        return RuleProblem.error(file, line, column, message);
    }

    static List<Rule> rulesOf(KieBase kieBase) {
        List<Rule> rules = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            rules.addAll(p.getRules());
        }
        return rules;
    }

    static Map<String, RuleInfo> ordered(Map<String, RuleInfo> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
