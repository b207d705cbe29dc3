package io.frontlineguard.decision;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.action.ParamType;
import io.frontlineguard.assessment.Acceptability;
import io.frontlineguard.assessment.AssessmentField;
import io.frontlineguard.assessment.BehaviourType;
import io.frontlineguard.assessment.Handling;
import io.frontlineguard.assessment.Harassment;
import io.frontlineguard.assessment.Judgement;
import io.frontlineguard.assessment.Justification;
import io.frontlineguard.ruleset.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * The DRL global {@code actions}: the only thing a rule's consequence may touch. It learns which
 * rule is firing from the agenda, so a consequence is just {@code actions.emit("REFUSE_VISIT")}
 * and the explanation comes from that rule's metadata. A sink belongs to one pooled session and
 * serves one evaluation at a time; {@link #takeCandidates}, {@link #takeFindings} and {@link #takeFired} hand
 * over and clear.
 */
public final class ActionSink extends DefaultAgendaEventListener {

    private final Map<String, RuleInfo> rules;
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> fired = new ArrayList<>();
    private RuleInfo current;
    /**
     * The judgement so far, kept as the answers arrive (issue 32): per field the strongest answer's
     * position in its list (lower is stronger), and the types found as bits in the type list's order.
     * A stage then costs no pass over every finding, and an unchanged judgement is the same object.
     */
    private final int[] strongest = new int[AssessmentField.values().length];
    private long typesFound;
    private Judgement judgement;

    public ActionSink(Map<String, RuleInfo> rules) {
        this.rules = rules;
        forgetJudgement();
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        String name = event.getMatch().getRule().getName();
        current = rules.get(name);
        if (current == null) {
            throw new IllegalStateException("rule '" + name + "' is not in the compiled catalogue");
        }
        fired.add(name);
    }

    /** Proposes an action; {@code params} alternate name and value, e.g. {@code "to", "EXECUTIVE"}. */
    public void emit(String code, Object... params) {
        if (current == null) {
            // Without the agenda telling us the rule, the action would carry no explanation.
            throw new IllegalStateException("actions.emit(" + code + ") outside a rule consequence");
        }
        if (!ActionCode.isKnown(code)) {
            throw new IllegalArgumentException("rule '" + current.name() + "' emits unknown action code " + code);
        }
        ActionCode action = ActionCode.valueOf(code);
        candidates.add(new Candidate(action, canonical(action, params), current));
    }

    /**
     * Answers one part of the assessment, e.g. {@code assess("harassment", "YES")} or
     * {@code assess("types", "THREAT")}; the explanation is again the firing rule's.
     */
    public void assess(String field, String value) {
        if (current == null) {
            throw new IllegalStateException("actions.assess(" + field + ") outside a rule consequence");
        }
        AssessmentField f = AssessmentField.byWireName(field).orElseThrow(() -> new IllegalArgumentException(
                "rule '" + current.name() + "' assesses unknown field " + field));
        findings.add(new Finding(f, value, current));
        strengthen(f, f.strength(value));
    }

    /** Keeps the answer if it is stronger than the field's so far; a type found anew is kept too. */
    private void strengthen(AssessmentField field, int strength) {
        if (field.collects()) {
            long bit = 1L << strength;
            if ((typesFound & bit) == 0) {
                typesFound |= bit;
                judgement = null;
            }
        } else if (strength < strongest[field.ordinal()]) {
            strongest[field.ordinal()] = strength;
            judgement = null;
        }
    }

    /**
     * The answers given so far as the fact the next stage reads. As long as no answer strengthened,
     * this is the very object returned last time, so the engine can tell that a stage changed nothing.
     */
    Judgement judgementSoFar() {
        if (judgement == null) {
            List<BehaviourType> types = new ArrayList<>(Long.bitCount(typesFound));
            for (long left = typesFound; left != 0; left &= left - 1) {
                types.add(TYPES[Long.numberOfTrailingZeros(left)]);
            }
            judgement = new Judgement(HANDLINGS[strongest[AssessmentField.HANDLING.ordinal()]],
                    HARASSMENTS[strongest[AssessmentField.HARASSMENT.ordinal()]],
                    JUSTIFICATIONS[strongest[AssessmentField.DEMAND_JUSTIFIED.ordinal()]],
                    ACCEPTABILITIES[strongest[AssessmentField.MEANS_ACCEPTABLE.ordinal()]], types);
        }
        return judgement;
    }

    // AssessmentField lists each field's values in the order of its enum, so a position is an ordinal.
    private static final Handling[] HANDLINGS = Handling.values();
    private static final Harassment[] HARASSMENTS = Harassment.values();
    private static final Justification[] JUSTIFICATIONS = Justification.values();
    private static final Acceptability[] ACCEPTABILITIES = Acceptability.values();
    private static final BehaviourType[] TYPES = BehaviourType.values();

    private void forgetJudgement() {
        for (AssessmentField f : AssessmentField.values()) {
            strongest[f.ordinal()] = f.answers().size() - 1;
        }
        typesFound = 0;
        judgement = null;
    }

    private Map<String, Object> canonical(ActionCode action, Object[] params) {
        if (params.length % 2 != 0) {
            throw new IllegalArgumentException(where(action) + "params must alternate name and value");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            String name = String.valueOf(params[i]);
            ParamType type = action.params().get(name);
            if (type == null) {
                throw new IllegalArgumentException(where(action) + "has no parameter '" + name + "'");
            }
            Object value = params[i + 1];
            // An absent employee id (not sent by the client) simply leaves the parameter out.
            if (value != null) {
                out.put(name, type.normalize(value));
            }
        }
        return out;
    }

    private String where(ActionCode action) {
        return "rule '" + current.name() + "': " + action + " ";
    }

    /** The proposals of the evaluation just finished; the sink is empty again afterwards. */
    List<Candidate> takeCandidates() {
        List<Candidate> out = List.copyOf(candidates);
        candidates.clear();
        return out;
    }

    /** The assessment answers of the evaluation just finished; the sink holds none afterwards. */
    List<Finding> takeFindings() {
        List<Finding> out = List.copyOf(findings);
        findings.clear();
        forgetJudgement();
        return out;
    }

    /** The rules fired in the evaluation just finished, in firing order; clears them. */
    List<String> takeFired() {
        List<String> out = List.copyOf(fired);
        fired.clear();
        current = null;
        return out;
    }
}
