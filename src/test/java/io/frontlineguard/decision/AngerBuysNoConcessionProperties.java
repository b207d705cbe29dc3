package io.frontlineguard.decision;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.Conduct;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.verification.VerifiedRules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * L002-3: what is right for the company does not change because the customer's anger rises. For any
 * incident, the same incident with more harassing conduct never gains a concession and never loses
 * a refusal.
 */
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class AngerBuysNoConcessionProperties {

    private static final RuleSet RULES =
            new VerifiedRules(Clock.systemUTC()).compile(Path.of("rules"));
    private static final DecisionEngine ENGINE = new DecisionEngine();
    private static final String INVARIANT = "more anger never buys a concession";

    @Property(tries = 10_000)
    void shouldNeverGrantMoreWhenTheCallerGetsAngrier(@ForAll("incidents") Incident calm,
                                                      @ForAll("conduct") Set<Conduct> extra) {
        Incident angry = withMoreConduct(calm, extra);
        Evaluation before = ENGINE.evaluate(RULES, calm);
        Evaluation after = ENGINE.evaluate(RULES, angry);
        Statistics.label("calm incident got a concession").collect(ContractInvariants.CONCESSIONS.stream()
                        .anyMatch(before.resolution()::has))
                .coverage(c -> c.check(true).percentage(p -> p > 10));

        List<String> problems = new ArrayList<>();
        List<ActionCode> gained = ContractInvariants.CONCESSIONS.stream()
                .filter(c -> after.resolution().has(c) && !before.resolution().has(c)).toList();
        if (!gained.isEmpty()) {
            problems.add("gained " + gained);
        }
        List<ActionCode> lost = new ArrayList<>();
        if (before.resolution().has(ActionCode.REFUSE_VISIT) && !after.resolution().has(ActionCode.REFUSE_VISIT)) {
            lost.add(ActionCode.REFUSE_VISIT);
            problems.add("lost REFUSE_VISIT");
        }
        Set<DemandType> unrefused = new LinkedHashSet<>(ContractInvariants.refusedDemands(before));
        unrefused.removeAll(ContractInvariants.refusedDemands(after));
        if (!unrefused.isEmpty()) {
            lost.add(ActionCode.REFUSE_REQUEST);
            problems.add("lost REFUSE_REQUEST for " + unrefused);
        }
        if (!problems.isEmpty()) {
            String detail = "adding " + extra + " " + String.join(", ", problems) + "; calm decided "
                    + ContractInvariants.summary(before) + ", angry decided " + ContractInvariants.summary(after);
            InvariantViolation.assertNone(angry, List.of(new InvariantViolation(INVARIANT, List.of("L002-3"), detail, lost, gained)));
        }
    }

    /** The incident as it was, plus the extra conduct it did not show yet. */
    static Incident withMoreConduct(Incident i, Set<Conduct> extra) {
        Set<Conduct> conduct = new LinkedHashSet<>(i.conduct());
        conduct.addAll(extra);
        return new Incident(i.incidentId(), i.occurredAt(), i.channel(), i.department(), i.caller(),
                List.copyOf(conduct), i.demands(), i.caseHistory(), i.handler());
    }

    @Provide
    Arbitrary<Incident> incidents() {
        return IncidentArbitraries.incidents();
    }

    @Provide
    Arbitrary<Set<Conduct>> conduct() {
        return Arbitraries.of(Conduct.class).set().ofMinSize(1);
    }
}
