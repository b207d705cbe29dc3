package io.frontlineguard.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.Caller;
import io.frontlineguard.incident.CallerKind;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.Channel;
import io.frontlineguard.incident.CompanyFault;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Handler;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.ManagementAnswer;
import io.frontlineguard.incident.PoliceInvolvement;
import io.frontlineguard.incident.Role;
import io.frontlineguard.incident.Severity;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ScenarioPrinterTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime NIGHT = OffsetDateTime.parse("2026-11-23T21:00:00+09:00");

    private static Incident incident(Caller caller, List<Demand> demands) {
        return new Incident(null, NIGHT, Channel.PHONE, "call-center", caller, List.of(), demands,
                new CaseHistory(NIGHT, 0, 1, 0, CompanyFault.UNKNOWN, false, ManagementAnswer.NONE, Severity.MEDIUM),
                new Handler(null, Role.OPERATOR, false));
    }

    private static Caller caller(String callerId, PoliceInvolvement police) {
        return new Caller(callerId, CallerKind.CONSUMER, false, 0, true, true, police, false, null, false);
    }

    private static Demand reasonedVisitNow() {
        return new Demand(DemandType.VISIT, false, true, null, null, null, null, null, null, 21);
    }

    @Test
    void shouldPrintOnlyWhatDiffersFromTheContractDefaults() {
        Incident arrested = incident(caller(null, PoliceInvolvement.ARRESTED), List.of(reasonedVisitNow()));

        String scenario = ScenarioPrinter.scenario("no visit between 20:00 and 08:00", List.of("L004-8"), arrested,
                List.of(), List.of(ActionCode.ALLOW_VISIT));

        assertEquals("""
                - name: "property counterexample: no visit between 20:00 and 08:00"
                  lessons: [L004-8]
                  incident:
                    occurredAt: "2026-11-23T21:00:00+09:00"
                    channel: PHONE
                    department: call-center
                    caller: {policeInvolvement: ARRESTED}
                    demands: [{type: VISIT, reasonGiven: true}]
                  absent: [ALLOW_VISIT]
                """, scenario);
    }

    @Test
    void shouldPrintValidYamlWithTheScenarioKeys() throws Exception {
        Incident arrested = incident(caller(null, PoliceInvolvement.ARRESTED), List.of(reasonedVisitNow()));

        JsonNode scenarios = YAML.readTree(ScenarioPrinter.scenario("night", List.of("L004-4", "L004-8"), arrested,
                List.of(ActionCode.POSTPONE_VISIT), List.of(ActionCode.ALLOW_VISIT)));

        assertEquals(1, scenarios.size());
        JsonNode s = scenarios.get(0);
        assertEquals(List.of("name", "lessons", "incident", "expect", "absent"), fieldNames(s));
        assertEquals("property counterexample: night", s.get("name").asText());
        assertEquals(JSON.readTree("[\"L004-4\", \"L004-8\"]"), s.get("lessons"));
        assertEquals(List.of("occurredAt", "channel", "department", "caller", "demands"), fieldNames(s.get("incident")));
        assertEquals("ARRESTED", s.at("/incident/caller/policeInvolvement").asText());
        assertEquals(JSON.readTree("{\"type\": \"VISIT\", \"reasonGiven\": true}"), s.at("/incident/demands/0"));
        assertEquals("POSTPONE_VISIT", s.at("/expect/0").asText());
        assertEquals("ALLOW_VISIT", s.at("/absent/0").asText());
    }

    @Test
    void shouldQuoteStringsThatYamlWouldReadAsSomethingElse() throws Exception {
        Incident tricky = new Incident("#1: [a, b]", NIGHT, Channel.SNS, "no", caller("true", PoliceInvolvement.NONE),
                List.of(), List.of(), new CaseHistory(NIGHT.minusDays(31), 31, 1, 0, CompanyFault.UNKNOWN, false,
                ManagementAnswer.NONE, Severity.MEDIUM), new Handler("007", Role.OPERATOR, false));

        JsonNode body = YAML.readTree(ScenarioPrinter.scenario("quoting", List.of("L001-3"), tricky, List.of(),
                List.of())).get(0).get("incident");

        assertEquals("#1: [a, b]", body.get("incidentId").textValue());
        assertEquals("no", body.get("department").textValue());
        assertEquals("true", body.at("/caller/callerId").textValue());
        assertEquals("007", body.at("/handler/employeeId").textValue());
        assertEquals("2026-10-23T21:00:00+09:00", body.at("/caseHistory/openedAt").textValue());
        assertFalse(body.get("caseHistory").has("ageDays"), "ageDays is derived, clients never send it");
    }

    /** Whatever the generators produce, the printed scenario reads back as exactly the request body. */
    @Property(tries = 1_000)
    void shouldReadBackAnyIncidentAsItsRequestBody(@ForAll("incidents") Incident incident) throws Exception {
        JsonNode printed = YAML.readTree(ScenarioPrinter.scenario("round trip", List.of("L002-3"), incident,
                List.of(), List.of())).get(0).get("incident");

        JsonNode expected = JSON.readTree(JSON.writeValueAsString(ScenarioPrinter.requestBody(incident)));
        assertEquals(expected, JSON.readTree(JSON.writeValueAsString(printed)));
        assertNull(printed.findValue("visitHour"), "visitHour is derived, clients never send it");
        assertNull(printed.findValue("ageDays"), "ageDays is derived, clients never send it");
    }

    @Provide
    Arbitrary<Incident> incidents() {
        return IncidentArbitraries.incidents();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
