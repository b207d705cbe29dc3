package io.frontlineguard.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.JudgementStages;
import io.frontlineguard.ruleset.LessonCatalogue;
import io.frontlineguard.ruleset.RuleLinter;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSources;
import io.frontlineguard.ruleset.Thresholds;
import io.frontlineguard.verification.VerifiedRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.drools.io.DescrResource;

/**
 * The thresholds compiled into the rules as constants (issue 32) decide exactly as the rules did when
 * they joined a {@code Thresholds} fact: the built-in rules, built both ways from the same files,
 * decide the scenario incidents and a sample of generated ones identically, actions, overridden
 * actions and every assessment answer with its rules.
 */
class ThresholdConstantsTest {

    private static final Path RULES = Path.of("rules");
    private static final IncidentReader READER = new IncidentReader();

    @Test
    void builtInRulesDecideAsTheyDidWithTheThresholdsAsAFact() {
        RuleSet constants = new VerifiedRules(Clock.systemUTC()).compile(RULES);
        RuleSet fact = withThresholdsAsFact(RULES, constants);
        List<Incident> sample = Stream.of(
                        VerifiedRules.scenarios(FolderSnapshot.read(RULES)).stream().map(s -> READER.read(s.incident())),
                        IncidentArbitraries.incidents().sampleStream().limit(1500),
                        IncidentArbitraries.moneyDemandIncidents().sampleStream().limit(300),
                        IncidentArbitraries.nightVisitIncidents().sampleStream().limit(200),
                        IncidentArbitraries.flaggedCallerIncidents().sampleStream().limit(200))
                .flatMap(s -> s).toList();
        DecisionEngine engine = new DecisionEngine();
        DecisionEngine reference = new DecisionEngine();
        int fired = 0;
        for (Incident incident : sample) {
            Evaluation expected = reference.evaluate(fact, incident);
            Evaluation actual = engine.evaluate(constants, incident);
            assertEquals(RuleOrderProperties.decided(expected), RuleOrderProperties.decided(actual), () ->
                    "the constants decide differently from the Thresholds fact:\n"
                            + ScenarioPrinter.scenario("thresholds-as-constants", List.of("LG-14"), incident, List.of(), List.of()));
            assertEquals(expected.firedRules().stream().sorted().toList(), actual.firedRules().stream().sorted().toList());
            fired += expected.firedRules().size();
        }
        assertTrue(fired > sample.size(), "the sample makes rules fire");
    }

    /** Forms the built-in rules do not use: under not, or and exists, a parent's threshold in its child, no variable at all. */
    private static final String UNUSUAL = """
            package t;
            import io.frontlineguard.incident.*;
            import io.frontlineguard.ruleset.Thresholds;
            global io.frontlineguard.decision.ActionSink actions;

            rule "Old case unless repeated" @lesson("L001-3") @en("e") @ja("j")
            when
                CaseHistory($days : ageDays, $contacts : contactCount)
                Thresholds($limit : longCaseDays <= $days)
                not (Thresholds(repeatedContacts <= $contacts))
            then
                actions.emit("ISSUE_FINAL_ANSWER", "byRole", Role.MANAGER);
                actions.emit("RESPOND_WITHIN", "hours", $limit);
            end

            rule "Night visit or enough staff" @lesson("L004-2") @en("e") @ja("j")
            when
                $t : Thresholds()
                Demand(type == DemandType.VISIT, $h : visitHour)
                (Demand($t.isNight(visitHour)) or Thresholds(minVisitStaff > 2, nightStartsHour <= $h))
                exists (Thresholds(longContactMinutes < contactEndMinutes))
                Thresholds(minVisitStaff >= 2)
            then
                actions.emit("REQUIRE_TWO_PERSON_ATTENDANCE", "minPeople", $t.minVisitStaff());
            end

            rule "Parent binds a threshold" @lesson("L003-1") @en("e") @ja("j")
            when
                Thresholds($years : longStandingClientYears)
                Caller(relationshipYears >= $years || keyAccount == true)
            then
                actions.emit("ESCALATE", "to", Role.SUPERVISOR);
            end

            rule "Child reads its parent's threshold" extends "Parent binds a threshold" @lesson("L003-4") @en("e") @ja("j")
            when
                CaseHistory($c : contactCount)
                Thresholds(contactsAfterWarningToBlock <= $c && repeatedContacts > $years)
            then
                actions.emit("RESPOND_WITHIN", "hours", $years);
            end
            """;

    @Test
    void unusualUsesOfTheThresholdsDecideAsTheFactDid(@TempDir Path dir) throws Exception {
        Files.copy(RULES.resolve("thresholds.yaml"), dir.resolve("thresholds.yaml"));
        Files.copy(RULES.resolve("lessons.yaml"), dir.resolve("lessons.yaml"));
        Files.writeString(dir.resolve("unusual.drl"), UNUSUAL);
        RuleSet constants = new VerifiedRules(Clock.systemUTC()).compile(dir);
        RuleSet fact = withThresholdsAsFact(dir, constants);
        assertFalse(new SessionPool(constants).thresholdsAsFact);
        DecisionEngine engine = new DecisionEngine();
        DecisionEngine reference = new DecisionEngine();
        java.util.Set<String> everFired = new java.util.TreeSet<>();
        List<Incident> sample = Stream.concat(IncidentArbitraries.incidents().sampleStream().limit(1500),
                IncidentArbitraries.nightVisitIncidents().sampleStream().limit(300)).toList();
        for (Incident incident : sample) {
            Evaluation expected = reference.evaluate(fact, incident);
            Evaluation actual = engine.evaluate(constants, incident);
            assertEquals(RuleOrderProperties.decided(expected), RuleOrderProperties.decided(actual), () ->
                    ScenarioPrinter.scenario("thresholds-as-constants", List.of("LG-14"), incident, List.of(), List.of()));
            everFired.addAll(expected.firedRules());
        }
        assertEquals(constants.rules().keySet(), everFired, "every unusual rule fired for some incident");
    }

    @Test
    void noRuleOfTheServiceJoinsAThresholdsFact() {
        RuleSet constants = new VerifiedRules(Clock.systemUTC()).compile(RULES);
        assertFalse(new SessionPool(constants).thresholdsAsFact, "a compiled rule still matches Thresholds as a fact");
        assertTrue(new SessionPool(withThresholdsAsFact(RULES, constants)).thresholdsAsFact);
    }

    /**
     * The reference: the same files parsed and built as before issue 32, each rule in its stage's
     * agenda group, with the thresholds left to a fact (the engine inserts it when a rule matches it).
     */
    static RuleSet withThresholdsAsFact(Path dir, RuleSet compiled) {
        FolderSnapshot folder = FolderSnapshot.read(dir);
        RuleSources sources = RuleSources.of(folder);
        RuleLinter.Admission admission = new RuleLinter(LessonCatalogue.read(folder)).admit(sources);
        assertTrue(admission.admitted(), () -> admission.problems().toString());
        JudgementStages stages = admission.rules().stages();
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        conf.setOption(PropertySpecificOption.ALLOWED);
        conf.setProperty("drools.dialect.default", "mvel");
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        sources.drl().forEach((file, text) -> {
            try {
                PackageDescr descr = new DrlParser().parse(false, text);
                descr.getRules().forEach(r -> r.addAttribute(new AttributeDescr("agenda-group",
                        JudgementStages.group(stages.stageOf(r.getName())))));
                builder.add(new DescrResource(descr), ResourceType.DESCR);
            } catch (Exception e) {
                throw new IllegalStateException(file, e);
            }
        });
        assertFalse(builder.hasErrors(), () -> builder.getErrors().toString());
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        Thresholds thresholds = compiled.thresholds();
        return new RuleSet(compiled.version(), compiled.directory(), kieBase, compiled.rules(), thresholds,
                compiled.compiledAt(), compiled.judgementStages());
    }
}
