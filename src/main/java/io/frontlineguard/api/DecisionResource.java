package io.frontlineguard.api;

import io.frontlineguard.api.v1.DecisionResponse;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.callingsystem.CallingSystem;
import io.frontlineguard.callingsystem.CallingSystems;
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
     * Non-blocking: the body is read and the incident decided on the event loop, with the watchdog
     * keeping the deadline (issue 32: a sandboxed evaluation always ends, in tens of microseconds, so
     * a hand-off to another thread cost more than it protected). Only a decision that reads or writes
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
        if (!decisions.remembers(incident)) {
            return Uni.createFrom().item(DecisionResponse.of(decisions.decide(incident, recording, system.name()), language));
        }
        return Uni.createFrom().item(() -> decisions.decide(incident, recording, system.name()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(d -> DecisionResponse.of(d, language));
    }
}
