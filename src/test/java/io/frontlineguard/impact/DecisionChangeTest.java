package io.frontlineguard.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.decision.Action;
import io.frontlineguard.decision.Answer;
import io.frontlineguard.decision.Assessment;
import io.frontlineguard.impact.LoggedDecision.DecidedAction;
import io.frontlineguard.impact.LoggedDecision.Judged;
import io.frontlineguard.incident.Role;
import io.frontlineguard.ruleset.RuleInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of change, decided from a logged decision and what a candidate answered for it. */
class DecisionChangeTest {

    private static final RuleInfo ESCALATES = rule("Escalate threats");
    private static final RuleInfo HARASSMENT = rule("A threat is harassment");

    private static RuleInfo rule(String name) {
        return new RuleInfo(name, "x.drl", 1, List.of("LG-1"), Map.of());
    }

    private static LoggedDecision logged(List<DecidedAction> actions, String handling, List<String> assessmentRules) {
        return new LoggedDecision("d-1", Instant.EPOCH, "sha256:0", "I-1", null, "sales", "hmac:ab", null, false, null, actions,
                new Judged(handling, "YES", "UNKNOWN", "NO", List.of("THREAT"), assessmentRules));
    }

    private static Assessment judged(String handling) {
        Answer none = new Answer("UNKNOWN", List.of());
        return new Assessment(new Answer(handling, List.of(HARASSMENT)), new Answer("YES", List.of(HARASSMENT)), none,
                new Answer("NO", List.of(HARASSMENT)), List.of(new Answer("THREAT", List.of(HARASSMENT))));
    }

    @Test
    void shouldFindARemovedActionAndAChangedHandlingWithTheRulesOfEach() {
        LoggedDecision was = logged(List.of(new DecidedAction("ESCALATE", "{\"to\":\"MANAGER\"}", List.of(ESCALATES.name())),
                new DecidedAction("RECORD_EVIDENCE", "{}", List.of("Record threats"))), "HARASSMENT", List.of(HARASSMENT.name()));
        List<Action> now = List.of(new Action(ActionCode.ESCALATE, Map.of("to", Role.MANAGER), List.of(ESCALATES)));

        DecisionChange change = DecisionChange.of(was, now, judged("COMPLAINT"));

        assertEquals(Map.of(ChangeKind.ACTION_REMOVED, List.of("- RECORD_EVIDENCE from [Record threats]"),
                ChangeKind.HANDLING_CHANGED, List.of("handling HARASSMENT → COMPLAINT")), change.lines());
        assertEquals(Map.of(ChangeKind.ACTION_REMOVED, List.of("Record threats"),
                ChangeKind.HANDLING_CHANGED, List.of(HARASSMENT.name())), change.rules());
    }

    @Test
    void shouldTellParamsChangedFromAddedAndSeeNoChangeInEqualDecisions() {
        LoggedDecision was = logged(List.of(new DecidedAction("ESCALATE", "{\"to\":\"SUPERVISOR\"}", List.of(ESCALATES.name()))),
                "HARASSMENT", List.of(HARASSMENT.name()));
        List<Action> now = List.of(new Action(ActionCode.ESCALATE, Map.of("to", Role.MANAGER), List.of(ESCALATES)),
                new Action(ActionCode.REFUSE_REQUEST, Map.of("demand", io.frontlineguard.incident.DemandType.VISIT), List.of(ESCALATES)));

        DecisionChange change = DecisionChange.of(was, now, judged("HARASSMENT"));

        assertEquals(Map.of(ChangeKind.ACTION_ADDED, List.of("+ REFUSE_REQUEST {\"demand\":\"VISIT\"} from [Escalate threats]"),
                ChangeKind.PARAMS_CHANGED, List.of("~ ESCALATE {\"to\":\"SUPERVISOR\"} → {\"to\":\"MANAGER\"}")), change.lines());
        LoggedDecision same = logged(List.of(new DecidedAction("ESCALATE", "{\"to\":\"MANAGER\"}", List.of(ESCALATES.name()))),
                "HARASSMENT", List.of(HARASSMENT.name()));
        assertFalse(DecisionChange.of(same, now.subList(0, 1), judged("HARASSMENT")).changed());
    }

    /** The service sorted an exclusion list by clear ids; the replay has only pseudonyms. The same set is no change. */
    @Test
    void shouldTakeAListParamAsASetWhateverItsOrder() throws Exception {
        com.fasterxml.jackson.databind.JsonNode asLogged = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"minRole\": \"MANAGER\", \"exclude\": [\"hmac:6d\", \"hmac:61\"]}");
        LoggedDecision was = logged(List.of(new DecidedAction("REASSIGN_HANDLER", Canonical.json(asLogged),
                List.of(ESCALATES.name()))), "HARASSMENT", List.of(HARASSMENT.name()));
        List<Action> now = List.of(new Action(ActionCode.REASSIGN_HANDLER,
                Map.of("minRole", Role.MANAGER, "exclude", List.of("hmac:61", "hmac:6d")), List.of(ESCALATES)));

        assertFalse(DecisionChange.of(was, now, judged("HARASSMENT")).changed());
    }
}
