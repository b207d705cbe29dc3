package io.frontlineguard.casework;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.api.v1.FieldError;
import io.frontlineguard.incident.ContractBodies;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.Role;
import io.frontlineguard.memory.CallerMemory;
import io.frontlineguard.memory.Memory;
import io.frontlineguard.memory.MemoryStore.Change;
import io.frontlineguard.memory.Source;
import io.frontlineguard.memory.Sourced;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Case officers' view of memory: read one caller, add a flag from outside, lift a block with an
 * executive's approval, erase a person. Roles case-officer or admin (application.properties).
 * Every change is written to the store's change log in the same transaction, and to the service log.
 */
@Path("/v1/callers/{callerId}")
@Produces(MediaType.APPLICATION_JSON)
public class CallersResource {

    private static final Logger LOG = Logger.getLogger(CallersResource.class);
    private static final Clock CLOCK = Clock.systemUTC();

    private final Memory memory;
    private final SecurityIdentity identity;

    CallersResource(Memory memory, SecurityIdentity identity) {
        this.memory = memory;
        this.identity = identity;
    }

    @GET
    public CallerView get(@PathParam("callerId") String callerId) {
        String key = key(callerId);
        return memory.store().caller(memory.pseudonyms(callerId)).map(r -> CallerView.of(key, r))
                .orElseThrow(() -> unknown());
    }

    @POST
    @Path("flags")
    @Consumes(MediaType.APPLICATION_JSON)
    public CallerView flag(@PathParam("callerId") String callerId, byte[] body) {
        String key = key(callerId);
        JsonNode flag = valid(body, "CallerFlag");
        Source source = new Source(flag.get("source").textValue(), null, now());
        String kind = flag.get("flag").textValue();
        CallerMemory added = switch (kind) {
            case "BLOCKED" -> new CallerMemory(null, source, null, Map.of());
            case "WARNED" -> new CallerMemory(null, null, source, Map.of());
            default -> new CallerMemory(Sourced.of(PoliceInvolvement.valueOf(flag.get("policeInvolvement").textValue()),
                    source), null, null, Map.of());
        };
        memory.store().flag(key, added, change("FLAG", flag.get("reason").textValue(), null,
                Map.of("flag", kind, "source", source.department())));
        LOG.infof("case memory: %s flagged caller %s as %s (source %s)", actor(), key, kind, source.department());
        return get(callerId);
    }

    @POST
    @Path("block/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    public CallerView liftBlock(@PathParam("callerId") String callerId, byte[] body) {
        String key = key(callerId);
        JsonNode lift = valid(body, "BlockLift");
        JsonNode approval = lift.get("approval");
        if (Role.valueOf(approval.get("role").textValue()) != Role.EXECUTIVE) {
            throw new ProblemException(ErrorCode.EXECUTIVE_APPROVAL_REQUIRED, "a block set by the front line is lifted"
                    + " only with the approval of the executive in charge (lesson L000-3), not of a "
                    + approval.get("role").textValue());
        }
        String approvedBy = approval.get("approvedBy").textValue();
        if (!memory.store().liftBlock(key, change("LIFT_BLOCK", lift.get("reason").textValue(), approvedBy, Map.of()))) {
            throw memory.store().caller(key).isPresent()
                    ? new ProblemException(ErrorCode.INVALID_REQUEST, "this caller is not blocked; there is nothing to lift")
                    : unknown();
        }
        LOG.infof("case memory: %s lifted the block on caller %s, approved by %s", actor(), key, approvedBy);
        return get(callerId);
    }

    @DELETE
    public Erasure erase(@PathParam("callerId") String callerId, @QueryParam("reason") String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "an erasure needs a reason (?reason=…)",
                    List.of(new FieldError("reason", "MISSING_FIELD", "is required: why the data is erased", List.of())));
        }
        String key = key(callerId);
        if (memory.store().caller(memory.pseudonyms(callerId)).isEmpty()) {
            throw unknown();
        }
        int removed = memory.store().erase(memory.pseudonyms(callerId), change("ERASE", reason, null, Map.of()));
        LOG.infof("case memory: %s erased one caller's records (%d rows)", actor(), removed);
        return new Erasure(removed);
    }

    /** What an erasure removed; nothing in it identifies the person. */
    public record Erasure(int erased) {
    }

    private String key(String callerId) {
        if (!memory.enabled()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "case memory is off (guard.memory.enabled=false)");
        }
        if (callerId.length() > 128) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "a caller id has at most 128 characters");
        }
        return memory.currentPseudonym(callerId);
    }

    private static JsonNode valid(byte[] body, String schema) {
        try {
            return ContractBodies.validated(body, schema);
        } catch (InvalidIncidentException e) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST,
                    e.violations().size() + " problem(s) in the request; see errors", FieldError.of(e.violations()));
        }
    }

    private Change change(String what, String reason, String approvedBy, Map<String, Object> detail) {
        return new Change(actor(), what, reason, approvedBy, detail);
    }

    private String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(CLOCK).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static ProblemException unknown() {
        return new ProblemException(ErrorCode.UNKNOWN_CALLER, "case memory holds nothing on this caller");
    }
}
