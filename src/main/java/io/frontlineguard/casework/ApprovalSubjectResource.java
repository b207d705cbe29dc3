package io.frontlineguard.casework;

import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.approval.Approvals;
import io.frontlineguard.memory.CallerRecord;
import io.frontlineguard.memory.Memory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * What an approver decides on: the caller an approval is about, as memory holds them now. Found
 * by the approval's pseudonym, so an executive never needs the caller's id in clear.
 */
@Path("/v1/approvals/{approvalId}/caller")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalSubjectResource {

    private final Memory memory;
    private final Approvals approvals;

    ApprovalSubjectResource(Memory memory, Approvals approvals) {
        this.memory = memory;
        this.approvals = approvals;
    }

    @GET
    public CallerView caller(@PathParam("approvalId") String approvalId) {
        String key = approvals.find(approvalId).subject();
        Optional<CallerRecord> caller = key == null ? Optional.empty() : memory.store().caller(key);
        return caller.map(r -> CallerView.of(key, r)).orElseThrow(() -> new ProblemException(ErrorCode.UNKNOWN_CALLER,
                "case memory holds nothing on this caller any more (erased or purged)"));
    }
}
