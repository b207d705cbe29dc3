package io.frontlineguard.memory;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.decision.Action;
import io.frontlineguard.decision.Decision;
import io.frontlineguard.decision.DecisionService;
import io.frontlineguard.decision.MemoryUse;
import io.frontlineguard.incident.Incident;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * A decision with case memory: one read transaction for what memory holds on the incident's
 * caller and case, the rules on the combined facts, one write transaction for what the request
 * reported and the decision established. An incident with neither a caller id nor a case id has
 * nothing to remember and is decided from its request alone.
 */
@ApplicationScoped
public class MemoryDecisions {

    private final DecisionService decisions;
    private final Memory memory;
    private final Counter unavailable;

    MemoryDecisions(DecisionService decisions, Memory memory, MeterRegistry meters) {
        this.decisions = decisions;
        this.memory = memory;
        this.unavailable = Counter.builder("guard.memory.unavailable")
                .description("Decisions refused with 503 MEMORY_UNAVAILABLE because the store did not answer")
                .register(meters);
    }

    /** Whether deciding {@code reported} reads or writes case memory, and so waits for the store. */
    public boolean remembers(Incident reported) {
        return memory.enabled() && (reported.caller().callerId() != null || reported.caseId() != null);
    }

    /** An incident memory has nothing on, decided without a thread waiting for it (see {@link #remembers}). */
    public CompletionStage<Decision> decideFromRequest(Incident reported) {
        return decisions.decideAsync(reported);
    }

    /** {@code record=false} decides with memory but writes nothing: for what-if questions and tools. */
    public Decision decide(Incident reported, boolean record) {
        if (!remembers(reported)) {
            return decisions.decide(reported);
        }
        String decisionId = UUID.randomUUID().toString();
        String callerKey = memory.pseudonym(reported.caller().callerId());
        try {
            MemoryStore.Recalled read = memory.store().recall(callerKey, reported.caseId(), reported.incidentId());
            if (read.prior().isPresent()) {
                MemoryStore.Prior prior = read.prior().get();
                if (!prior.requestDigest().equals(digest(reported))) {
                    throw new IncidentIdReusedException(reported.incidentId(), prior.decisionId());
                }
                Recall.Recalled again = memory.recall().apply(reported, prior.recollection());
                return decisions.decide(decisionId, again.incident(), again.remembered(), MemoryUse.RETRY);
            }
            Recall.Recalled merged = memory.recall().apply(reported, read.recollection());
            Decision decision = decisions.decide(decisionId, merged.incident(), merged.remembered(),
                    record ? MemoryUse.RECORDED : MemoryUse.WHAT_IF);
            if (record) {
                memory.store().record(Contribution.of(reported, decisionId, codes(decision), memory::pseudonym),
                        reported.incidentId(), reported.incidentId() == null ? null : digest(reported), read.recollection());
            }
            return decision;
        } catch (MemoryUnavailableException e) {
            unavailable.increment();
            throw e;
        }
    }

    /** Only requests that carry an incident id are told apart from retries, so only they pay for the digest. */
    private String digest(Incident reported) {
        return memory.digest(MemoryJson.digestForm(reported));
    }

    private static Set<ActionCode> codes(Decision decision) {
        Set<ActionCode> codes = EnumSet.noneOf(ActionCode.class);
        for (Action a : decision.resolution().actions()) {
            codes.add(a.code());
        }
        return codes;
    }
}
