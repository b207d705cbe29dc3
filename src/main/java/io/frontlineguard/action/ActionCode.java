package io.frontlineguard.action;

import java.util.Map;

/**
 * The contract's closed vocabulary of actions, in the contract's order (responses list actions in
 * this order). Each code declares the parameters a rule may give it and how competing candidates
 * of the same code are merged, so the resolution step needs no per-code special cases.
 */
public enum ActionCode {
    ESCALATE(Merge.HIGHEST_ROLE, Map.of("to", ParamType.ROLE)),
    REASSIGN_HANDLER(Merge.HIGHEST_ROLE, Map.of("minRole", ParamType.ROLE, "exclude", ParamType.STRING_LIST)),
    PROTECT_TARGET_EMPLOYEE(Merge.DISTINCT, Map.of("employeeId", ParamType.STRING)),
    DENY_STAFF_SELECTION(Merge.DISTINCT, Map.of()),
    REFUSE_VISIT(Merge.DISTINCT, Map.of()),
    POSTPONE_VISIT(Merge.DISTINCT, Map.of()),
    ALLOW_VISIT(Merge.DISTINCT, Map.of()),
    REQUIRE_TWO_PERSON_ATTENDANCE(Merge.LARGEST, Map.of("minPeople", ParamType.INTEGER)),
    BLOCK_CALLER(Merge.DISTINCT, Map.of()),
    SHARE_FLAG_COMPANYWIDE(Merge.DISTINCT, Map.of()),
    REFUSE_REQUEST(Merge.DISTINCT, Map.of("demand", ParamType.DEMAND_TYPE)),
    NO_APOLOGY(Merge.DISTINCT, Map.of()),
    APOLOGIZE_FOR_INCONVENIENCE(Merge.DISTINCT, Map.of()),
    SENIOR_APOLOGY(Merge.HIGHEST_ROLE, Map.of("role", ParamType.ROLE)),
    PRESENT_RECURRENCE_PREVENTION_PLAN(Merge.DISTINCT, Map.of()),
    RESPOND_WITHIN(Merge.SMALLEST, Map.of("hours", ParamType.INTEGER)),
    CONFIRM_DEMANDS(Merge.DISTINCT, Map.of()),
    DEFER_ANSWER(Merge.DISTINCT, Map.of()),
    INVESTIGATE(Merge.LARGEST, Map.of("minInvestigators", ParamType.INTEGER)),
    ANSWER_CHANNEL(Merge.DISTINCT, Map.of("allowed", ParamType.CHANNEL_LIST)),
    ISSUE_FINAL_ANSWER(Merge.HIGHEST_ROLE, Map.of("byRole", ParamType.ROLE)),
    RECORD_EVIDENCE(Merge.DISTINCT, Map.of()),
    NOTIFY_POLICE(Merge.DISTINCT, Map.of()),
    CONSULT_LEGAL(Merge.DISTINCT, Map.of()),
    WARN_CALLER(Merge.DISTINCT, Map.of()),
    END_CONTACT(Merge.DISTINCT, Map.of()),
    EMPLOYEE_CARE(Merge.DISTINCT, Map.of());

    /** How candidates of one code combine into the single action the response carries. */
    public enum Merge {
        /** Candidates with equal params are one action; different params stay separate actions. */
        DISTINCT,
        /** One action; the highest role parameter wins, list parameters are united. */
        HIGHEST_ROLE,
        /** One action; the largest number wins. */
        LARGEST,
        /** One action; the smallest number wins. */
        SMALLEST
    }

    private final Merge merge;
    private final Map<String, ParamType> params;

    ActionCode(Merge merge, Map<String, ParamType> params) {
        this.merge = merge;
        this.params = params;
    }

    public Merge merge() {
        return merge;
    }

    public Map<String, ParamType> params() {
        return params;
    }

    /** The parameter that decides which candidate is stronger, for the merging codes. */
    public String rankingParam() {
        return switch (this) {
            case ESCALATE -> "to";
            case REASSIGN_HANDLER -> "minRole";
            case SENIOR_APOLOGY -> "role";
            case ISSUE_FINAL_ANSWER -> "byRole";
            case REQUIRE_TWO_PERSON_ATTENDANCE -> "minPeople";
            case INVESTIGATE -> "minInvestigators";
            case RESPOND_WITHIN -> "hours";
            default -> null;
        };
    }

    public static boolean isKnown(String code) {
        for (ActionCode c : values()) {
            if (c.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
