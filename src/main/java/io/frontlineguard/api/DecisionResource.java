package io.frontlineguard.api;

import io.frontlineguard.api.v1.DecisionResponse;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.callingsystem.CallingSystem;
import io.frontlineguard.callingsystem.CallingSystems;
import io.frontlineguard.decision.Decision;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.memory.MemoryDecisions;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
    private final CallingSystems callingSystems;

    DecisionResource(MemoryDecisions decisions, BodyLimit limit, CallingSystems callingSystems) {
        this.decisions = decisions;
        this.limit = limit;
        this.callingSystems = callingSystems;
    }

    /**
     * Non-blocking: the body is read on the event loop and the evaluation goes from there straight
     * to an evaluation thread, which also writes the answer. Only a decision that reads or writes
     * case memory waits for the store, so only it takes a worker thread.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DecisionResponse> decide(byte[] body, @Context HttpHeaders headers, @QueryParam("record") String record) {
        limit.check(body, false);
        Incident incident = reader.read(body);
        CallingSystem system = callingSystems.current();
        if (!system.mayDecideFor(incident.department())) {
            throw new ProblemException(ErrorCode.DEPARTMENT_NOT_ALLOWED, system.refusal(incident.department()));
        }
        boolean recording = Recording.of(record);
        String language = Language.of(headers);
        Uni<Decision> decision = decisions.remembers(incident)
                ? Uni.createFrom().item(() -> decisions.decide(incident, recording, system.name()))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                : Uni.createFrom().completionStage(decisions.decideFromRequest(incident));
        return decision.map(d -> DecisionResponse.of(d, language));
    }
}
