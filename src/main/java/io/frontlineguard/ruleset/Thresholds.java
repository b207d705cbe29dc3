package io.frontlineguard.ruleset;


/**
 * The policy parameters, read from {@code thresholds.yaml} in the rules folder and inserted as a
 * fact, so policy authors change a number in one place and every rule that uses it follows.
 * Every key is required ({@link ThresholdsFile}): a forgotten key must fail the build of the rule
 * set, not default silently.
 */
public record Thresholds(
        int nightStartsHour,
        int nightEndsHour,
        int longCaseDays,
        int longContactMinutes,
        int contactEndMinutes,
        int repeatedContacts,
        int contactsAfterWarningToBlock,
        int longStandingClientYears,
        int keyClientResponseHours,
        int minVisitStaff,
        int flaggedMeetingStaff,
        int minInvestigators,
        int moneyDemandMultiple,
        int grossDemandMultiple,
        int lossFloorJpy) {

    /**
     * Whether money demanded goes beyond what the loss at stake can justify: more than
     * {@code moneyDemandMultiple} times it, the loss counted as at least {@code lossFloorJpy}. Without
     * either figure there is nothing to weigh.
     */
    public boolean beyondProportion(Long amountJpy, Long damageJpy) {
        return exceeds(amountJpy, damageJpy, moneyDemandMultiple, lossFloorJpy);
    }

    /** Whether money demanded is grossly out of proportion: more than {@code grossDemandMultiple} times the loss (at least the floor). */
    public boolean grosslyBeyondProportion(Long amountJpy, Long damageJpy) {
        return exceeds(amountJpy, damageJpy, grossDemandMultiple, lossFloorJpy);
    }

    /**
     * The static forms below are what the compiled rules call, with the thresholds as constants
     * ({@link ThresholdConstants}); the accessors above are what authors write and the lint admits.
     */
    public static boolean exceeds(Long amountJpy, Long damageJpy, int multiple, int floorJpy) {
        // A loss of 0, or next to nothing, still leaves the costs a customer bears around any complaint,
        // which the investigation's figure does not count: the loss weighed is at least the floor, so a
        // stated 0 does not make every sum excessive (issue 29, a tester's case).
        // Both are at most 10^13 (the contract's bound) and the multiple an int: the product fits a long.
        return amountJpy != null && damageJpy != null && amountJpy > Math.max(damageJpy, floorJpy) * (long) multiple;
    }

    /** Whether a visit at this local hour falls in the night window, which wraps past midnight. */
    public boolean isNight(int hour) {
        return night(hour, nightStartsHour, nightEndsHour);
    }

    /** {@link #isNight} for a night window from {@code startsHour} to {@code endsHour}. */
    public static boolean night(int hour, int startsHour, int endsHour) {
        if (hour < 0) {
            return false;
        }
        return startsHour > endsHour
                ? hour >= startsHour || hour < endsHour
                : hour >= startsHour && hour < endsHour;
    }
}
