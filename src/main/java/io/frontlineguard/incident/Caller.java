package io.frontlineguard.incident;

/** The person behind the contact, as the calling system knows them. */
public record Caller(
        String callerId,
        CallerKind kind,
        boolean keyAccount,
        double relationshipYears,
        boolean reachable,
        boolean identified,
        PoliceInvolvement policeInvolvement,
        boolean blocked,
        String flaggedByDepartment,
        boolean warnedBefore) {

    /** Police action or an existing block: the caller is no longer treated as an ordinary customer. */
    public boolean flagged() {
        return blocked || policeInvolvement != PoliceInvolvement.NONE;
    }
}
