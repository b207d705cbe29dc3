package io.frontlineguard.incident;

import java.time.OffsetDateTime;

/**
 * One thing the caller asks for. Fields that do not belong to the demand's type are null.
 * {@code visitHour} is the hour of the visit at the incident's own offset (the requested time,
 * or {@code occurredAt} when the visit is demanded now or no time is given), or -1 for other types;
 * the night rule compares it with the thresholds.
 */
public record Demand(
        DemandType type,
        boolean immediate,
        boolean reasonGiven,
        OffsetDateTime requestedFor,
        Place place,
        Double distanceKm,
        String employeeId,
        Long amountJpy,
        Integer intervalDays,
        int visitHour) {
}
