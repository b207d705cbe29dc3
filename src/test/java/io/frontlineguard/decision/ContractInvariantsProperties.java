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
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The decision API contract's invariants ("hold for every input") checked against the real rules
 * folder on generated incidents. A failure shrinks the incident and prints it as a ready-to-paste
 * regression scenario. The coverage checks fail the property when the generators stop reaching the
 * situations an invariant is about, so no invariant can pass by never being exercised.
 */
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class ContractInvariantsProperties {

    /** Compiled once for the class: compiling is slow, evaluating is not. */
    private static final RuleSet RULES =
            new VerifiedRules(Clock.systemUTC()).compile(Path.of("rules"));
    private static final DecisionEngine ENGINE = new DecisionEngine();

    @Property(tries = 10_000)
    void shouldKeepEveryContractInvariantForAnyIncident(@ForAll("incidents") Incident incident) {
        Evaluation first = ENGINE.evaluate(RULES, incident);
        Evaluation second = ENGINE.evaluate(RULES, incident);
        coverGeneralSituations(incident, first);

        List<InvariantViolation> violations = new ArrayList<>(ContractInvariants.check(incident, first));
        ContractInvariants.sameDecisionTwice(first, second).ifPresent(violations::add);
        InvariantViolation.assertNone(incident, violations);
    }

    /**
     * Found by a tester (issue 29): discrimination against a handler the request does not name answered
     * PROTECT_TARGET_EMPLOYEE with no employeeId, which the contract requires. Every answer, with the
     * handler named or not, must be one a client generated from the contract can read.
     */
    @Property(tries = 2_000)
    void shouldAnswerEveryIncidentInTheContractsShape(@ForAll("incidents") Incident incident) {
        Evaluation e = ENGINE.evaluate(RULES, incident);
        boolean unnamedTarget = incident.handler().employeeId() == null && (incident.handler().targetOfAnger()
                || incident.conduct().stream().anyMatch(JudgementInvariants.IN_PERSON::contains));
        Statistics.label("conduct aimed at a handler nobody named").collect(unnamedTarget)
                .coverage(c -> c.check(true).percentage(p -> p > 2));
        assertNone(incident, ContractShape.actionsConformToTheContract(e));
    }

    @Property(tries = 2_000)
    void shouldNeverAllowAVisitAtNight(@ForAll("nightVisits") Incident incident) {
        Evaluation e = ENGINE.evaluate(RULES, incident);
        // The facts alone would grant the visit and only a postponement stands in its way: the night is tested.
        boolean decisive = e.candidates().stream().anyMatch(c -> c.code() == ActionCode.ALLOW_VISIT)
                && e.resolution().has(ActionCode.POSTPONE_VISIT);
        Statistics.label("only the night keeps the visit back").collect(decisive)
                .coverage(c -> c.check(true).percentage(p -> p > 25));
        assertNone(incident, ContractInvariants.noVisitAtNight(incident, e));
    }

    @Property(tries = 2_000)
    void shouldNeverConcedeAnythingToAFlaggedCaller(@ForAll("flaggedCallers") Incident incident) {
        Evaluation e = ENGINE.evaluate(RULES, incident);
        boolean undoing = incident.demands().stream().anyMatch(
                d -> d.type() == DemandType.RESUME_SERVICE || d.type() == DemandType.MEETING_AT_HEADQUARTERS);
        Statistics.label("demand to undo the block").collect(undoing)
                .coverage(c -> c.check(true).percentage(p -> p > 30));
        assertNone(incident, ContractInvariants.flaggedCallerGetsNoConcession(incident, e));
    }

    @Property(tries = 2_000)
    void shouldKeepEveryNamedEmployeeAwayFromTheCaller(@ForAll("namedEmployees") Incident incident) {
        Evaluation e = ENGINE.evaluate(RULES, incident);
        boolean handlerNamed = incident.handler().employeeId() != null
                && ContractInvariants.protectedEmployees(incident).contains(incident.handler().employeeId());
        Statistics.label("handler is kept away").collect(handlerNamed)
                .coverage(c -> c.check(true).percentage(p -> p > 20));
        assertNone(incident, ContractInvariants.namedEmployeesKeptAway(incident, e));
    }

    @Property(tries = 3_000)
    void shouldNeverTreatAJustifiedComplaintMadeAcceptablyAsHarassment(@ForAll("legitimateComplaints") Incident incident) {
        Evaluation e = ENGINE.evaluate(RULES, incident);
        Statistics.label("insists on its standing").collect(!incident.conduct().isEmpty())
                .coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("demands something").collect(!incident.demands().isEmpty())
                .coverage(c -> c.check(true).percentage(p -> p > 50));
        assertNone(incident, ContractInvariants.legitimateComplaintHandledSincerely(e));
    }

    /**
     * The boundary, as a metamorphic property: the same legitimate complaint with one conduct the
     * guidance finds unacceptable whatever the demand becomes harassment, recorded, with the staff
     * supported, and the company still apologises for its confirmed failure unless a block forbids it.
     */
    @Property(tries = 2_000)
    void shouldFindHarassmentOnceUnacceptableConductJoinsAJustifiedComplaint(
            @ForAll("legitimateComplaints") Incident calm, @ForAll("unacceptableConduct") Conduct conduct) {
        Incident pressed = new Incident(calm.incidentId(), calm.occurredAt(), calm.channel(), calm.department(),
                calm.caller(), List.of(conduct), calm.demands(), calm.caseHistory(), calm.handler());
        Evaluation e = ENGINE.evaluate(RULES, pressed);
        var a = e.resolution().assessment();
        List<InvariantViolation> violations = new ArrayList<>(ContractInvariants.check(pressed, e));
        if (!a.harassment().value().equals("YES") || !a.meansAcceptable().value().equals("NO")
                || !a.demandJustified().value().equals("YES")) {
            violations.add(new InvariantViolation("unacceptable conduct behind a justified complaint is harassment",
                    List.of("LG-2", "LG-1"), "assessed harassment " + a.harassment().value() + ", means "
                    + a.meansAcceptable().value() + ", demand " + a.demandJustified().value(), List.of(), List.of()));
        }
        boolean flaggedNow = e.resolution().has(ActionCode.NO_APOLOGY);
        if (!flaggedNow && !e.resolution().has(ActionCode.SENIOR_APOLOGY)) {
            violations.add(new InvariantViolation("the confirmed failure is still apologised for", List.of("LG-4", "L002-3"),
                    "no SENIOR_APOLOGY once " + conduct + " joined", List.of(ActionCode.SENIOR_APOLOGY), List.of()));
        }
        InvariantViolation.assertNone(pressed, violations);
    }

    @Provide
    Arbitrary<Incident> legitimateComplaints() {
        return IncidentArbitraries.legitimateComplaints();
    }

    @Provide
    Arbitrary<Conduct> unacceptableConduct() {
        return net.jqwik.api.Arbitraries.of(IncidentArbitraries.UNACCEPTABLE);
    }

    /** Without these, an invariant about ALLOW_VISIT or flagged callers could hold vacuously. */
    private static void coverGeneralSituations(Incident incident, Evaluation e) {
        Statistics.label("visit allowed").collect(e.resolution().has(ActionCode.ALLOW_VISIT))
                .coverage(c -> c.check(true).percentage(p -> p > 0.5));
        Statistics.label("flagged caller").collect(incident.caller().flagged())
                .coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("actions overridden").collect(!e.resolution().overridden().isEmpty())
                .coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("immediate answer demanded").collect(
                        incident.demands().stream().anyMatch(d -> d.type() == DemandType.IMMEDIATE_ANSWER))
                .coverage(c -> c.check(true).percentage(p -> p > 2));
    }

    private static void assertNone(Incident incident, Optional<InvariantViolation> violation) {
        InvariantViolation.assertNone(incident, violation.stream().toList());
    }

    @Provide
    Arbitrary<Incident> incidents() {
        return IncidentArbitraries.incidents();
    }

    @Provide
    Arbitrary<Incident> nightVisits() {
        return IncidentArbitraries.nightVisitIncidents();
    }

    @Provide
    Arbitrary<Incident> flaggedCallers() {
        return IncidentArbitraries.flaggedCallerIncidents();
    }

    @Provide
    Arbitrary<Incident> namedEmployees() {
        return IncidentArbitraries.namedEmployeeIncidents();
    }
}
