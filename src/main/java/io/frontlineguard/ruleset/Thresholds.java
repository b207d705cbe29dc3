package io.frontlineguard.ruleset;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The policy parameters, read from {@code thresholds.yaml} in the rules folder and inserted as a
 * fact, so policy authors change a number in one place and every rule that uses it follows.
 * Every key is required: a forgotten key must fail the build of the rule set, not default silently.
 */
public record Thresholds(
        @JsonProperty(required = true) int nightStartsHour,
        @JsonProperty(required = true) int nightEndsHour,
        @JsonProperty(required = true) int longCaseDays,
        @JsonProperty(required = true) int longContactMinutes,
        @JsonProperty(required = true) int repeatedContacts,
        @JsonProperty(required = true) int contactsAfterWarningToBlock,
        @JsonProperty(required = true) int longStandingClientYears,
        @JsonProperty(required = true) int keyClientResponseHours,
        @JsonProperty(required = true) int minVisitStaff,
        @JsonProperty(required = true) int flaggedMeetingStaff,
        @JsonProperty(required = true) int minInvestigators) {

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
