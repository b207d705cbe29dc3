package io.frontlineguard.decision;

import static io.frontlineguard.action.ActionCode.ALLOW_VISIT;
import static io.frontlineguard.action.ActionCode.ANSWER_CHANNEL;
import static io.frontlineguard.action.ActionCode.APOLOGIZE_FOR_INCONVENIENCE;
import static io.frontlineguard.action.ActionCode.BLOCK_CALLER;
import static io.frontlineguard.action.ActionCode.CONFIRM_DEMANDS;
import static io.frontlineguard.action.ActionCode.DEFER_ANSWER;
import static io.frontlineguard.action.ActionCode.END_CONTACT;
import static io.frontlineguard.action.ActionCode.INVESTIGATE;
import static io.frontlineguard.action.ActionCode.ISSUE_FINAL_ANSWER;
import static io.frontlineguard.action.ActionCode.NOTIFY_POLICE;
import static io.frontlineguard.action.ActionCode.PRESENT_RECURRENCE_PREVENTION_PLAN;
import static io.frontlineguard.action.ActionCode.PROTECT_TARGET_EMPLOYEE;
import static io.frontlineguard.action.ActionCode.REASSIGN_HANDLER;
import static io.frontlineguard.action.ActionCode.REFUSE_REQUEST;
import static io.frontlineguard.action.ActionCode.REFUSE_VISIT;
import static io.frontlineguard.action.ActionCode.SENIOR_APOLOGY;
import static io.frontlineguard.action.ActionCode.WARN_CALLER;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.Channel;
import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.Conduct;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.ManagementAnswer;
import io.frontlineguard.incident.PoliceInvolvement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The invariants of issue 29, one check each, written from the issue and the lessons that state
 * them (LG-13 … LG-21), not from the rules: the judgement steers the response, so no decision gives
 * contradictory advice. Like {@link ContractInvariants}, each returns the violation it finds.
 */
final class JudgementInvariants {

    /** Actions that stop a contact or treat the caller as no ordinary customer. */
    static final List<ActionCode> STOPPING = List.of(END_CONTACT, NOTIFY_POLICE, BLOCK_CALLER);
    /** The courtesies of a complaint. */
    static final List<ActionCode> COURTESY = List.of(APOLOGIZE_FOR_INCONVENIENCE, CONFIRM_DEMANDS);
    /** Demands the guidance finds unjustified whatever the facts (LG-9, LG-10, LG-12, L001-2, L001-3, L002-1). */
    static final Set<DemandType> NEVER_JUSTIFIED = Set.of(DemandType.KNEELING_APOLOGY, DemandType.EMPLOYEE_DISMISSAL,
            DemandType.FREE_SERVICE, DemandType.APOLOGY_FROM_EMPLOYEE, DemandType.SPECIFIC_STAFF,
            DemandType.PERIODIC_CALLBACK);
    /** Conduct aimed at the handler in person (LG-19); a demand that they kneel is too ({@link #aimedAtTheHandler}). */
    static final Set<Conduct> IN_PERSON = Set.of(Conduct.DISCRIMINATION, Conduct.SEXUAL_HARASSMENT,
            Conduct.PRIVATE_CONTACT, Conduct.DEMEANING, Conduct.STALKING);
    /** Conduct that makes the contact a matter for the police whoever the caller is (LG-14). */
    static final Set<Conduct> POLICE_CONDUCT = Set.of(Conduct.VIOLENCE, Conduct.THREAT, Conduct.STALKING);
    /** The policy's multiples of the loss at stake (issue 29 and rules/thresholds.yaml's defaults, stated here again). */
    static final long MONEY_MULTIPLE = 3;
    static final long GROSS_MULTIPLE = 10;
    /**
     * The least loss money is weighed against (rules/thresholds.yaml, lossFloorJpy): a loss of 0 or next to
     * nothing still leaves the costs a customer bears around any complaint, which the figure does not count.
     */
    static final long LOSS_FLOOR = 5_000;

    private JudgementInvariants() {
    }

    static List<InvariantViolation> check(Incident incident, Evaluation e) {
        List<InvariantViolation> found = new ArrayList<>();
        noCourtesyWhenStopping(e).ifPresent(found::add);
        noVisitWhenMeansUnacceptable(e).ifPresent(found::add);
        unjustifiedDemandsRefused(incident, e).ifPresent(found::add);
        noFinalAnswerBeforeTheFacts(incident, e).ifPresent(found::add);
        noFinalAnswerWhileTheInvestigationIsOpen(incident, e).ifPresent(found::add);
        noFinalAnswerWithADeferral(e).ifPresent(found::add);
        noWarningOnceStopped(e).ifPresent(found::add);
        noWarningForContactsOurSilenceCaused(incident, e).ifPresent(found::add);
        factsInvestigatedFirst(incident, e).ifPresent(found::add);
        handlerTargetedInPersonLeaves(incident, e).ifPresent(found::add);
        meritOfAJustifiedComplaintAnswered(incident, e).ifPresent(found::add);
        moneyInProportion(incident, e).ifPresent(found::add);
        handlingFollowsTheJudgement(incident, e).ifPresent(found::add);
        noAnsweredDemandRefused(e).ifPresent(found::add);
        limitedApologyGivesWay(incident, e).ifPresent(found::add);
        policeMatterStoppedAndReported(e).ifPresent(found::add);
        answerChannelFollowsTheHandling(incident, e).ifPresent(found::add);
        return found;
    }

    /** LG-15: END_CONTACT, NOTIFY_POLICE or BLOCK_CALLER never come with an apology for discomfort or demands confirmed. */
    static Optional<InvariantViolation> noCourtesyWhenStopping(Evaluation e) {
        List<ActionCode> stopping = present(e, STOPPING);
        List<ActionCode> courtesy = present(e, COURTESY);
        if (stopping.isEmpty() || courtesy.isEmpty()) {
            return Optional.empty();
        }
        return violation("no apology for discomfort or confirming of demands in a contact that is stopped",
                List.of("LG-15", "LG-14"), courtesy + " beside " + stopping, List.of(), courtesy, e);
    }

    /**
     * LG-22: a warning is the step before ending, blocking or reporting; once the contact is ended, the
     * caller blocked or the police told, there is nothing left to warn of, so WARN_CALLER never comes with them.
     */
    static Optional<InvariantViolation> noWarningOnceStopped(Evaluation e) {
        List<ActionCode> stopping = present(e, STOPPING);
        if (stopping.isEmpty() || !e.resolution().has(WARN_CALLER)) {
            return Optional.empty();
        }
        return violation("no warning in a contact that is ended, blocked or reported", List.of("LG-22"),
                "WARN_CALLER beside " + stopping, List.of(), List.of(WARN_CALLER), e);
    }

    /**
     * LX-5, LG-18: a calm contact on a case nobody has investigated is not warned, however often the caller
     * has had to come back: the repetition is ours to answer by investigating, not the caller's conduct.
     */
    static Optional<InvariantViolation> noWarningForContactsOurSilenceCaused(Incident incident, Evaluation e) {
        boolean calm = incident.conduct().isEmpty() && incident.caseHistory().longestContactMinutes() < 60;
        if (!calm || !factsOpen(incident) || !e.resolution().has(WARN_CALLER)) {
            return Optional.empty();
        }
        return violation("no warning for repeated contact on a case nobody has investigated", List.of("LX-5", "LG-18"),
                "WARN_CALLER on contact " + incident.caseHistory().contactCount() + " of a case not investigated",
                List.of(), List.of(WARN_CALLER), e);
    }

    /** LG-16: means judged unacceptable never come with ALLOW_VISIT. */
    static Optional<InvariantViolation> noVisitWhenMeansUnacceptable(Evaluation e) {
        if (!e.resolution().assessment().meansAcceptable().value().equals("NO") || !e.resolution().has(ALLOW_VISIT)) {
            return Optional.empty();
        }
        return violation("no visit when the means are unacceptable", List.of("LG-16"),
                "ALLOW_VISIT with meansAcceptable NO", List.of(REFUSE_VISIT), List.of(ALLOW_VISIT), e);
    }

    /** LG-17: every demand judged unjustified is refused for its type (a visit with REFUSE_VISIT). */
    static Optional<InvariantViolation> unjustifiedDemandsRefused(Incident incident, Evaluation e) {
        Set<DemandType> refused = ContractInvariants.refusedDemands(e);
        List<DemandType> open = new ArrayList<>();
        for (Demand d : incident.demands()) {
            if (!unjustified(d, incident.caseHistory())) {
                continue;
            }
            boolean answered = d.type() == DemandType.VISIT ? e.resolution().has(REFUSE_VISIT) : refused.contains(d.type());
            if (!answered) {
                open.add(d.type());
            }
        }
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return violation("every demand judged unjustified is refused", List.of("LG-17", "LG-1", "LG-13"),
                "not refused: " + open, List.of(REFUSE_REQUEST), List.of(), e);
    }

    /** Unjustified: no fault of ours found, a demand never justified, or money beyond proportion to the loss. */
    static boolean unjustified(Demand d, CaseHistory h) {
        return h.companyFault() == CompanyFault.NONE || NEVER_JUSTIFIED.contains(d.type()) || beyond(d, h, MONEY_MULTIPLE);
    }

    static boolean beyond(Demand d, CaseHistory h, long multiple) {
        return d.type() == DemandType.MONETARY_COMPENSATION && d.amountJpy() != null && h.damageJpy() != null
                && d.amountJpy() > Math.max(h.damageJpy(), LOSS_FLOOR) * multiple;
    }

    /** LG-18: no final answer while the facts are not investigated and our fault is unknown. */
    static Optional<InvariantViolation> noFinalAnswerBeforeTheFacts(Incident incident, Evaluation e) {
        if (!factsOpen(incident) || !e.resolution().has(ISSUE_FINAL_ANSWER)) {
            return Optional.empty();
        }
        return violation("no final answer before the facts are investigated", List.of("LG-18"),
                "ISSUE_FINAL_ANSWER while investigation is incomplete and the fault unknown", List.of(DEFER_ANSWER),
                List.of(ISSUE_FINAL_ANSWER), e);
    }

    /**
     * LG-18: no final answer while the investigation is open, whoever the caller is: a fault already known
     * (confirmed or not) does not close a case whose investigation has not finished, and a blocked caller
     * or one the police acted against, whose demands are refused without waiting, is no exception.
     */
    static Optional<InvariantViolation> noFinalAnswerWhileTheInvestigationIsOpen(Incident incident, Evaluation e) {
        if (incident.caseHistory().investigationComplete() || !e.resolution().has(ISSUE_FINAL_ANSWER)) {
            return Optional.empty();
        }
        return violation("no final answer while the investigation is open", List.of("LG-18"),
                "ISSUE_FINAL_ANSWER while investigation is incomplete (fault " + incident.caseHistory().companyFault()
                        + (incident.caller().flagged() ? ", flagged caller" : "") + ")", List.of(), List.of(ISSUE_FINAL_ANSWER), e);
    }

    /** LG-21: a final answer never comes with a deferred one; the final answer waits. */
    static Optional<InvariantViolation> noFinalAnswerWithADeferral(Evaluation e) {
        if (!e.resolution().has(ISSUE_FINAL_ANSWER) || !e.resolution().has(DEFER_ANSWER)) {
            return Optional.empty();
        }
        return violation("no final answer beside a deferred one", List.of("LG-21", "LG-18"),
                "ISSUE_FINAL_ANSWER with DEFER_ANSWER", List.of(DEFER_ANSWER), List.of(ISSUE_FINAL_ANSWER), e);
    }

    static boolean factsOpen(Incident incident) {
        return !incident.caseHistory().investigationComplete() && incident.caseHistory().companyFault() == CompanyFault.UNKNOWN;
    }

    /**
     * LG-18: facts not established means INVESTIGATE and DEFER_ANSWER, with or without a demand, whoever
     * the caller: the investigation is the company's own, so a blocked caller or one the police acted
     * against is no exception (issue 29); their demands are refused all the same.
     */
    static Optional<InvariantViolation> factsInvestigatedFirst(Incident incident, Evaluation e) {
        if (incident.caseHistory().investigationComplete()) {
            return Optional.empty();
        }
        List<ActionCode> missing = List.of(INVESTIGATE, DEFER_ANSWER).stream().filter(c -> !e.resolution().has(c)).toList();
        return missing.isEmpty() ? Optional.empty() : violation("facts not established are investigated and the answer deferred",
                List.of("LG-18", "L004-6"), "missing " + missing, missing, List.of(), e);
    }

    /** LG-19: conduct aimed at the handler in person protects them and reassigns the case away from them. */
    static Optional<InvariantViolation> handlerTargetedInPersonLeaves(Incident incident, Evaluation e) {
        List<Object> aimed = aimedAtTheHandler(incident);
        if (aimed.isEmpty()) {
            return Optional.empty();
        }
        String name = "the handler targeted in person leaves the contact";
        String handler = incident.handler().employeeId();
        List<Action> protect = actions(e, PROTECT_TARGET_EMPLOYEE);
        List<Action> reassign = actions(e, REASSIGN_HANDLER);
        if (reassign.isEmpty()) {
            return violation(name, List.of("LG-19"), aimed + " without REASSIGN_HANDLER", List.of(REASSIGN_HANDLER),
                    List.of(), e);
        }
        // Unnamed, the handler is still taken out of the contact; there is nobody a protection could name
        // (the contract requires its employeeId), so it is not given.
        if (handler == null) {
            return Optional.empty();
        }
        boolean protectedHandler = protect.stream().anyMatch(a -> handler.equals(a.params().get("employeeId")));
        Object excluded = reassign.get(0).params().get("exclude");
        boolean excludedHandler = excluded instanceof Collection<?> c && c.contains(handler);
        if (!protectedHandler || !excludedHandler) {
            return violation(name, List.of("LG-19"), "handler " + handler + (protectedHandler ? "" : " not protected")
                    + (excludedHandler ? "" : " not excluded"), List.of(PROTECT_TARGET_EMPLOYEE, REASSIGN_HANDLER), List.of(), e);
        }
        return Optional.empty();
    }

    /** What in an incident is aimed at the handler in person (LG-19): such conduct, and a demand that they kneel (LG-9). */
    static List<Object> aimedAtTheHandler(Incident incident) {
        List<Object> aimed = new ArrayList<>(incident.conduct().stream().filter(IN_PERSON::contains).toList());
        if (incident.demands().stream().anyMatch(d -> d.type() == DemandType.KNEELING_APOLOGY)) {
            aimed.add(DemandType.KNEELING_APOLOGY);
        }
        return aimed;
    }

    /**
     * LG-20: a demand whose merit is answered is never also refused. The plan against recurrence of our
     * confirmed failure is presented to whoever asks, a caller the police acted against too; refusing it
     * beside the plan tells the front line two opposite things (issue 29, a tester's case).
     */
    static Optional<InvariantViolation> noAnsweredDemandRefused(Evaluation e) {
        if (!e.resolution().has(PRESENT_RECURRENCE_PREVENTION_PLAN)
                || !ContractInvariants.refusedDemands(e).contains(DemandType.RECURRENCE_PREVENTION)) {
            return Optional.empty();
        }
        return violation("a demand whose merit is answered is never also refused", List.of("LG-20", "L003-3"),
                "PRESENT_RECURRENCE_PREVENTION_PLAN beside REFUSE_REQUEST RECURRENCE_PREVENTION",
                List.of(PRESENT_RECURRENCE_PREVENTION_PLAN), List.of(REFUSE_REQUEST), e);
    }

    /**
     * LG-23: once our fault is confirmed the apology is for it, by a superior; the apology for the
     * discomfort only, which admits no facts, gives way. What is demanded is still confirmed on the
     * first contact of a complaint (L004-5), since the answer is weighed against it.
     */
    static Optional<InvariantViolation> limitedApologyGivesWay(Incident incident, Evaluation e) {
        CaseHistory h = incident.caseHistory();
        if (h.companyFault() != CompanyFault.CONFIRMED) {
            return Optional.empty();
        }
        String name = "once our fault is confirmed, the limited apology gives way to the apology for it";
        if (e.resolution().has(APOLOGIZE_FOR_INCONVENIENCE)) {
            return violation(name, List.of("LG-23", "L004-5"), "APOLOGIZE_FOR_INCONVENIENCE for a confirmed fault",
                    List.of(), List.of(APOLOGIZE_FOR_INCONVENIENCE), e);
        }
        if (h.contactCount() == 1 && e.resolution().assessment().handling().value().equals("COMPLAINT")
                && !e.resolution().has(CONFIRM_DEMANDS)) {
            return violation(name, List.of("LG-23", "L004-5"), "no CONFIRM_DEMANDS on the first contact of a complaint",
                    List.of(CONFIRM_DEMANDS), List.of(), e);
        }
        return Optional.empty();
    }

    /**
     * LG-14: a contact handled as a police matter is stopped and reported (END_CONTACT, NOTIFY_POLICE),
     * whatever made it one, and the police are told of no contact that is not handled as one: the
     * headline and the actions say the same thing.
     */
    static Optional<InvariantViolation> policeMatterStoppedAndReported(Evaluation e) {
        boolean police = e.resolution().assessment().handling().value().equals("POLICE");
        String name = "a police matter is stopped and reported, and only a police matter is reported";
        if (police) {
            List<ActionCode> missing = List.of(END_CONTACT, NOTIFY_POLICE).stream().filter(c -> !e.resolution().has(c)).toList();
            return missing.isEmpty() ? Optional.empty()
                    : violation(name, List.of("LG-14"), "handling POLICE without " + missing, missing, List.of(), e);
        }
        return e.resolution().has(NOTIFY_POLICE)
                ? violation(name, List.of("LG-14"), "NOTIFY_POLICE with handling " + e.resolution().assessment().handling().value(),
                        List.of(), List.of(NOTIFY_POLICE), e)
                : Optional.empty();
    }

    /**
     * LG-14, L004-7: the formal answer's channel follows the handling. A police matter is answered by
     * letter, never face to face or by phone (nor by e-mail); any other contact with a demand is answered
     * in person or by phone, never by e-mail.
     */
    static Optional<InvariantViolation> answerChannelFollowsTheHandling(Incident incident, Evaluation e) {
        List<Object> allowed = actions(e, ANSWER_CHANNEL).stream()
                .flatMap(a -> ((Collection<?>) a.params().get("allowed")).stream()).map(Object.class::cast).toList();
        String name = "the formal answer's channel follows the handling";
        if (allowed.contains(Channel.EMAIL) || allowed.contains("EMAIL")) {
            return violation(name, List.of("L004-7"), "ANSWER_CHANNEL allows EMAIL", List.of(), List.of(ANSWER_CHANNEL), e);
        }
        boolean police = e.resolution().assessment().handling().value().equals("POLICE");
        boolean faceToFace = allowed.stream().anyMatch(c -> c.toString().equals("IN_PERSON") || c.toString().equals("PHONE"));
        boolean letter = allowed.stream().anyMatch(c -> c.toString().equals("LETTER"));
        if (police && faceToFace) {
            return violation(name, List.of("LG-14", "L004-7"), "ANSWER_CHANNEL " + allowed + " for a police matter",
                    List.of(), List.of(ANSWER_CHANNEL), e);
        }
        if (!incident.demands().isEmpty() && (police ? !letter : !faceToFace)) {
            return violation(name, List.of("LG-14", "L004-7"), "ANSWER_CHANNEL " + allowed + " with handling "
                    + e.resolution().assessment().handling().value(), List.of(ANSWER_CHANNEL), List.of(), e);
        }
        return Optional.empty();
    }

    /**
     * LG-20: a justified complaint keeps its sincere handling whatever the means: the superior's
     * apology for our fault and, when asked for, the plan against recurrence, which is not refused.
     * A flagged caller gets no apology at all (L000-1, L000-3), so only unflagged callers are held to it.
     */
    static Optional<InvariantViolation> meritOfAJustifiedComplaintAnswered(Incident incident, Evaluation e) {
        if (incident.caseHistory().companyFault() != CompanyFault.CONFIRMED || incident.caller().flagged()) {
            return Optional.empty();
        }
        String name = "the merit of a justified complaint is answered whatever the means";
        if (!e.resolution().has(SENIOR_APOLOGY)) {
            return violation(name, List.of("LG-20", "LG-4"), "no SENIOR_APOLOGY for a confirmed fault",
                    List.of(SENIOR_APOLOGY), List.of(), e);
        }
        boolean planAsked = incident.demands().stream().anyMatch(d -> d.type() == DemandType.RECURRENCE_PREVENTION);
        if (planAsked && (!e.resolution().has(PRESENT_RECURRENCE_PREVENTION_PLAN)
                || ContractInvariants.refusedDemands(e).contains(DemandType.RECURRENCE_PREVENTION))) {
            return violation(name, List.of("LG-20", "L003-3"), "the plan against recurrence is not given, or refused",
                    List.of(PRESENT_RECURRENCE_PREVENTION_PLAN), List.of(), e);
        }
        return Optional.empty();
    }

    /**
     * LG-13: a refund in proportion to a confirmed fault of ours is not refused, and a sum grossly
     * beyond the loss is harassment however it is asked.
     */
    static Optional<InvariantViolation> moneyInProportion(Incident incident, Evaluation e) {
        CaseHistory h = incident.caseHistory();
        List<Demand> money = incident.demands().stream().filter(d -> d.type() == DemandType.MONETARY_COMPENSATION).toList();
        if (money.isEmpty() || h.damageJpy() == null) {
            return Optional.empty();
        }
        if (money.stream().anyMatch(d -> beyond(d, h, GROSS_MULTIPLE))
                && !e.resolution().assessment().harassment().value().equals("YES")) {
            return violation("money demanded grossly beyond the loss is harassment", List.of("LG-13"),
                    "harassment " + e.resolution().assessment().harassment().value(), List.of(), List.of(), e);
        }
        // The other side: a sum within the gross multiple of the loss (at least the floor) is no excessive demand.
        if (money.stream().noneMatch(d -> beyond(d, h, GROSS_MULTIPLE))
                && e.resolution().assessment().typeNames().contains("EXCESSIVE_DEMAND")) {
            return violation("money demanded within proportion to the loss is not an excessive demand", List.of("LG-13"),
                    "EXCESSIVE_DEMAND for " + money.stream().map(Demand::amountJpy).toList() + " against a loss of "
                            + h.damageJpy(), List.of(), List.of(), e);
        }
        boolean proportionate = money.stream().allMatch(d -> d.amountJpy() != null && !beyond(d, h, MONEY_MULTIPLE));
        boolean refundOwed = proportionate && h.companyFault() == CompanyFault.CONFIRMED && !incident.caller().flagged()
                && h.managementAnswer() != ManagementAnswer.REFUSED;
        if (refundOwed && ContractInvariants.refusedDemands(e).contains(DemandType.MONETARY_COMPENSATION)) {
            return violation("a proportionate refund for our confirmed fault is not refused", List.of("LG-13"),
                    "REFUSE_REQUEST MONETARY_COMPENSATION for " + money.stream().map(Demand::amountJpy).toList()
                            + " against a loss of " + h.damageJpy(), List.of(), List.of(REFUSE_REQUEST), e);
        }
        return Optional.empty();
    }

    /**
     * LG-14: the handling is stated by a rule unless it is COMPLAINT (what is left when no rule finds
     * more), follows the harassment answer, and is POLICE for violence, threats, stalking, a refusal
     * to leave once asked and callers the police have acted against.
     */
    static Optional<InvariantViolation> handlingFollowsTheJudgement(Incident incident, Evaluation e) {
        var a = e.resolution().assessment();
        String handling = a.handling().value();
        String name = "the handling follows the judgement";
        if (a.handling().rules().isEmpty() && !handling.equals("COMPLAINT")) {
            return violation(name, List.of("LG-14"), "handling " + handling + " with no rule behind it", List.of(), List.of(), e);
        }
        boolean police = incident.caller().policeInvolvement() != PoliceInvolvement.NONE && !incident.caller().blockLifted()
                || incident.conduct().stream().anyMatch(POLICE_CONDUCT::contains)
                || incident.conduct().contains(Conduct.SITTING_IN) && incident.caller().warnedBefore();
        if (police && !handling.equals("POLICE")) {
            return violation(name, List.of("LG-14", "LX-1", "L000-1"), "handling " + handling + " for a police matter",
                    List.of(), List.of(), e);
        }
        if (a.harassment().value().equals("YES") && handling.equals("COMPLAINT")) {
            return violation(name, List.of("LG-14"), "harassment YES handled as a COMPLAINT", List.of(), List.of(), e);
        }
        return Optional.empty();
    }

    private static List<ActionCode> present(Evaluation e, List<ActionCode> codes) {
        return codes.stream().filter(c -> e.resolution().has(c)).toList();
    }

    private static List<Action> actions(Evaluation e, ActionCode code) {
        return e.resolution().actions().stream().filter(a -> a.code() == code).toList();
    }

    private static Optional<InvariantViolation> violation(String invariant, Collection<String> lessons, String detail,
                                                          List<ActionCode> present, List<ActionCode> absent, Evaluation e) {
        List<String> ids = List.copyOf(new TreeSet<>(lessons));
        return Optional.of(new InvariantViolation(invariant, ids, detail + "; decided " + ContractInvariants.summary(e),
                present, absent));
    }

    static String codes(Collection<ActionCode> codes) {
        return codes.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
