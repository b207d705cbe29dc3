package io.frontlineguard.casework;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.api.v1.FieldError;
import io.frontlineguard.approval.Approval;
import io.frontlineguard.approval.Approvals;
import io.frontlineguard.incident.ContractBodies;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.incident.PersonIds;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.ViolationCode;
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
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Case officers' view of memory: read one caller, add a flag from outside, ask for a block to be
 * lifted, erase a person (a flagged one only with an executive's approval, see {@link Approvals}).
 * Roles case-officer or admin (application.properties).
 * Every change is written to the store's change log in the same transaction, and to the service log.
 */
@Path("/v1/callers/{callerId}")
@Produces(MediaType.APPLICATION_JSON)
public class CallersResource {

    private static final Logger LOG = Logger.getLogger(CallersResource.class);
    private static final Clock CLOCK = Clock.systemUTC();

    private final Memory memory;
    private final Approvals approvals;
    private final SecurityIdentity identity;

    CallersResource(Memory memory, Approvals approvals, SecurityIdentity identity) {
        this.memory = memory;
        this.approvals = approvals;
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

    /**
     * Asks for a block to be lifted. Nothing changes yet: a second person with the role executive
     * approves through /v1/approvals (lesson L000-3), and the lift is carried out then.
     */
    @POST
    @Path("block/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response liftBlock(@PathParam("callerId") String callerId, byte[] body) {
        String key = key(callerId);
        JsonNode lift = liftRequest(body);
        CallerMemory facts = memory.store().caller(key).orElseThrow(CallersResource::unknown).caller();
        if (facts.blocked() == null) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "this caller is not blocked; there is nothing to lift");
        }
        Approval asked = approvals.request(Approval.What.LIFT_BLOCK, key, actor(), lift.get("reason").textValue(),
                liftedBlocks(lift, facts));
        return Response.status(Response.Status.ACCEPTED).entity(asked).build();
    }

    /**
     * Erases a person. A caller who is blocked or known to the police is erased only once an
     * executive approves, as a lift is: an erasure would undo the block too.
     */
    @DELETE
    public Response erase(@PathParam("callerId") String callerId, @QueryParam("reason") String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "an erasure needs a reason (?reason=…)",
                    List.of(new FieldError("reason", "MISSING_FIELD", "is required: why the data is erased", List.of())));
        }
        String key = key(callerId);
        CallerMemory facts = memory.store().caller(key).orElseThrow(CallersResource::unknown).caller();
        if (needsApproval(facts)) {
            Approval asked = approvals.request(Approval.What.ERASE, key, actor(), reason);
            return Response.status(Response.Status.ACCEPTED).entity(asked).build();
        }
        int removed = memory.store().erase(key, change("ERASE", reason, null, Map.of()));
        approvals.forget(key);
        LOG.infof("case memory: %s erased one caller's records (%d rows)", actor(), removed);
        return Response.ok(new Erasure(removed)).build();
    }

    private static boolean needsApproval(CallerMemory facts) {
        return facts.blocked() != null
                || (facts.police() != null && facts.police().value() != PoliceInvolvement.NONE);
    }

    /**
     * The blocks a lift lifts, fixed now so the approver approves what they see: the one its
     * {@code source} names, or every block there is now. A block another source sets later is not
     * lifted by this approval.
     */
    private static List<String> liftedBlocks(JsonNode lift, CallerMemory facts) {
        List<String> blocking = List.copyOf(facts.blocks().keySet());
        if (!lift.has("source")) {
            return blocking;
        }
        String source = lift.get("source").textValue();
        if (!blocking.contains(source)) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "no block of this caller comes from " + source
                    + "; the caller is blocked by " + String.join(", ", blocking),
                    List.of(new FieldError("source", "UNKNOWN_ENUM_VALUE", "does not block this caller", blocking)));
        }
        return List.of(source);
    }

    /** The lift's body; an approval typed into it is refused with how approvals are given now. */
    private static JsonNode liftRequest(byte[] body) {
        try {
            return ContractBodies.validated(body, "BlockLift");
        } catch (InvalidIncidentException e) {
            if (e.violations().stream().anyMatch(v -> v.path().equals("approval"))) {
                throw new ProblemException(ErrorCode.INVALID_REQUEST, "an approval is no longer a name in the request:"
                        + " send only the reason; the answer (202) is a pending approval, and a second person with the"
                        + " role executive approves it with POST /v1/approvals/{id}/approve", FieldError.of(e.violations()));
            }
            throw invalid(e);
        }
    }

    /** What an erasure removed; nothing in it identifies the person. */
    public record Erasure(int erased) {
    }

    private String key(String callerId) {
        if (!memory.enabled()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "case memory is off (guard.memory.enabled=false)");
        }
        if (callerId.codePointCount(0, callerId.length()) > 128) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "a caller id has at most 128 characters");
        }
        PersonIds.unusable(callerId).ifPresent(reason -> {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "the caller id in the path " + reason,
                    List.of(new FieldError("callerId", ViolationCode.INVALID_ID.name(), reason, List.of())));
        });
        return memory.currentPseudonym(callerId);
    }

    private static JsonNode valid(byte[] body, String schema) {
        try {
            return ContractBodies.validated(body, schema);
        } catch (InvalidIncidentException e) {
            throw invalid(e);
        }
    }

    private static ProblemException invalid(InvalidIncidentException e) {
        return new ProblemException(ErrorCode.INVALID_REQUEST,
                e.violations().size() + " problem(s) in the request; see errors", FieldError.of(e.violations()));
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
