package io.frontlineguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.api.v1.BatchResponse;
import io.frontlineguard.api.v1.BatchResult;
import io.frontlineguard.api.v1.DecisionResponse;
import io.frontlineguard.api.v1.Problem;
import io.frontlineguard.decision.DecisionService;
import io.frontlineguard.decision.DecisionTimeoutException;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.incident.Violation;
import io.frontlineguard.incident.ViolationCode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/decisions:batch}: {@code {"incidents": [...]}} with up to {@value #MAX_ITEMS}
 * incidents. Each item is read, decided and logged exactly like a single request; a bad item gets
 * its own problem in its slot and does not affect the others. Only a body that is not a batch at
 * all (malformed JSON, no {@code incidents} array, too many items) is refused as a whole.
 */
/* The colon path sits on "/v1": a class path of "/v1/decisions:batch" would compete with DecisionResource. */
@Path("/v1")
public class BatchDecisionResource {

    public static final int MAX_ITEMS = 1000;
    private static final Logger LOG = Logger.getLogger(BatchDecisionResource.class);

    private final DecisionService decisions;
    private final IncidentReader reader = new IncidentReader();
    private final BodyLimit limit;

    BatchDecisionResource(DecisionService decisions, BodyLimit limit) {
        this.decisions = decisions;
        this.limit = limit;
    }

    @POST
    @Path("decisions:batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide up to 1,000 incidents; one result per incident, in order")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "BatchRequest")))
    @APIResponse(responseCode = "200", description = "One result per incident: a decision or that item's problem",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BatchResponse")))
    @APIResponse(responseCode = "400", description = "Not a batch: malformed JSON, no incidents array, over 1,000 items",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "Body over guard.http.max-batch-body-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public BatchResponse decide(byte[] body, @Context HttpHeaders headers) {
        limit.check(body, true);
        List<JsonNode> items = items(body);
        String language = Language.of(headers);
        List<BatchResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            results.add(decideOne(i, items.get(i), language));
        }
        return new BatchResponse(results);
    }

    private BatchResult decideOne(int index, JsonNode item, String language) {
        try {
            return BatchResult.decided(index, DecisionResponse.of(decisions.decide(reader.read(item)), language));
        } catch (InvalidIncidentException e) {
            return BatchResult.refused(index, Problem.of(ErrorCode.INVALID_INCIDENT,
                    e.violations().size() + " problem(s) in incidents[" + index + "]; see errors", e.violations()));
        } catch (DecisionTimeoutException e) {
            return BatchResult.refused(index, Problem.of(ErrorCode.DECISION_TIMEOUT, timeoutDetail(e)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure while deciding batch item %d", index);
            return BatchResult.refused(index, Problem.of(ErrorCode.INTERNAL_ERROR,
                    "this incident could not be decided; the failure is logged"));
        }
    }

    static String timeoutDetail(DecisionTimeoutException e) {
        return "decision " + e.decisionId() + " did not finish within " + e.deadline().toMillis()
                + " ms (guard.decision.deadline); nothing was decided, the attempt is logged";
    }

    private static List<JsonNode> items(byte[] body) {
        JsonNode root;
        try {
            root = IncidentReader.parse(body);
        } catch (InvalidIncidentException e) {
            throw refused("the body is not valid JSON", e.violations());
        }
        List<Violation> errors = new ArrayList<>();
        if (!root.isObject()) {
            throw refused("the body must be an object {\"incidents\": [...]}",
                    List.of(violation("", ViolationCode.INVALID_TYPE, "must be an object with an 'incidents' array")));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("incidents")) {
                errors.add(new Violation(name, ViolationCode.UNKNOWN_FIELD, "is not a batch field", List.of("incidents")));
            }
        }
        JsonNode incidents = root.get("incidents");
        if (incidents == null || incidents.isNull()) {
            errors.add(violation("incidents", ViolationCode.MISSING_FIELD, "is required"));
        } else if (!incidents.isArray()) {
            errors.add(violation("incidents", ViolationCode.INVALID_TYPE, "must be an array of incidents"));
        } else if (incidents.size() > MAX_ITEMS) {
            errors.add(violation("incidents", ViolationCode.OUT_OF_RANGE,
                    "has " + incidents.size() + " items; at most " + MAX_ITEMS + " per batch"));
        }
        if (!errors.isEmpty()) {
            throw refused("the body is not a valid batch", errors);
        }
        List<JsonNode> items = new ArrayList<>(incidents.size());
        incidents.forEach(items::add);
        return items;
    }

    private static Violation violation(String path, ViolationCode code, String message) {
        return new Violation(path, code, message, List.of());
    }

    private static ProblemException refused(String detail, List<Violation> errors) {
        return new ProblemException(ErrorCode.INVALID_BATCH, detail + "; see errors", errors);
    }
}
