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
        int minInvestigators) {

    /** Whether a visit at this local hour falls in the night window, which wraps past midnight. */
    public boolean isNight(int hour) {
        if (hour < 0) {
            return false;
        }
        return nightStartsHour > nightEndsHour
                ? hour >= nightStartsHour || hour < nightEndsHour
                : hour >= nightStartsHour && hour < nightEndsHour;
    }
}
