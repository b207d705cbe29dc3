package io.frontlineguard.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** One caller's memory as a case officer reads it: flags, cases with their contacts, and the changes people made. */
public record CallerRecord(CallerMemory caller, List<CaseRecord> cases, List<ChangeRecord> changes) {

    /** {@code contacts} lists the latest few contacts; {@code facts.contacts} counts them all. */
    public record CaseRecord(String caseId, CaseMemory facts, List<ContactRecord> contacts) {
    }

    /** One recorded contact: the asserting system's own incident id, and who asserted it when. */
    public record ContactRecord(String incidentId, String department, OffsetDateTime occurredAt, String decisionId,
                                String assertedBy, OffsetDateTime receivedAt) {
    }

    /** A change a person made; a correction also says which fact, and its value before and after. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeRecord(OffsetDateTime at, String actor, String change, String reason, String approvedBy,
                               String fact, Object before, Object after) {
    }
}
