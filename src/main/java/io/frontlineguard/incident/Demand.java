package io.frontlineguard.incident;

import java.time.OffsetDateTime;

/**
 * One thing the caller asks for. Fields that do not belong to the demand's type are null.
 * {@code visitHour} is the hour of the visit at the incident's own offset (the requested time,
 * or {@code occurredAt} when the visit is demanded now or no time is given), or -1 for other types;
 * the night rule compares it with the thresholds. {@code namedBefore} comes from case memory: the
 * employee this demand names was demanded by name on an earlier contact of the case.
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
        int visitHour,
        boolean namedBefore) {

    public Demand(DemandType type, boolean immediate, boolean reasonGiven, OffsetDateTime requestedFor, Place place,
                  Double distanceKm, String employeeId, Long amountJpy, Integer intervalDays, int visitHour) {
        this(type, immediate, reasonGiven, requestedFor, place, distanceKm, employeeId, amountJpy, intervalDays,
                visitHour, false);
    }

    public Demand namedBefore(boolean named) {
        return new Demand(type, immediate, reasonGiven, requestedFor, place, distanceKm, employeeId, amountJpy,
                intervalDays, visitHour, named);
    }
}
