package io.frontlineguard.assessment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a decision's assessment a rule may answer with {@code actions.assess("field", "VALUE")}.
 * Each lists its values strongest first, and the strongest answer any rule gave wins, as the
 * restrictive action does; the last value is the answer when no rule gave one. {@code types}
 * collects every behaviour type found.
 */
public enum AssessmentField {
    /** How the contact is handled: the police, the organisation's response to harassment, or a complaint. */
    HANDLING("handling", names(Handling.values())),
    /** Harassment is found, awaits the facts, or is not found. */
    HARASSMENT("harassment", names(Harassment.values())),
    /** One unjustified demand makes the demand unjustified; a confirmed fault of ours justifies it. */
    DEMAND_JUSTIFIED("demandJustified", names(Justification.values())),
    MEANS_ACCEPTABLE("meansAcceptable", names(Acceptability.values())),
    TYPES("types", names(BehaviourType.values()));

    private final String wireName;
    private final List<String> answers;

    AssessmentField(String wireName, List<String> values) {
        this.wireName = wireName;
        this.answers = values;
    }

    /** The values of the enum the {@link Judgement} fact carries for this field: one list, in one order. */
    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    public String wireName() {
        return wireName;
    }

    /** The values a rule may give, strongest first. */
    public List<String> answers() {
        return answers;
    }

    public boolean collects() {
        return this == TYPES;
    }

    /** The answer when no rule gave one; types have none. */
    public String unanswered() {
        return collects() ? null : answers.get(answers.size() - 1);
    }

    /** Lower is stronger. */
    public int strength(String value) {
        return answers.indexOf(value);
    }

    public static Optional<AssessmentField> byWireName(String name) {
        // Every actions.assess call looks its field up: a loop over five, no stream per call.
        for (AssessmentField f : values()) {
            if (f.wireName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(AssessmentField::wireName).toList();
    }
}
