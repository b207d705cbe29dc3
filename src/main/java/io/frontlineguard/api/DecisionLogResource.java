package io.frontlineguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.frontlineguard.api.v1.Problem;
import io.frontlineguard.decisionlog.DecisionLog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /v1/decisions/{decisionId}}: a decision as the decision log holds it (identifiers masked). */
@Path("/v1/decisions/{decisionId}")
public class DecisionLogResource {

    private final DecisionLog log;

    DecisionLogResource(DecisionLog log) {
        this.log = log;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The logged entry of one decision, from the current decision log file")
    @APIResponse(responseCode = "200", description = "The log entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DecisionLogEntry")))
    @APIResponse(responseCode = "404", description = "Not in the current log file, or the log is off",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public JsonNode get(@PathParam("decisionId") String decisionId) {
        if (!log.enabled()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "the decision log is off on this server");
        }
        return log.find(decisionId).orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND,
                "no decision with this id in the current decision log file"));
    }
}
