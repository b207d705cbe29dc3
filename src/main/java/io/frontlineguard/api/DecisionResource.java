package io.frontlineguard.api;

import io.frontlineguard.api.v1.DecisionResponse;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.memory.MemoryDecisions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /v1/decisions}. The body is taken as bytes and read by {@link IncidentReader}, not
 * bound by Jackson, so that every bad field is reported at once and nothing unchecked reaches the rules.
 */
@Path("/v1/decisions")
public class DecisionResource {

    private final MemoryDecisions decisions;
    private final IncidentReader reader = new IncidentReader();
    private final BodyLimit limit;

    DecisionResource(MemoryDecisions decisions, BodyLimit limit) {
        this.decisions = decisions;
        this.limit = limit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public DecisionResponse decide(byte[] body, @Context HttpHeaders headers, @QueryParam("record") String record) {
        limit.check(body, false);
        return DecisionResponse.of(decisions.decide(reader.read(body), Recording.of(record)), Language.of(headers));
    }
}
