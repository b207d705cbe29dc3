package io.frontlineguard.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.api.v1.FieldError;
import io.frontlineguard.incident.ContractBodies;
import io.frontlineguard.incident.InvalidIncidentException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The approvals of case memory's executive acts: everyone who works on case memory (case officers,
 * executives, admins; application.properties) sees what waits and what was decided lately; only
 * the role executive decides, and never on their own request.
 */
@Path("/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalsResource {

    private final Approvals approvals;
    private final SecurityIdentity identity;

    ApprovalsResource(Approvals approvals, SecurityIdentity identity) {
        this.approvals = approvals;
        this.identity = identity;
    }

    @GET
    public Approval.Listing list() {
        return approvals.list();
    }

    /**
     * No body is needed; one that is sent must be a JSON object without fields, so that an
     * {@code approvedBy} or any other name typed in is refused rather than silently ignored.
     */
    @POST
    @Path("{id}/approve")
    public Approval approve(@PathParam("id") String id, byte[] body) {
        String approver = approver("approve");
        if (body != null && body.length > 0) {
            valid(body, "ApprovalConsent");
        }
        return approvals.approve(checked(id), approver);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Approval reject(@PathParam("id") String id, byte[] body) {
        String decider = approver("reject");
        JsonNode rejection = valid(body, "ApprovalRejection");
        return approvals.reject(checked(id), decider, rejection.get("reason").textValue());
    }

    /** The requester takes their own open request back, with a reason; any role that may ask may withdraw. */
    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public Approval withdraw(@PathParam("id") String id, byte[] body) {
        JsonNode withdrawal = valid(body, "ApprovalRejection");
        return approvals.withdraw(checked(id), identity.getPrincipal().getName(), withdrawal.get("reason").textValue());
    }

    private String approver(String act) {
        if (!identity.hasRole(Approvals.APPROVER_ROLE)) {
            throw new ProblemException(ErrorCode.EXECUTIVE_APPROVAL_REQUIRED, "only a user with the role executive may "
                    + act + " a lift or an erasure (lesson L000-3); " + identity.getPrincipal().getName() + " has not that role");
        }
        return identity.getPrincipal().getName();
    }

    private static String checked(String id) {
        if (id.length() > 40) {
            throw new ProblemException(ErrorCode.UNKNOWN_APPROVAL, "no approval has this id");
        }
        return id;
    }

    private static JsonNode valid(byte[] body, String schema) {
        try {
            return ContractBodies.validated(body, schema);
        } catch (InvalidIncidentException e) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST,
                    e.violations().size() + " problem(s) in the request; see errors", FieldError.of(e.violations()));
        }
    }
}
