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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(MemoryDecisions.class);
    /** One thread is plenty: re-keying and compaction are rare, and must not compete with decisions. */
    /** Subjects with housekeeping queued: a hot caller queues it once, not once per decision. */
    private final java.util.Set<String> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.Executor housekeeping = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "memory-housekeeping");
        t.setDaemon(true);
        return t;
    });

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

    /** {@code record=false} decides with memory but writes nothing; as asserted by "anonymous". */
    public Decision decide(Incident reported, boolean record) {
        return decide(reported, record, "anonymous");
    }

    /**
     * {@code record=false} decides with memory but writes nothing: for what-if questions and tools.
     * {@code system} is the authenticated calling system: what it asserts is recorded as its own,
     * its incident ids are its own, and it is shown no other system's decision ids.
     */
    public Decision decide(Incident reported, boolean record, String system) {
        if (!remembers(reported)) {
            return decisions.decide(reported, !record);
        }
        // One deadline for all this decision waits on the store: its read, then its write's queue and batch.
        long deadline = memory.writer().deadline();
        String decisionId = UUID.randomUUID().toString();
        List<String> callerKeys = memory.pseudonyms(reported.caller().callerId());
        String incidentKey = reported.incidentId() == null ? null : system + "/" + reported.incidentId();
        try {
            MemoryStore.Recalled read = memory.store().recall(callerKeys, reported.caseId(), incidentKey,
                    reported.incidentId());
            if (read.prior().isPresent()) {
                MemoryStore.Prior prior = read.prior().get();
                if (!prior.requestDigest().equals(digest(reported))) {
                    throw new IncidentIdReusedException(reported.incidentId(), prior.legacy() ? null : prior.decisionId());
                }
                Recall.Recalled again = memory.recall().apply(reported, prior.recollection(), system);
                return decisions.decide(decisionId, again.incident(), again.remembered(), MemoryUse.RETRY, !record);
            }
            if (record && !callerKeys.isEmpty() && !read.knownCaller() && !memory.newCallers().take(system)) {
                throw new NewCallerQuotaExceededException(memory.newCallers().retryAfterSeconds());
            }
            Recall.Recalled merged = memory.recall().apply(reported, read.recollection(), system);
            Decision decision = decisions.decide(decisionId, merged.incident(), merged.remembered(),
                    record ? MemoryUse.RECORDED : MemoryUse.WHAT_IF);
            if (record) {
                // Answered only once the batch it joined has committed: a 200 means recorded. Past the
                // deadline it is 503, and the batch may still commit it: then a retry is a RETRY, never a 409.
                memory.writer().record(new MemoryStore.Write(Contribution.of(reported, decisionId, codes(decision),
                                memory::pseudonym, system, OffsetDateTime.now(ZoneOffset.UTC), read.recollection().caller()),
                        incidentKey, reported.incidentId() == null ? null : digest(reported), read.recollection(), system),
                        deadline);
                afterRecording(read, callerKeys, reported.caseId());
            }
            return decision;
        } catch (MemoryUnavailableException e) {
            unavailable.increment();
            throw e;
        }
    }

    /**
     * Housekeeping a decision made necessary, off its answer's path: a caller found under an older
     * key moves to the newest, a long history is folded into a snapshot. Failures only delay it.
     */
    private void afterRecording(MemoryStore.Recalled read, List<String> callerKeys, String caseId) {
        String subject = callerKeys.isEmpty() ? "C:" + caseId : "P:" + callerKeys.get(0);
        if ((!read.staleKeys().isEmpty() || read.compactCaller() || read.compactCase()) && pending.add(subject)) {
            housekeeping.execute(() -> {
                try {
                    if (!read.staleKeys().isEmpty()) {
                        memory.store().rekey(read.staleKeys(), callerKeys.get(0));
                    }
                    if (read.compactCaller()) {
                        memory.store().compact(LedgerEntry.PERSON, callerKeys.get(0));
                    }
                    if (read.compactCase()) {
                        memory.store().compact(LedgerEntry.CASE, caseId);
                    }
                } catch (MemoryUnavailableException e) {
                    LOG.debugf("memory housekeeping postponed: %s", e.getMessage());
                } finally {
                    pending.remove(subject);
                }
            });
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
