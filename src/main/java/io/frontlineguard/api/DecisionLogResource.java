package io.frontlineguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.decisionlog.DecisionLog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/decisions/{decisionId}}: a decision as the decision log holds it (identifiers masked). */
@Path("/v1/decisions/{decisionId}")
public class DecisionLogResource {

    private final DecisionLog log;

    DecisionLogResource(DecisionLog log) {
        this.log = log;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode get(@PathParam("decisionId") String decisionId) {
        if (!log.enabled()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "the decision log is off on this server");
        }
        if (!log.searchable()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "this server writes the decision log to standard output"
                    + " (guard.decision-log.target=stdout): look the decision up where the log pipeline stores it");
        }
        return log.find(decisionId).orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND,
                "no decision with this id in the current decision log file"));
    }
}
