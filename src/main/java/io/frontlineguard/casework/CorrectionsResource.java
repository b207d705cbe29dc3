package io.frontlineguard.casework;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.api.v1.FieldError;
import io.frontlineguard.incident.ContractBodies;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.memory.Corrections;
import io.frontlineguard.memory.Memory;
import io.frontlineguard.memory.MemoryStore.Change;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/callers/{callerId}/corrections}: a case officer corrects a wrong fact (a false
 * "arrested") with a reason. The fact changes for every later decision, a client repeating the
 * old value does not bring it back, and the change log keeps the value before and after. Roles
 * case-officer or admin, like every /v1/callers path. A block is not corrected but lifted.
 */
@Path("/v1/callers/{callerId}/corrections")
@Produces(MediaType.APPLICATION_JSON)
public class CorrectionsResource {

    private static final Logger LOG = Logger.getLogger(CorrectionsResource.class);

    private final Memory memory;
    private final SecurityIdentity identity;

    CorrectionsResource(Memory memory, SecurityIdentity identity) {
        this.memory = memory;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CallerView correct(@PathParam("callerId") String callerId, byte[] body) {
        if (!memory.enabled()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "case memory is off (guard.memory.enabled=false)");
        }
        JsonNode correction = valid(body);
        String fact = correction.get("fact").textValue();
        String value = correction.get("value").isBoolean() ? String.valueOf(correction.get("value").booleanValue())
                : correction.get("value").asText();
        List<String> allowed = Corrections.VALUES.get(fact);
        if (!allowed.contains(value)) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "a correction of " + fact + " takes one of " + allowed,
                    List.of(new FieldError("value", "UNKNOWN_ENUM_VALUE", "is not a value of " + fact, allowed)));
        }
        String actor = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        if (callerId.length() > 128) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "a caller id has at most 128 characters");
        }
        String key = memory.currentPseudonym(callerId);
        var before = memory.store().correct(key, fact, value, new Change(actor, "CORRECT",
                correction.get("reason").textValue(), null, Map.of()));
        if (before.isEmpty()) {
            throw new ProblemException(ErrorCode.UNKNOWN_CALLER, "case memory holds nothing on this caller");
        }
        LOG.infof("case memory: %s corrected %s of one caller from %s to %s", actor, fact, before.get(), value);
        return memory.store().caller(memory.pseudonyms(callerId)).map(r -> CallerView.of(key, r)).orElseThrow();
    }

    private static JsonNode valid(byte[] body) {
        try {
            return ContractBodies.validated(body, "Correction");
        } catch (InvalidIncidentException e) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST,
                    e.violations().size() + " problem(s) in the request; see errors", FieldError.of(e.violations()));
        }
    }
}
