package io.frontlineguard.memory;

import java.time.OffsetDateTime;
import java.util.List;

/** One caller's memory as a case officer reads it: flags, cases with their contacts, and the changes people made. */
public record CallerRecord(CallerMemory caller, List<CaseRecord> cases, List<ChangeRecord> changes) {

    public record CaseRecord(String caseId, CaseMemory facts, List<ContactRecord> contacts) {
    }

    public record ContactRecord(String incidentId, String department, OffsetDateTime occurredAt, String decisionId) {
    }

    public record ChangeRecord(OffsetDateTime at, String actor, String change, String reason, String approvedBy) {
    }
}
