package io.frontlineguard.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.frontlineguard.action.ParamType;
import io.frontlineguard.decision.Action;
import io.frontlineguard.decision.Decision;
import io.frontlineguard.decision.DecisionEngine;
import io.frontlineguard.decision.Evaluation;
import io.frontlineguard.decision.MemoryUse;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.incident.Remembered;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.scenario.ScenarioLoader;
import io.frontlineguard.verification.VerifiedRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision log's lines are written without Jackson since issue 32; they must stay exactly the
 * JSON Jackson wrote of {@link LogEntry}, which {@link LoggedIncident} and {@code guard diff} read
 * back. The reference below is the formatter as it was, kept here to compare with.
 */
class EntryFormatterTest {

    private static final PersonalIdMasker MASKER = new PersonalIdMasker("entry-formatter-test-key");
    private static final ObjectWriter JACKSON = JsonMapper.builder().build().writer();
    private static final long TIME = Instant.parse("2026-12-07T21:10:00.123Z").toEpochMilli();
    private static RuleSet rules;
    private static List<Incident> incidents;

    @BeforeAll
    static void load() throws Exception {
        rules = new VerifiedRules(Clock.systemUTC()).compile(Path.of("rules"));
        ObjectMapper json = new ObjectMapper();
        IncidentReader reader = new IncidentReader();
        incidents = new ArrayList<>();
        for (Scenario s : ScenarioLoader.load(FolderSnapshot.read(Path.of("rules")))) {
            incidents.add(reader.read(json.writeValueAsBytes(s.incident())));
        }
        incidents.add(reader.read(("{\"incidentId\":\"Q\\\"\\\\\\n\\t/\u00e9\u3042\\ud83d\\ude00\","
                + "\"caseId\":\"C-\\r\",\"occurredAt\":\"2026-05-01T10:00:00.5+09:00\",\"channel\":\"IN_PERSON\",\"department\":\"営業\","
                + "\"caller\":{\"callerId\":\"tel:0312345678\",\"kind\":\"BUSINESS_CLIENT\",\"relationshipYears\":12.25,"
                + "\"flaggedByDepartment\":\"x\\\"y\",\"blocked\":true,\"warnedBefore\":true},"
                + "\"caseHistory\":{\"openedAt\":\"2025-01-01T00:00:00Z\",\"damageJpy\":1000,\"contactCount\":3},"
                + "\"handler\":{\"employeeId\":\"E-1\",\"role\":\"OPERATOR\",\"targetOfAnger\":true},"
                + "\"demands\":[{\"type\":\"VISIT\",\"immediate\":true,\"place\":\"CUSTOMER_HOME\",\"distanceKm\":3.5,"
                + "\"requestedFor\":\"2026-05-01T22:00:00+09:00\"},{\"type\":\"MONETARY_COMPENSATION\",\"amountJpy\":99999},"
                + "{\"type\":\"PERIODIC_CALLBACK\",\"intervalDays\":7},{\"type\":\"APOLOGY_FROM_EMPLOYEE\",\"employeeId\":\"E-1\"}]}")
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(incidents.size() > 50, incidents.size() + " incidents");
    }

    private static Decision decided(Incident incident, List<Remembered> remembered, MemoryUse memory) {
        Evaluation evaluation = new DecisionEngine().evaluate(rules, incident);
        return new Decision("00000000-0000-0000-0000-000000000001", incident, rules.version(), evaluation, remembered, memory);
    }

    @Test
    void shouldWriteEveryScenarioDecisionExactlyAsJacksonDid() throws Exception {
        EntryFormatter formatter = new EntryFormatter(MASKER);
        int actions = 0;
        for (Incident incident : incidents) {
            Decision d = decided(incident, List.of(), MemoryUse.NOT_USED);
            actions += d.resolution().actions().size();
            assertEquals(reference(d, TIME, false), formatter.format(d, TIME, false), incident.incidentId());
            assertEquals(reference(d, TIME, true), formatter.format(d, TIME, true), incident.incidentId());
        }
        assertTrue(actions > 200, "the scenarios' decisions carry " + actions + " actions, params of every type among them");
    }

    @Test
    void shouldWriteRememberedFactsOfEveryKindAsJacksonDid() throws Exception {
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T09:00:00+09:00");
        List<Remembered> remembered = List.of(new Remembered("caseHistory.otherDepartments", 2, "call-center", "d-0", at),
                new Remembered("caller.blocked", true, "sales", "d-1", at), new Remembered("caller.flaggedByDepartment", "営業\"", null, null, null),
                new Remembered("caseHistory.damageJpy", 10_000_000_000L, "legal", "d-2", at),
                new Remembered("caller.relationshipYears", 2.5, "x", "d-3", at), new Remembered("x", null, "x", "d-4", at),
                new Remembered("control", "a\u0001b\bc\fd\u001fe\u007f", "x", "d-6", at),
                new Remembered("list", List.of("a", 1, false), "x", "d-5", at));
        EntryFormatter formatter = new EntryFormatter(MASKER);
        for (Incident incident : incidents.subList(0, 10)) {
            Decision d = decided(incident, remembered, MemoryUse.RECORDED);
            assertEquals(reference(d, TIME, false), formatter.format(d, TIME, false));
        }
        Decision zeroMillis = decided(incidents.get(0), List.of(), MemoryUse.WHAT_IF);
        long whole = Instant.parse("2026-12-07T21:10:00Z").toEpochMilli();
        assertEquals(reference(zeroMillis, whole, false), formatter.format(zeroMillis, whole, false));
    }

    @Test
    void shouldWriteATimedOutDecisionWithNoActionsAsJacksonDid() throws Exception {
        EntryFormatter formatter = new EntryFormatter(MASKER);
        Incident incident = incidents.get(incidents.size() - 1);
        Decision unfinished = new Decision("d-late", incident, rules.version(), Evaluation.none(Duration.ofMillis(50)),
                List.of(), MemoryUse.NOT_USED);
        String line = formatter.format(unfinished, TIME, true);
        assertEquals(reference(unfinished, TIME, true), line);
        assertTrue(line.contains("\"outcome\":\"TIMED_OUT\""), line);
        assertTrue(!line.contains("0312345678") && !line.contains("\"E-1\""), "personal ids are masked: " + line);
    }

    /** The formatter before issue 32: the records of the log's schema, written by Jackson. */
    private static String reference(Decision d, long epochMillis, boolean timedOut) throws Exception {
        List<LogEntry.LoggedAction> actions = new ArrayList<>();
        for (Action a : d.resolution().actions()) {
            Map<String, Object> out = new LinkedHashMap<>();
            Map<String, ParamType> types = a.code().params();
            a.params().forEach((name, value) -> out.put(name, mask(types.get(name), value)));
            actions.add(new LogEntry.LoggedAction(a.code().name(), out, a.ruleNames()));
        }
        LogEntry entry = new LogEntry(d.decisionId(), Instant.ofEpochMilli(epochMillis).toString(), d.rulesetVersion(),
                d.incident().incidentId(), null, d.memory().name(), d.whatIf() ? Boolean.TRUE : null, LoggedRequest.of(d.incident(), MASKER),
                d.remembered().stream().map(LogEntry.LoggedRemembered::of).toList(), actions,
                LogEntry.LoggedAssessment.of(d.resolution().assessment()), d.evaluation().firedRules(), d.evaluation().nanos());
        return JACKSON.writeValueAsString(timedOut ? entry.timedOut() : entry);
    }

    private static Object mask(ParamType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type == null || type == ParamType.STRING) {
            return MASKER.mask(value.toString());
        }
        if (type == ParamType.STRING_LIST && value instanceof List<?> list) {
            return list.stream().map(v -> v == null ? null : MASKER.mask(v.toString())).toList();
        }
        return value;
    }
}
