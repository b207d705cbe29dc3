package io.frontlineguard.memory;

import java.time.OffsetDateTime;

/** One row of the ledger as read back: what one system asserted about one subject, and when it was received. */
record LedgerEntry(long id, char subjectType, String subject, String callerKey, String kind, String facts,
                   String detail, String assertedBy, String department, OffsetDateTime receivedAt,
                   OffsetDateTime occurredAt, String decisionId, String incidentKey, Long covers) {

    static final char PERSON = 'P';
    static final char CASE = 'C';

    /** Where the entry stands in the order of receipt: a snapshot stands where the rows it folds end. */
    long position() {
        return covers != null ? covers : id;
    }

    boolean snapshot() {
        return "SNAPSHOT".equals(kind);
    }

    /** The source of what a person (not a decision) asserted with this entry. */
    Source personSource() {
        return new Source(department == null ? "casework" : department, null, receivedAt, assertedBy, receivedAt, null);
    }
}
