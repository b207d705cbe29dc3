package io.frontlineguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.api.v1.BatchResponse;
import io.frontlineguard.api.v1.BatchResult;
import io.frontlineguard.api.v1.DecisionResponse;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.api.v1.FieldError;
import io.frontlineguard.api.v1.Problem;
import io.frontlineguard.callingsystem.CallingSystem;
import io.frontlineguard.callingsystem.CallingSystems;
import io.frontlineguard.decision.DecisionTimeoutException;
import io.frontlineguard.incident.BatchEnvelope;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.incident.InvalidIncidentException;
import io.frontlineguard.memory.IncidentIdReusedException;
import io.frontlineguard.memory.MemoryDecisions;
import io.frontlineguard.memory.MemoryUnavailableException;
import io.frontlineguard.memory.NewCallerQuotaExceededException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/decisions:batch}: {@code {"incidents": [...]}} with up to 1,000
 * incidents (the contract's BatchEnvelope). Each item is read, decided and logged exactly like a single request; a bad item gets
 * its own problem in its slot and does not affect the others. Only a body that is not a batch at
 * all (malformed JSON, no {@code incidents} array, too many items) is refused as a whole.
 */
/* The colon path sits on "/v1": a class path of "/v1/decisions:batch" would compete with DecisionResource. */
@Path("/v1")
public class BatchDecisionResource {

    private static final Logger LOG = Logger.getLogger(BatchDecisionResource.class);

    private final MemoryDecisions decisions;
    private final IncidentReader reader = new IncidentReader();
    private final BodyLimit limit;
    private final CallingSystems callingSystems;

    BatchDecisionResource(MemoryDecisions decisions, BodyLimit limit, CallingSystems callingSystems) {
        this.decisions = decisions;
        this.limit = limit;
        this.callingSystems = callingSystems;
    }

    @POST
    @Path("decisions:batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public BatchResponse decide(byte[] body, @Context HttpHeaders headers, @QueryParam("record") String record) {
        limit.check(body, true);
        boolean recording = Recording.of(record);
        List<JsonNode> items = items(body);
        refuseForeignDepartments(items);
        String language = Language.of(headers);
        List<BatchResult> results = new ArrayList<>(items.size());
        String system = callingSystems.current().name();
        for (int i = 0; i < items.size(); i++) {
            results.add(decideOne(i, items.get(i), language, recording, system));
        }
        return new BatchResponse(results);
    }

    /**
     * The whole batch is refused before anything is decided when one incident names a department
     * the calling system may not speak for: a partial answer would already have recorded the rest.
     * An incident without a department is left to validation, which refuses it on its own.
     */
    private void refuseForeignDepartments(List<JsonNode> items) {
        CallingSystem system = callingSystems.current();
        for (int i = 0; i < items.size(); i++) {
            JsonNode department = items.get(i).path("department");
            if (department.isTextual() && !system.mayDecideFor(department.asText())) {
                throw new ProblemException(ErrorCode.DEPARTMENT_NOT_ALLOWED,
                        "incidents[" + i + "]: " + system.refusal(department.asText()) + " in this batch");
            }
        }
    }

    private BatchResult decideOne(int index, JsonNode item, String language, boolean record, String system) {
        try {
            return BatchResult.decided(index, DecisionResponse.of(decisions.decide(reader.read(item), record, system),
                    language));
        } catch (InvalidIncidentException e) {
            return BatchResult.refused(index, Problem.of(ErrorCode.INVALID_INCIDENT,
                    e.violations().size() + " problem(s) in incidents[" + index + "]; see errors", FieldError.of(e.violations())));
        } catch (DecisionTimeoutException e) {
            return BatchResult.refused(index, Problem.of(ErrorCode.DECISION_TIMEOUT, timeoutDetail(e)));
        } catch (MemoryUnavailableException e) {
            return BatchResult.refused(index, Problem.of(ErrorCode.MEMORY_UNAVAILABLE, MEMORY_UNAVAILABLE));
        } catch (IncidentIdReusedException e) {
            return BatchResult.refused(index, Problem.of(ErrorCode.INCIDENT_ID_REUSED, reusedDetail(e)));
        } catch (NewCallerQuotaExceededException e) {
            return BatchResult.refused(index, Problem.of(ErrorCode.NEW_CALLER_QUOTA_EXCEEDED, NEW_CALLER_QUOTA));
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure while deciding batch item %d", index);
            return BatchResult.refused(index, Problem.of(ErrorCode.INTERNAL_ERROR,
                    "this incident could not be decided; the failure is logged"));
        }
    }

    static final String MEMORY_UNAVAILABLE = "case memory did not answer, so this incident was not decided: a"
            + " decision without it could undo another department's block; retry with the same incidentId";

    static String reusedDetail(IncidentIdReusedException e) {
        return "incidentId " + e.incidentId() + " was recorded with a different request"
                + (e.firstDecisionId() == null ? "" : " (decision " + e.firstDecisionId() + ")")
                + "; a retry must repeat the request unchanged, a new contact needs a new incidentId";
    }

    static final String NEW_CALLER_QUOTA = "this calling system brought more new callers into case memory this minute"
            + " than guard.memory.new-callers-per-minute allows; nothing was recorded, retry after Retry-After seconds";

    static String timeoutDetail(DecisionTimeoutException e) {
        return "decision " + e.decisionId() + " did not finish within " + e.deadline().toMillis()
                + " ms (guard.decision.deadline); nothing was decided, the attempt is logged";
    }

    private static List<JsonNode> items(byte[] body) {
        try {
            return BatchEnvelope.items(IncidentReader.parse(body));
        } catch (InvalidIncidentException e) {
            throw new ProblemException(ErrorCode.INVALID_BATCH, "the body is not a valid batch; see errors",
                    FieldError.of(e.violations()));
        }
    }
}
