package io.frontlineguard.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.Channel;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Role;
import io.frontlineguard.ruleset.RuleInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private final Resolver resolver = new Resolver();

    private static Candidate candidate(String rule, ActionCode code, Object... params) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], code.params().get(params[i]).normalize(params[i + 1]));
        }
        return new Candidate(code, p, new RuleInfo(rule, "t.drl", 1, List.of("L-" + rule), Map.of("en", rule)));
    }

    private static Action only(Resolution r, ActionCode code) {
        List<Action> found = r.actions().stream().filter(a -> a.code() == code).toList();
        assertEquals(1, found.size(), "exactly one " + code + " in " + r.actions());
        return found.get(0);
    }

    @Test
    void shouldKeepOnlyRefuseVisitAndReportTheOthersAsOverridden() {
        Resolution r = resolver.resolve(List.of(
                candidate("allow", ActionCode.ALLOW_VISIT),
                candidate("postpone", ActionCode.POSTPONE_VISIT),
                candidate("refuse", ActionCode.REFUSE_VISIT)));
        assertEquals(List.of(ActionCode.REFUSE_VISIT), r.actions().stream().map(Action::code).toList());
        assertEquals(2, r.overridden().size());
        r.overridden().forEach(o -> assertEquals(ActionCode.REFUSE_VISIT, o.replacedBy().code()));
    }

    @Test
    void shouldPreferPostponeOverAllow() {
        Resolution r = resolver.resolve(List.of(
                candidate("allow", ActionCode.ALLOW_VISIT), candidate("postpone", ActionCode.POSTPONE_VISIT)));
        assertTrue(r.has(ActionCode.POSTPONE_VISIT));
        assertEquals(ActionCode.ALLOW_VISIT, r.overridden().get(0).action().code());
    }

    @Test
    void shouldRemoveEveryApologyWhenNoApologyIsDecided() {
        Resolution r = resolver.resolve(List.of(
                candidate("sorry", ActionCode.APOLOGIZE_FOR_INCONVENIENCE),
                candidate("senior", ActionCode.SENIOR_APOLOGY, "role", "SUPERVISOR"),
                candidate("none", ActionCode.NO_APOLOGY)));
        assertEquals(List.of(ActionCode.NO_APOLOGY), r.actions().stream().map(Action::code).toList());
        assertEquals(2, r.overridden().size());
    }

    @Test
    void shouldReportApologiesReplacedByARemovedApologyAsReplacedByNoApology() {
        Resolution r = resolver.resolve(List.of(
                candidate("supervisor", ActionCode.SENIOR_APOLOGY, "role", "SUPERVISOR"),
                candidate("manager", ActionCode.SENIOR_APOLOGY, "role", "MANAGER"),
                candidate("none", ActionCode.NO_APOLOGY)));
        assertEquals(List.of(ActionCode.NO_APOLOGY), r.actions().stream().map(Action::code).toList());
        assertEquals(2, r.overridden().size());
        r.overridden().forEach(o -> assertEquals(r.actions().get(0), o.replacedBy(), o.action() + " replaced by"));
    }

    /** LG-22: the warning is the step before the stop; once the contact is stopped it is moot and reported as replaced. */
    @Test
    void shouldDropAWarningBesideAnEndedBlockedOrReportedContact() {
        for (ActionCode stop : List.of(ActionCode.END_CONTACT, ActionCode.BLOCK_CALLER, ActionCode.NOTIFY_POLICE)) {
            Resolution r = resolver.resolve(List.of(candidate("warn", ActionCode.WARN_CALLER), candidate("stop", stop)));
            assertEquals(List.of(stop), r.actions().stream().map(Action::code).toList());
            assertEquals(1, r.overridden().size(), r.overridden()::toString);
            assertEquals(ActionCode.WARN_CALLER, r.overridden().get(0).action().code());
            assertEquals(stop, r.overridden().get(0).replacedBy().code());
        }
    }

    @Test
    void shouldKeepAWarningWhenNothingStopsTheContact() {
        Resolution r = resolver.resolve(List.of(candidate("warn", ActionCode.WARN_CALLER),
                candidate("escalate", ActionCode.ESCALATE, "to", "MANAGER")));
        assertTrue(r.has(ActionCode.WARN_CALLER));
        assertTrue(r.overridden().isEmpty());
    }

    @Test
    void shouldKeepOneEscalationToTheHighestRole() {
        Resolution r = resolver.resolve(List.of(
                candidate("manager", ActionCode.ESCALATE, "to", "MANAGER"),
                candidate("executive", ActionCode.ESCALATE, "to", "EXECUTIVE"),
                candidate("supervisor", ActionCode.ESCALATE, "to", "SUPERVISOR")));
        Action escalate = only(r, ActionCode.ESCALATE);
        assertEquals(Role.EXECUTIVE, escalate.params().get("to"));
        assertEquals(List.of("executive"), escalate.ruleNames());
        assertEquals(2, r.overridden().size());
    }

    @Test
    void shouldMergeReassignmentsToHighestRoleAndUniteExclusions() {
        Resolution r = resolver.resolve(List.of(
                candidate("a", ActionCode.REASSIGN_HANDLER, "minRole", "LEADER", "exclude", "E2"),
                candidate("b", ActionCode.REASSIGN_HANDLER, "minRole", "MANAGER", "exclude", "E1"),
                candidate("c", ActionCode.REASSIGN_HANDLER, "minRole", "LEADER", "exclude", "E1")));
        Action reassign = only(r, ActionCode.REASSIGN_HANDLER);
        assertEquals(Role.MANAGER, reassign.params().get("minRole"));
        assertEquals(List.of("E1", "E2"), reassign.params().get("exclude"));
    }

    @Test
    void shouldKeepLargestAttendanceAndShortestDeadline() {
        Resolution r = resolver.resolve(List.of(
                candidate("two", ActionCode.REQUIRE_TWO_PERSON_ATTENDANCE, "minPeople", 2),
                candidate("three", ActionCode.REQUIRE_TWO_PERSON_ATTENDANCE, "minPeople", 3),
                candidate("day", ActionCode.RESPOND_WITHIN, "hours", 24),
                candidate("hours", ActionCode.RESPOND_WITHIN, "hours", 4)));
        assertEquals(3, only(r, ActionCode.REQUIRE_TWO_PERSON_ATTENDANCE).params().get("minPeople"));
        assertEquals(4, only(r, ActionCode.RESPOND_WITHIN).params().get("hours"));
    }

    @Test
    void shouldKeepOneRefusalPerDemandTypeWithAllItsRules() {
        Resolution r = resolver.resolve(List.of(
                candidate("x", ActionCode.REFUSE_REQUEST, "demand", "RESUME_SERVICE"),
                candidate("y", ActionCode.REFUSE_REQUEST, "demand", "RESUME_SERVICE"),
                candidate("z", ActionCode.REFUSE_REQUEST, "demand", "VISIT")));
        List<Action> refusals = r.actions().stream().filter(a -> a.code() == ActionCode.REFUSE_REQUEST).toList();
        assertEquals(2, refusals.size());
        Action resume = refusals.stream().filter(a -> a.params().get("demand") == DemandType.RESUME_SERVICE).findFirst().orElseThrow();
        assertEquals(List.of("x", "y"), resume.ruleNames());
        assertEquals(List.of("L-x", "L-y"), resume.lessons());
    }

    @Test
    void shouldOrderActionsByTheContractsCodeOrder() {
        Resolution r = resolver.resolve(List.of(
                candidate("care", ActionCode.EMPLOYEE_CARE),
                candidate("channel", ActionCode.ANSWER_CHANNEL, "allowed", "IN_PERSON, PHONE"),
                candidate("escalate", ActionCode.ESCALATE, "to", "MANAGER")));
        assertEquals(List.of(ActionCode.ESCALATE, ActionCode.ANSWER_CHANNEL, ActionCode.EMPLOYEE_CARE),
                r.actions().stream().map(Action::code).toList());
        assertEquals(List.of(Channel.IN_PERSON, Channel.PHONE), r.actions().get(1).params().get("allowed"));
    }

    @Test
    void shouldGiveAnOverriddenReassignmentThatNamedNobodyAnEmptyExclusionList() {
        // A chosen handler demanded with no employee id: the weaker reassignment excludes nobody.
        Resolution r = resolver.resolve(List.of(
                candidate("choice", ActionCode.REASSIGN_HANDLER, "minRole", "LEADER"),
                candidate("targeted", ActionCode.REASSIGN_HANDLER, "minRole", "MANAGER", "exclude", "op-1")));
        assertEquals(List.of("op-1"), only(r, ActionCode.REASSIGN_HANDLER).params().get("exclude"));
        assertEquals(1, r.overridden().size());
        assertEquals(List.of(), r.overridden().get(0).action().params().get("exclude"));
    }
}
