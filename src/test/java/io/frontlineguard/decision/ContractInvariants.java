package io.frontlineguard.decision;

import static io.frontlineguard.action.ActionCode.ALLOW_VISIT;
import static io.frontlineguard.action.ActionCode.BLOCK_CALLER;
import static io.frontlineguard.action.ActionCode.EMPLOYEE_CARE;
import static io.frontlineguard.action.ActionCode.END_CONTACT;
import static io.frontlineguard.action.ActionCode.NO_APOLOGY;
import static io.frontlineguard.action.ActionCode.RECORD_EVIDENCE;
import static io.frontlineguard.action.ActionCode.WARN_CALLER;
import static io.frontlineguard.action.ActionCode.APOLOGIZE_FOR_INCONVENIENCE;
import static io.frontlineguard.action.ActionCode.DEFER_ANSWER;
import static io.frontlineguard.action.ActionCode.ESCALATE;
import static io.frontlineguard.action.ActionCode.POSTPONE_VISIT;
import static io.frontlineguard.action.ActionCode.PROTECT_TARGET_EMPLOYEE;
import static io.frontlineguard.action.ActionCode.REASSIGN_HANDLER;
import static io.frontlineguard.action.ActionCode.REFUSE_REQUEST;
import static io.frontlineguard.action.ActionCode.REFUSE_VISIT;
import static io.frontlineguard.action.ActionCode.REQUIRE_TWO_PERSON_ATTENDANCE;
import static io.frontlineguard.action.ActionCode.RESPOND_WITHIN;
import static io.frontlineguard.action.ActionCode.SENIOR_APOLOGY;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.assessment.AssessmentField;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Incident;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The decision API contract's resolution rules and invariants, each as a check of one evaluation
 * that returns the {@link InvariantViolation} it finds. The expectations are written from the contract, not
 * read from the production code (no {@code ActionCode.merge()}, no thresholds file), so a change in
 * either cannot quietly change what is checked.
 */
final class ContractInvariants {

    static final List<ActionCode> VISIT_OUTCOMES = List.of(REFUSE_VISIT, POSTPONE_VISIT, ALLOW_VISIT);
    static final List<ActionCode> CONCESSIONS = List.of(ALLOW_VISIT, SENIOR_APOLOGY, APOLOGIZE_FOR_INCONVENIENCE);
    /** The contract's night: no visit from 20:00 to 08:00 at the incident's own offset. */
    static final int NIGHT_STARTS_HOUR = 20;
    static final int NIGHT_ENDS_HOUR = 8;

    /** The contract's single-action codes: which parameter ranks them and whether the highest wins. */
    private record Merge(ActionCode code, String ranking, boolean highestWins, String lesson) {
    }

    private static final List<Merge> MERGES = List.of(new Merge(ESCALATE, "to", true, "L000-2"),
            new Merge(REASSIGN_HANDLER, "minRole", true, "L002-1"),
            new Merge(REQUIRE_TWO_PERSON_ATTENDANCE, "minPeople", true, "L004-2"),
            new Merge(RESPOND_WITHIN, "hours", false, "L003-4"));

    private ContractInvariants() {
    }

    /** Every invariant that one evaluation of one incident can be checked against. */
    static List<InvariantViolation> check(Incident incident, Evaluation evaluation) {
        List<InvariantViolation> found = new ArrayList<>();
        oneVisitOutcome(evaluation).ifPresent(found::add);
        found.addAll(singleActionsMergedToTheStrongest(evaluation));
        overriddenNameASurvivor(evaluation).ifPresent(found::add);
        allowedVisitHasTwoPeople(evaluation).ifPresent(found::add);
        flaggedCallerGetsNoConcession(incident, evaluation).ifPresent(found::add);
        namedEmployeesKeptAway(incident, evaluation).ifPresent(found::add);
        noVisitAtNight(incident, evaluation).ifPresent(found::add);
        immediateAnswerDeferred(incident, evaluation).ifPresent(found::add);
        harassmentRecordedAndCaredFor(evaluation).ifPresent(found::add);
        unacceptableMeansAreHarassment(evaluation).ifPresent(found::add);
        assessmentAnswersNameTheirRules(evaluation).ifPresent(found::add);
        found.addAll(JudgementInvariants.check(incident, evaluation));
        ContractShape.actionsConformToTheContract(evaluation).ifPresent(found::add);
        return found;
    }

    /** Every harassment case is recorded and the staff are supported (LG-2). */
    static Optional<InvariantViolation> harassmentRecordedAndCaredFor(Evaluation e) {
        if (!e.resolution().assessment().harassment().value().equals("YES")) {
            return Optional.empty();
        }
        List<ActionCode> missing = List.of(RECORD_EVIDENCE, EMPLOYEE_CARE).stream()
                .filter(c -> !e.resolution().has(c)).toList();
        return missing.isEmpty() ? Optional.empty() : violation("harassment is recorded and the staff supported",
                List.of("LG-2"), "harassment YES without " + missing, missing, List.of(), e);
    }

    /** The guidance's definition: unacceptable means make the contact harassment (LG-1, LG-2). */
    static Optional<InvariantViolation> unacceptableMeansAreHarassment(Evaluation e) {
        var a = e.resolution().assessment();
        if (a.meansAcceptable().value().equals("NO") && !a.harassment().value().equals("YES")) {
            return violation("unacceptable means are harassment", List.of("LG-1", "LG-2"),
                    "meansAcceptable NO from " + a.meansAcceptable().ruleNames() + " but harassment "
                            + a.harassment().value(), List.of(), List.of(), e);
        }
        return Optional.empty();
    }

    /** An answer nobody gave is the field's own; every other answer names the rules that gave it. */
    static Optional<InvariantViolation> assessmentAnswersNameTheirRules(Evaluation e) {
        var a = e.resolution().assessment();
        for (var field : List.of(AssessmentField.HARASSMENT, AssessmentField.DEMAND_JUSTIFIED,
                AssessmentField.MEANS_ACCEPTABLE)) {
            var answer = a.answer(field);
            if (answer.rules().isEmpty() && !answer.value().equals(field.unanswered())) {
                return violation("an assessment answer names its rules", List.of("LG-1"),
                        field.wireName() + " " + answer.value() + " with no rule behind it", List.of(), List.of(), e);
            }
        }
        return Optional.empty();
    }

    /** Codes a justified complaint made acceptably must never get (LG-4). */
    static final List<ActionCode> AGAINST_HARASSMENT = List.of(BLOCK_CALLER, WARN_CALLER, END_CONTACT, NO_APOLOGY);

    /**
     * A justified complaint made acceptably is not harassment: none of the measures against harassment,
     * the company's apology through a superior, and an assessment that says so.
     */
    static Optional<InvariantViolation> legitimateComplaintHandledSincerely(Evaluation e) {
        var a = e.resolution().assessment();
        String name = "a justified complaint made acceptably is handled sincerely, not as harassment";
        List<ActionCode> against = AGAINST_HARASSMENT.stream().filter(c -> e.resolution().has(c)).toList();
        if (!against.isEmpty()) {
            return violation(name, List.of("LG-4"), "got " + against, List.of(), against, e);
        }
        if (!a.handling().value().equals("COMPLAINT")) {
            return violation(name, List.of("LG-4", "LG-14"), "handled as " + a.handling().value(), List.of(), List.of(), e);
        }
        if (!a.harassment().value().equals("NO") || !a.demandJustified().value().equals("YES")
                || !a.meansAcceptable().value().equals("YES") || !a.types().isEmpty()) {
            return violation(name, List.of("LG-4", "LG-1"), "assessed harassment " + a.harassment().value() + ", demand "
                    + a.demandJustified().value() + ", means " + a.meansAcceptable().value() + ", types " + a.typeNames(),
                    List.of(), List.of(), e);
        }
        if (!e.resolution().has(SENIOR_APOLOGY)) {
            return violation(name, List.of("LG-4", "L002-2"), "no SENIOR_APOLOGY", List.of(SENIOR_APOLOGY), List.of(), e);
        }
        return Optional.empty();
    }

    static Optional<InvariantViolation> oneVisitOutcome(Evaluation e) {
        List<ActionCode> outcomes = codes(e).stream().filter(VISIT_OUTCOMES::contains).toList();
        if (outcomes.size() <= 1) {
            return Optional.empty();
        }
        return violation("at most one visit outcome", List.of("L004-1", "L004-4", "L004-8"),
                "several visit outcomes survived: " + outcomes, outcomes.subList(0, 1),
                outcomes.subList(1, outcomes.size()), e);
    }

    static List<InvariantViolation> singleActionsMergedToTheStrongest(Evaluation e) {
        return MERGES.stream().flatMap(m -> mergedToOne(m, e).stream()).toList();
    }

    /** One action of the code, carrying the strongest parameter any rule proposed (and, for a
     *  reassignment, every exclusion any rule proposed). */
    private static Optional<InvariantViolation> mergedToOne(Merge m, Evaluation e) {
        List<Candidate> proposed = e.candidates().stream().filter(c -> c.code() == m.code()).toList();
        List<Action> kept = actions(e, m.code());
        String name = "one " + m.code() + ", the " + (m.highestWins() ? "highest" : "lowest") + " " + m.ranking()
                + " proposed";
        List<String> lessons = Stream.concat(Stream.of(m.lesson()),
                proposed.stream().flatMap(c -> c.rule().lessons().stream())).toList();
        if (kept.size() != (proposed.isEmpty() ? 0 : 1)) {
            return violation(name, lessons, proposed.size() + " proposals became " + kept.size() + " actions",
                    List.of(m.code()), List.of(), e);
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Object expected = strongest(proposed, m);
        Object actual = kept.get(0).params().get(m.ranking());
        if (!expected.equals(actual)) {
            return violation(name, lessons, m.ranking() + " is " + actual + ", strongest proposal " + expected,
                    List.of(m.code()), List.of(), e);
        }
        if (m.code() == REQUIRE_TWO_PERSON_ATTENDANCE && ((Integer) actual) < 2) {
            return violation(name, lessons, "minPeople " + actual + " is below 2", List.of(m.code()), List.of(), e);
        }
        if (m.code() == REASSIGN_HANDLER) {
            Set<String> union = proposed.stream().flatMap(c -> strings(c.params().get("exclude")))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> excluded = strings(kept.get(0).params().get("exclude")).collect(Collectors.toSet());
            if (!excluded.equals(union)) {
                return violation(name, lessons, "exclude " + excluded + " is not the union " + union,
                        List.of(m.code()), List.of(), e);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object strongest(List<Candidate> proposed, Merge m) {
        Stream<Comparable> values = proposed.stream().map(c -> (Comparable) c.params().get(m.ranking()));
        return (m.highestWins() ? values.max(Comparable::compareTo) : values.min(Comparable::compareTo)).orElseThrow();
    }

    static Optional<InvariantViolation> overriddenNameASurvivor(Evaluation e) {
        List<Action> kept = e.resolution().actions();
        for (Overridden o : e.resolution().overridden()) {
            if (!kept.contains(o.replacedBy()) || kept.contains(o.action())) {
                return violation("overridden actions name a surviving replacement", o.action().lessons(),
                        o.action().code() + " is listed as replaced by " + o.replacedBy().code() + o.replacedBy().params()
                                + ", which is " + (kept.contains(o.replacedBy()) ? "" : "not ") + "in the actions",
                        List.of(o.replacedBy().code()), List.of(), e);
            }
        }
        return Optional.empty();
    }

    static Optional<InvariantViolation> allowedVisitHasTwoPeople(Evaluation e) {
        if (!e.resolution().has(ALLOW_VISIT) || e.resolution().has(REQUIRE_TWO_PERSON_ATTENDANCE)) {
            return Optional.empty();
        }
        return violation("an allowed visit comes with two-person attendance", List.of("L004-2", "L004-8"),
                "ALLOW_VISIT without REQUIRE_TWO_PERSON_ATTENDANCE", List.of(REQUIRE_TWO_PERSON_ATTENDANCE), List.of(), e);
    }

    static Optional<InvariantViolation> flaggedCallerGetsNoConcession(Incident incident, Evaluation e) {
        if (!incident.caller().flagged()) {
            return Optional.empty();
        }
        String name = "a flagged caller gets no visit, no apology and no undoing of the block";
        List<String> lessons = List.of("L000-1", "L000-3");
        List<ActionCode> conceded = codes(e).stream().filter(CONCESSIONS::contains).toList();
        if (!conceded.isEmpty()) {
            return violation(name, lessons, "conceded " + conceded, List.of(), conceded, e);
        }
        Set<DemandType> refused = refusedDemands(e);
        List<DemandType> undoing = incident.demands().stream().map(Demand::type)
                .filter(t -> t == DemandType.RESUME_SERVICE || t == DemandType.MEETING_AT_HEADQUARTERS)
                .filter(t -> !refused.contains(t)).distinct().toList();
        if (!undoing.isEmpty()) {
            return violation(name, lessons, "no REFUSE_REQUEST for " + undoing, List.of(REFUSE_REQUEST), List.of(), e);
        }
        return Optional.empty();
    }

    /** Named employees and an angered handler are excluded from the reassignment and assigned by nothing. */
    static Optional<InvariantViolation> namedEmployeesKeptAway(Incident incident, Evaluation e) {
        Set<String> kept = protectedEmployees(incident);
        String name = "a named or angered employee is excluded and never assigned";
        List<String> lessons = List.of("L001-2", "L002-1", "LG-10");
        if (kept.isEmpty() && !incident.handler().targetOfAnger()) {
            return Optional.empty();
        }
        List<Action> reassign = actions(e, REASSIGN_HANDLER);
        if (reassign.isEmpty()) {
            return violation(name, lessons, "no REASSIGN_HANDLER away from " + kept, List.of(REASSIGN_HANDLER),
                    List.of(), e);
        }
        Set<String> excluded = strings(reassign.get(0).params().get("exclude")).collect(Collectors.toSet());
        if (!excluded.containsAll(kept)) {
            return violation(name, lessons, "REASSIGN_HANDLER excludes " + excluded + ", not all of " + kept,
                    List.of(REASSIGN_HANDLER), List.of(), e);
        }
        for (Action a : e.resolution().actions()) {
            for (Map.Entry<String, Object> p : a.params().entrySet()) {
                boolean keepsAway = a.code() == REASSIGN_HANDLER && p.getKey().equals("exclude")
                        || a.code() == PROTECT_TARGET_EMPLOYEE && p.getKey().equals("employeeId");
                if (!keepsAway && strings(p.getValue()).anyMatch(kept::contains)) {
                    return violation(name, lessons, a.code() + "." + p.getKey() + " = " + p.getValue()
                            + " assigns an employee kept away", List.of(), List.of(a.code()), e);
                }
            }
        }
        return Optional.empty();
    }

    static Set<String> protectedEmployees(Incident incident) {
        Set<String> ids = new TreeSet<>();
        incident.demands().stream()
                .filter(d -> d.type() == DemandType.APOLOGY_FROM_EMPLOYEE || d.type() == DemandType.SPECIFIC_STAFF
                        || d.type() == DemandType.EMPLOYEE_DISMISSAL)
                .map(Demand::employeeId).filter(id -> id != null).forEach(ids::add);
        if (incident.handler().targetOfAnger() && incident.handler().employeeId() != null) {
            ids.add(incident.handler().employeeId());
        }
        return ids;
    }

    static Optional<InvariantViolation> noVisitAtNight(Incident incident, Evaluation e) {
        if (!e.resolution().has(ALLOW_VISIT)) {
            return Optional.empty();
        }
        for (Demand d : incident.demands()) {
            if (d.type() == DemandType.VISIT) {
                int hour = (d.immediate() || d.requestedFor() == null ? incident.occurredAt() : d.requestedFor())
                        .withOffsetSameInstant(incident.occurredAt().getOffset()).getHour();
                if (hour >= NIGHT_STARTS_HOUR || hour < NIGHT_ENDS_HOUR) {
                    return violation("no visit between 20:00 and 08:00", List.of("L004-4"),
                            "ALLOW_VISIT for a visit at hour " + hour + " (" + incident.occurredAt().getOffset() + ")",
                            List.of(), List.of(ALLOW_VISIT), e);
                }
            }
        }
        return Optional.empty();
    }

    static Optional<InvariantViolation> immediateAnswerDeferred(Incident incident, Evaluation e) {
        boolean demanded = incident.demands().stream().anyMatch(d -> d.type() == DemandType.IMMEDIATE_ANSWER);
        if (!demanded || e.resolution().has(DEFER_ANSWER)) {
            return Optional.empty();
        }
        return violation("an immediate answer demand is deferred", List.of("L004-6"),
                "IMMEDIATE_ANSWER demanded, no DEFER_ANSWER", List.of(DEFER_ANSWER), List.of(), e);
    }

    /** The same incident evaluated twice decides the same actions, for the same rules, overriding the same. */
    static Optional<InvariantViolation> sameDecisionTwice(Evaluation first, Evaluation second) {
        if (first.resolution().actions().equals(second.resolution().actions())
                && first.resolution().overridden().equals(second.resolution().overridden())) {
            return Optional.empty();
        }
        List<String> lessons = first.resolution().actions().stream().flatMap(a -> a.lessons().stream()).toList();
        return violation("the same incident gets the same decision", lessons.isEmpty() ? List.of("L002-3") : lessons,
                "first " + summary(first) + ", then " + summary(second), codes(first), List.of(), first);
    }

    static List<ActionCode> codes(Evaluation e) {
        return e.resolution().actions().stream().map(Action::code).toList();
    }

    static Set<DemandType> refusedDemands(Evaluation e) {
        return actions(e, REFUSE_REQUEST).stream().map(a -> (DemandType) a.params().get("demand"))
                .collect(Collectors.toSet());
    }

    private static List<Action> actions(Evaluation e, ActionCode code) {
        return e.resolution().actions().stream().filter(a -> a.code() == code).toList();
    }

    private static Stream<String> strings(Object value) {
        if (value == null) {
            return Stream.empty();
        }
        return value instanceof Collection<?> c ? c.stream().map(String::valueOf) : Stream.of(String.valueOf(value));
    }

    static String summary(Evaluation e) {
        return e.resolution().actions().stream().map(a -> a.params().isEmpty() ? a.code().name() : a.code() + "" + a.params())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static Optional<InvariantViolation> violation(String invariant, Collection<String> lessons, String detail,
                                                 List<ActionCode> present, List<ActionCode> absent, Evaluation e) {
        List<String> ids = List.copyOf(new TreeSet<>(lessons));
        return Optional.of(new InvariantViolation(invariant, ids, detail + "; decided " + summary(e), present, absent));
    }
}
