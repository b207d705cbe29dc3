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
        boolean warnedBefore,
        boolean blockLifted) {

    /**
     * As a request states the caller: {@code blockLifted} is never the client's to say. Case memory
     * sets it when an executive-approved lift covers every flag known of the caller (README "Case memory").
     */
    public Caller(String callerId, CallerKind kind, boolean keyAccount, double relationshipYears, boolean reachable,
                  boolean identified, PoliceInvolvement policeInvolvement, boolean blocked, String flaggedByDepartment,
                  boolean warnedBefore) {
        this(callerId, kind, keyAccount, relationshipYears, reachable, identified, policeInvolvement, blocked,
                flaggedByDepartment, warnedBefore, false);
    }

    /** Police action or an existing block: the caller is no longer treated as an ordinary customer. */
    public boolean flagged() {
        return blocked || policeInvolvement != PoliceInvolvement.NONE;
    }
}
