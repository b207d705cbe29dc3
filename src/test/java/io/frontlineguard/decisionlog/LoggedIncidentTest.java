package io.frontlineguard.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.decision.Decision;
import io.frontlineguard.decision.Evaluation;
import io.frontlineguard.decision.MemoryUse;
import io.frontlineguard.incident.Caller;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.Handler;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.incident.Remembered;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A logged request reads back as exactly the facts the rules saw, memory's included. */
class LoggedIncidentTest {

    private static final PersonalIdMasker MASKER = new PersonalIdMasker("a-test-key-that-is-long-enough-for-hmac");

    @Test
    void shouldReadBackExactlyTheFactsTheRulesSawWithIdsAsPseudonyms() throws Exception {
        Incident reported = new IncidentReader().read(("{\"incidentId\": \"L-1\", \"caseId\": \"C-1\","
                + " \"occurredAt\": \"2026-06-10T11:00:00+09:00\", \"channel\": \"PHONE\", \"department\": \"sales\","
                + " \"caller\": {\"callerId\": \"X\", \"policeInvolvement\": \"WARNED\"}, \"conduct\": [\"THREAT\"],"
                + " \"handler\": {\"employeeId\": \"op-7\", \"role\": \"LEADER\"},"
                + " \"demands\": [{\"type\": \"VISIT\", \"requestedFor\": \"2026-06-11T15:00:00+09:00\", \"distanceKm\": 3.5},"
                + " {\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"op-7\"}]}").getBytes(StandardCharsets.UTF_8));
        CaseHistory h = reported.caseHistory();
        Incident seen = reported.withFacts(reported.caller(), List.of(reported.demands().get(0),
                        reported.demands().get(1).namedBefore(true)),
                new CaseHistory(h.openedAt().minusDays(40), 40, 7, 90, h.companyFault(), true, h.managementAnswer(),
                        h.severity(), 2, true),
                new Handler("op-7", reported.handler().role(), true, true));
        Decision d = new Decision("d-1", seen, "sha256:0", Evaluation.none(Duration.ofMillis(5)),
                List.of(new Remembered("caseHistory.otherDepartments", 2, "call-center", "d-0", h.openedAt())), MemoryUse.RECORDED);
        String line = new EntryFormatter(MASKER).format(d, 0, false);

        Incident replayed = LoggedIncident.read(new ObjectMapper().readTree(line));

        Caller c = seen.caller();
        Incident expected = new Incident(seen.incidentId(), seen.occurredAt(), seen.channel(), seen.department(),
                new Caller(MASKER.mask("X"), c.kind(), c.keyAccount(), c.relationshipYears(), c.reachable(), c.identified(),
                        c.policeInvolvement(), c.blocked(), c.flaggedByDepartment(), c.warnedBefore()),
                seen.conduct(), List.of(seen.demands().get(0), new io.frontlineguard.incident.Demand(
                        seen.demands().get(1).type(), false, false, null, null, null, MASKER.mask("op-7"), null, null, -1, true)),
                seen.caseHistory(), new Handler(MASKER.mask("op-7"), seen.handler().role(), true, true), "C-1");
        assertEquals(expected, replayed);
        assertTrue(LoggedIncident.isLogEntry(new ObjectMapper().readTree(line)));
        assertFalse(LoggedIncident.isLogEntry(new ObjectMapper().readTree("{\"request\": {}}")));
        assertTrue(line.contains("\"memory\":\"RECORDED\""));
        assertTrue(line.contains("\"remembered\":[{\"fact\":\"caseHistory.otherDepartments\",\"value\":2"));
    }
}
