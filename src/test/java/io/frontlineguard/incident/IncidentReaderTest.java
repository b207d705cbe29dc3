package io.frontlineguard.incident;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentReaderTest {

    private static final String OCCURRED_AT = "2026-11-23T10:15:00+09:00";
    private static final String REQUIRED = """
            "occurredAt": "2026-11-23T10:15:00+09:00", "channel": "PHONE", "department": "call-center"
            """.strip();

    private final IncidentReader reader = new IncidentReader();

    // ---- helpers -------------------------------------------------------------------------------

    private Incident read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid body with the required fields plus the given extra members. */
    private static String body(String extraMembers) {
        return "{" + REQUIRED + (extraMembers.isBlank() ? "" : ", " + extraMembers) + "}";
    }

    private static String demand(String demandJson) {
        return body("\"demands\": [" + demandJson + "]");
    }

    private List<Violation> violations(String json) {
        return assertThrows(InvalidIncidentException.class, () -> read(json)).violations();
    }

    private Violation onlyViolation(String json) {
        List<Violation> found = violations(json);
        assertEquals(1, found.size(), () -> "expected exactly one violation, got " + found);
        return found.get(0);
    }

    private static void assertViolation(Violation v, String path, ViolationCode code) {
        assertAll(
                () -> assertEquals(path, v.path(), "path"),
                () -> assertEquals(code, v.code(), "code"),
                () -> assertFalse(v.message().isBlank(), "message"));
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    private static void assertNoJavaLeak(String message) {
        for (String leak : List.of("com.fasterxml", "java.", "Exception", "`", "Source", "\tat ")) {
            assertFalse(message.contains(leak), () -> "message leaks '" + leak + "': " + message);
        }
    }

    // ---- the body as JSON ------------------------------------------------------------------------

    @Nested
    class Parsing {

        @Test
        void shouldRejectMalformedJsonWithLineAndColumnButNoJavaNames() {
            Violation v = onlyViolation("{\n  \"occurredAt\": \"x\",\n  }");

            assertViolation(v, "", ViolationCode.MALFORMED_JSON);
            assertTrue(v.message().contains("line 3"), v.message());
            assertTrue(v.message().contains("column 3"), v.message());
            assertNoJavaLeak(v.message());
        }

        @Test
        void shouldRejectUnterminatedObjectWithoutLeakingSourceDescription() {
            Violation v = onlyViolation("{\"occurredAt\": \"" + OCCURRED_AT + "\"");

            assertViolation(v, "", ViolationCode.MALFORMED_JSON);
            assertTrue(v.message().contains("line 1"), v.message());
            assertNoJavaLeak(v.message());
        }

        @Test
        void shouldRejectNonStandardNaNTokenWithoutNamingJacksonFeatures() {
            Violation v = onlyViolation(body("\"caller\": {\"relationshipYears\": NaN}"));

            assertViolation(v, "", ViolationCode.MALFORMED_JSON);
            assertNoJavaLeak(v.message());
        }

        @Test
        void shouldRejectAbsurdNestingWithALocationAndWithoutJavaNames() {
            Violation v = onlyViolation("{\"caller\": " + "[".repeat(2000));

            assertViolation(v, "", ViolationCode.MALFORMED_JSON);
            assertTrue(v.message().contains("line 1, column"), v.message());
            assertTrue(v.message().contains("nesting depth"), v.message());
            assertNoJavaLeak(v.message());
        }

        @Test
        void shouldRejectInvalidUtf8() {
            byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
            InvalidIncidentException e = assertThrows(InvalidIncidentException.class, () -> reader.read(body));

            assertViolation(e.violations().get(0), "", ViolationCode.MALFORMED_JSON);
            assertTrue(e.violations().get(0).message().contains("UTF-8"), e.violations().get(0).message());
        }

        @Test
        void shouldRejectEmptyBody() {
            for (String empty : List.of("", "  \r\n\t ")) {
                Violation v = onlyViolation(empty);
                assertViolation(v, "", ViolationCode.MALFORMED_JSON);
                assertTrue(v.message().contains("empty body"), v.message());
            }
            InvalidIncidentException nullBody = assertThrows(InvalidIncidentException.class, () -> reader.read((byte[]) null));
            assertEquals(ViolationCode.MALFORMED_JSON, nullBody.violations().get(0).code());
        }

        @Test
        void shouldRejectContentAfterTheObject() {
            Violation v = onlyViolation(body("") + " {}");

            assertViolation(v, "", ViolationCode.MALFORMED_JSON);
            assertTrue(v.message().contains("after"), v.message());
        }

        @Test
        void shouldRejectDuplicateTopLevelKeyNamingIt() {
            Violation v = onlyViolation(body("\"channel\": \"EMAIL\""));

            assertViolation(v, "channel", ViolationCode.DUPLICATE_FIELD);
            assertTrue(v.message().contains("more than once"), v.message());
        }

        @Test
        void shouldRejectDuplicateKeyInsideADemandNamingTheIndexedPath() {
            Violation v = onlyViolation(body("\"demands\": [{\"type\": \"VISIT\"}, {\"type\": \"VISIT\", \"type\": \"REFUND\"}]"));

            assertViolation(v, "demands[1].type", ViolationCode.DUPLICATE_FIELD);
        }

        @Test
        void shouldRejectDuplicateKeyInsideCaller() {
            Violation v = onlyViolation(body("\"caller\": {\"blocked\": false, \"blocked\": true}"));

            assertViolation(v, "caller.blocked", ViolationCode.DUPLICATE_FIELD);
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "42", "\"incident\"", "null", "true"})
        void shouldRejectARootThatIsNotAnObject(String root) {
            Violation v = onlyViolation(root);

            assertViolation(v, "", ViolationCode.INVALID_TYPE);
            assertTrue(v.message().contains("JSON object"), v.message());
        }

        @Test
        void shouldTreatAMissingTreeAsAnEmptyBody() {
            InvalidIncidentException e = assertThrows(InvalidIncidentException.class,
                    () -> reader.read((com.fasterxml.jackson.databind.JsonNode) null));

            assertViolation(e.violations().get(0), "", ViolationCode.MALFORMED_JSON);
        }
    }

    // ---- required fields -------------------------------------------------------------------------

    @Nested
    class RequiredFields {

        @ParameterizedTest
        @ValueSource(strings = {"occurredAt", "channel", "department"})
        void shouldReportAMissingRequiredFieldByName(String field) {
            ObjectNode root = minimalTree();
            root.remove(field);

            InvalidIncidentException e = assertThrows(InvalidIncidentException.class, () -> reader.read(root));

            assertEquals(1, e.violations().size(), e.violations()::toString);
            assertViolation(e.violations().get(0), field, ViolationCode.MISSING_FIELD);
        }

        @ParameterizedTest
        @ValueSource(strings = {"occurredAt", "channel", "department"})
        void shouldTreatNullOnARequiredFieldAsMissing(String field) {
            ObjectNode root = minimalTree();
            root.putNull(field);

            InvalidIncidentException e = assertThrows(InvalidIncidentException.class, () -> reader.read(root));

            assertViolation(e.violations().get(0), field, ViolationCode.MISSING_FIELD);
        }

        @Test
        void shouldReportAllThreeRequiredFieldsOfAnEmptyObject() {
            List<Violation> found = violations("{}");

            assertEquals(List.of("occurredAt", "channel", "department"), found.stream().map(Violation::path).toList());
            assertTrue(found.stream().allMatch(v -> v.code() == ViolationCode.MISSING_FIELD), found::toString);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\\t\\n", "\u3000"})
        void shouldRejectABlankDepartmentAsMissing(String blank) {
            Violation v = onlyViolation("{\"occurredAt\": \"" + OCCURRED_AT + "\", \"channel\": \"PHONE\", \"department\": \"" + blank + "\"}");

            assertViolation(v, "department", ViolationCode.MISSING_FIELD);
            assertTrue(v.message().contains("blank"), v.message());
        }

        @Test
        void shouldRequireTheTypeOfEveryDemand() {
            List<Violation> found = violations(body("\"demands\": [{\"type\": \"VISIT\"}, {}, {\"type\": null}]"));

            assertEquals(2, found.size(), found::toString);
            assertViolation(found.get(0), "demands[1].type", ViolationCode.MISSING_FIELD);
            assertViolation(found.get(1), "demands[2].type", ViolationCode.MISSING_FIELD);
        }

        private ObjectNode minimalTree() {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("occurredAt", OCCURRED_AT);
            root.put("channel", "PHONE");
            root.put("department", "call-center");
            return root;
        }
    }

    // ---- unknown field names ---------------------------------------------------------------------

    @Nested
    class UnknownFields {

        @Test
        void shouldRejectAnUnknownTopLevelFieldListingTheKnownOnes() {
            Violation v = onlyViolation(body("\"priority\": \"HIGH\""));

            assertViolation(v, "priority", ViolationCode.UNKNOWN_FIELD);
            assertEquals(Contract.get().propertyNames("Incident"), v.allowed());
        }

        @Test
        void shouldRejectMisspeltPoliceInvolvementNamingThePath() {
            Violation v = onlyViolation(body("\"caller\": {\"polceInvolvement\": \"ARRESTED\"}"));

            assertViolation(v, "caller.polceInvolvement", ViolationCode.UNKNOWN_FIELD);
            assertEquals(List.of("callerId", "kind", "keyAccount", "relationshipYears", "reachable", "identified",
                    "policeInvolvement", "blocked", "flaggedByDepartment", "warnedBefore"), v.allowed());
            assertTrue(v.message().contains("did you mean policeInvolvement?"), v.message());
        }

        @Test
        void shouldSuggestTheRightCaseForAWronglyCasedFieldName() {
            Violation v = onlyViolation(body("\"OccurredAt\": \"" + OCCURRED_AT + "\""));

            assertViolation(v, "OccurredAt", ViolationCode.UNKNOWN_FIELD);
            assertTrue(v.message().contains("did you mean occurredAt?"), v.message());
        }

        @Test
        void shouldRejectUnknownFieldsInCaseHistoryAndHandler() {
            List<Violation> found = violations(body(
                    "\"caseHistory\": {\"contactCounts\": 3}, \"handler\": {\"name\": \"Sato\"}"));

            assertEquals(2, found.size(), found::toString);
            assertViolation(found.get(0), "caseHistory.contactCounts", ViolationCode.UNKNOWN_FIELD);
            assertEquals(Contract.get().propertyNames("CaseHistory"), found.get(0).allowed());
            assertViolation(found.get(1), "handler.name", ViolationCode.UNKNOWN_FIELD);
            assertEquals(List.of("employeeId", "role", "targetOfAnger"), found.get(1).allowed());
        }

        @Test
        void shouldRejectAFieldThatBelongsToAnotherDemandType() {
            Violation v = onlyViolation(demand("{\"type\": \"VISIT\", \"employeeId\": \"E-7\"}"));

            assertViolation(v, "demands[0].employeeId", ViolationCode.UNKNOWN_FIELD);
            assertEquals(List.of("type", "immediate", "reasonGiven", "requestedFor", "place", "distanceKm"), v.allowed());
            assertTrue(v.message().contains("APOLOGY_FROM_EMPLOYEE"), v.message());
            assertTrue(v.message().contains("SPECIFIC_STAFF"), v.message());
        }

        @Test
        void shouldRejectAnyExtraFieldOnADemandTypeWithoutExtras() {
            Violation v = onlyViolation(demand("{\"type\": \"WRITTEN_APOLOGY\", \"amountJpy\": 1000}"));

            assertViolation(v, "demands[0].amountJpy", ViolationCode.UNKNOWN_FIELD);
            assertEquals(List.of("type"), v.allowed());
        }

        @Test
        void shouldRejectVisitFieldsOnAPeriodicCallback() {
            Violation v = onlyViolation(demand("{\"type\": \"PERIODIC_CALLBACK\", \"intervalDays\": 7, \"immediate\": true}"));

            assertViolation(v, "demands[0].immediate", ViolationCode.UNKNOWN_FIELD);
            assertEquals(List.of("type", "intervalDays"), v.allowed());
        }

        @Test
        void shouldSkipPerTypeFieldChecksWhenTheDemandTypeIsUnknownButFlagFieldsOfNoDemandType() {
            List<Violation> found = violations(demand("{\"type\": \"VISITT\", \"employeeId\": \"E-7\", \"colour\": \"red\"}"));

            assertEquals(2, found.size(), found::toString);
            assertViolation(found.get(0), "demands[0].type", ViolationCode.UNKNOWN_ENUM_VALUE);
            assertViolation(found.get(1), "demands[0].colour", ViolationCode.UNKNOWN_FIELD);
            assertTrue(found.get(1).allowed().containsAll(List.of("type", "employeeId", "amountJpy", "intervalDays", "place")));
        }

        @Test
        void shouldFlagFieldsOfNoDemandTypeWhenTheTypeIsMissing() {
            List<Violation> found = violations(demand("{\"amountJpy\": 5000, \"amount\": 5000}"));

            assertEquals(2, found.size(), found::toString);
            assertViolation(found.get(0), "demands[0].type", ViolationCode.MISSING_FIELD);
            assertViolation(found.get(1), "demands[0].amount", ViolationCode.UNKNOWN_FIELD);
        }
    }

    // ---- JSON types ------------------------------------------------------------------------------

    @Nested
    class Types {

        @Test
        void shouldRejectTheStringTrueForABoolean() {
            Violation v = onlyViolation(body("\"caller\": {\"keyAccount\": \"true\"}"));

            assertViolation(v, "caller.keyAccount", ViolationCode.INVALID_TYPE);
            assertTrue(v.message().contains("boolean"), v.message());
            assertTrue(v.message().contains("a string"), v.message());
        }

        @Test
        void shouldRejectNumbersForBooleans() {
            Violation v = onlyViolation(body("\"handler\": {\"targetOfAnger\": 1}"));

            assertViolation(v, "handler.targetOfAnger", ViolationCode.INVALID_TYPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2.5", "1.000000000000000001", "-0.5"})
        void shouldRejectANonIntegralNumberForAnInteger(String value) {
            Violation v = onlyViolation(body("\"caseHistory\": {\"contactCount\": " + value + "}"));

            assertViolation(v, "caseHistory.contactCount", ViolationCode.INVALID_TYPE);
            assertTrue(v.message().contains("integer"), v.message());
        }

        @Test
        void shouldAcceptAnIntegralNumberWrittenWithADecimalPointOrExponent() {
            Incident incident = read(body("\"caseHistory\": {\"contactCount\": 3.0, \"longestContactMinutes\": 1.2e2}"));

            assertEquals(3, incident.caseHistory().contactCount());
            assertEquals(120, incident.caseHistory().longestContactMinutes());
        }

        @Test
        void shouldRejectAQuotedNumber() {
            Violation v = onlyViolation(body("\"caller\": {\"relationshipYears\": \"5\"}"));

            assertViolation(v, "caller.relationshipYears", ViolationCode.INVALID_TYPE);
            assertTrue(v.message().contains("number"), v.message());
        }

        @Test
        void shouldRejectWrongContainerTypes() {
            List<Violation> found = violations(body(
                    "\"caller\": [], \"caseHistory\": \"old\", \"handler\": 3, \"conduct\": \"THREAT\", \"demands\": {\"type\": \"VISIT\"}"));

            assertEquals(Set.of("caller", "caseHistory", "handler", "conduct", "demands"),
                    found.stream().map(Violation::path).collect(Collectors.toSet()));
            assertTrue(found.stream().allMatch(v -> v.code() == ViolationCode.INVALID_TYPE), found::toString);
        }

        @Test
        void shouldRejectADemandThatIsNotAnObject() {
            List<Violation> found = violations(body("\"demands\": [\"VISIT\", null]"));

            assertEquals(2, found.size(), found::toString);
            assertViolation(found.get(0), "demands[0]", ViolationCode.INVALID_TYPE);
            assertViolation(found.get(1), "demands[1]", ViolationCode.INVALID_TYPE);
        }

        @Test
        void shouldRejectANumberForAnEnumListingTheAllowedValues() {
            Violation v = onlyViolation("{\"occurredAt\": \"" + OCCURRED_AT + "\", \"channel\": 1, \"department\": \"hq\"}");

            assertViolation(v, "channel", ViolationCode.INVALID_TYPE);
            assertEquals(names(Channel.class), v.allowed());
        }

        @Test
        void shouldRejectNonStringsForStringsAndDateTimes() {
            List<Violation> found = violations(body("\"incidentId\": 42, \"caseHistory\": {\"openedAt\": 1763860500}"));

            assertEquals(2, found.size(), found::toString);
            assertViolation(found.get(0), "incidentId", ViolationCode.INVALID_TYPE);
            assertViolation(found.get(1), "caseHistory.openedAt", ViolationCode.INVALID_TYPE);
        }

        @Test
        void shouldRejectANullConductItem() {
            Violation v = onlyViolation(body("\"conduct\": [null]"));

            assertViolation(v, "conduct[0]", ViolationCode.INVALID_TYPE);
        }
    }

    // ---- enums -----------------------------------------------------------------------------------

    @Nested
    class Enums {

        @Test
        void shouldRejectAnUnknownEnumValueListingEveryAllowedValue() {
            Violation v = onlyViolation("{\"occurredAt\": \"" + OCCURRED_AT + "\", \"channel\": \"FAX\", \"department\": \"hq\"}");

            assertViolation(v, "channel", ViolationCode.UNKNOWN_ENUM_VALUE);
            assertEquals(List.of("PHONE", "EMAIL", "CHAT", "IN_PERSON", "LETTER", "SNS"), v.allowed());
            assertTrue(v.message().startsWith("must be one of PHONE, EMAIL"), v.message());
        }

        @Test
        void shouldTreatEnumValuesAsCaseSensitive() {
            Violation v = onlyViolation(body("\"caller\": {\"policeInvolvement\": \"arrested\"}"));

            assertViolation(v, "caller.policeInvolvement", ViolationCode.UNKNOWN_ENUM_VALUE);
            assertEquals(names(PoliceInvolvement.class), v.allowed());
            assertTrue(v.message().contains("case-sensitive"), v.message());
            assertTrue(v.message().contains("ARRESTED"), v.message());
        }

        @Test
        void shouldRejectAnUnknownConductItemAtItsIndex() {
            Violation v = onlyViolation(body("\"conduct\": [\"THREAT\", \"SHOUTING\"]"));

            assertViolation(v, "conduct[1]", ViolationCode.UNKNOWN_ENUM_VALUE);
            assertEquals(names(Conduct.class), v.allowed());
        }

        @Test
        void shouldRejectAnUnknownDemandTypeAndPlace() {
            List<Violation> found = violations(body(
                    "\"demands\": [{\"type\": \"REFUND\"}, {\"type\": \"VISIT\", \"place\": \"HOTEL\"}]"));

            assertEquals(2, found.size(), found::toString);
            assertViolation(found.get(0), "demands[0].type", ViolationCode.UNKNOWN_ENUM_VALUE);
            assertEquals(names(DemandType.class), found.get(0).allowed());
            assertViolation(found.get(1), "demands[1].place", ViolationCode.UNKNOWN_ENUM_VALUE);
            assertEquals(names(Place.class), found.get(1).allowed());
        }

        @Test
        void shouldRejectUnknownValuesOfEveryNestedEnum() {
            List<Violation> found = violations(body("""
                    "caller": {"kind": "COMPANY"},
                    "caseHistory": {"companyFault": "MAYBE", "managementAnswer": "YES", "severity": "CRITICAL"},
                    "handler": {"role": "CEO"}
                    """));

            assertEquals(List.of("caller.kind", "caseHistory.companyFault", "caseHistory.managementAnswer",
                    "caseHistory.severity", "handler.role"), found.stream().map(Violation::path).toList());
            assertTrue(found.stream().allMatch(v -> v.code() == ViolationCode.UNKNOWN_ENUM_VALUE), found::toString);
            assertEquals(names(Role.class), found.get(4).allowed());
        }
    }

    // ---- ranges ----------------------------------------------------------------------------------

    @Nested
    class Ranges {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "caller.relationshipYears       | \"caller\": {\"relationshipYears\": -1}",
                "caller.relationshipYears       | \"caller\": {\"relationshipYears\": 1000.5}",
                "caseHistory.contactCount       | \"caseHistory\": {\"contactCount\": 0}",
                "caseHistory.contactCount       | \"caseHistory\": {\"contactCount\": 1000001}",
                "caseHistory.longestContactMinutes | \"caseHistory\": {\"longestContactMinutes\": -1}",
                "caseHistory.longestContactMinutes | \"caseHistory\": {\"longestContactMinutes\": 1000001}",
                "demands[0].distanceKm          | \"demands\": [{\"type\": \"VISIT\", \"distanceKm\": -0.5}]",
                "demands[0].distanceKm          | \"demands\": [{\"type\": \"VISIT\", \"distanceKm\": 100000.1}]",
                "demands[0].amountJpy           | \"demands\": [{\"type\": \"MONETARY_COMPENSATION\", \"amountJpy\": -1}]",
                "demands[0].amountJpy           | \"demands\": [{\"type\": \"MONETARY_COMPENSATION\", \"amountJpy\": 10000000000001}]",
                "demands[0].intervalDays        | \"demands\": [{\"type\": \"PERIODIC_CALLBACK\", \"intervalDays\": 0}]",
                "demands[0].intervalDays        | \"demands\": [{\"type\": \"PERIODIC_CALLBACK\", \"intervalDays\": 3651}]",
        })
        void shouldRejectAnOutOfRangeNumber(String path, String members) {
            Violation v = onlyViolation(body(members));

            assertViolation(v, path, ViolationCode.OUT_OF_RANGE);
            assertTrue(v.message().contains("≥"), v.message());
        }

        @Test
        void shouldSayThatTheUpperBoundIsAPlausibilityLimit() {
            Violation v = onlyViolation(body("\"caseHistory\": {\"contactCount\": 5000000}"));

            assertEquals("must be an integer ≥ 1; values above 1000000 are rejected as implausible", v.message());
        }

        @Test
        void shouldRejectAHugeNumberInsteadOfTurningItIntoInfinity() {
            List<Violation> found = violations(body(
                    "\"caller\": {\"relationshipYears\": 1e400}, \"caseHistory\": {\"contactCount\": 1e400}"));

            assertEquals(2, found.size(), found::toString);
            assertViolation(found.get(0), "caller.relationshipYears", ViolationCode.OUT_OF_RANGE);
            assertViolation(found.get(1), "caseHistory.contactCount", ViolationCode.OUT_OF_RANGE);
        }

        @Test
        void shouldRejectNaNAndInfinityInATreeBuiltElsewhere() {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("occurredAt", OCCURRED_AT).put("channel", "PHONE").put("department", "hq");
            root.putObject("caller").put("relationshipYears", Double.NaN);
            root.putArray("demands").addObject().put("type", "VISIT").put("distanceKm", Double.POSITIVE_INFINITY);

            InvalidIncidentException e = assertThrows(InvalidIncidentException.class, () -> reader.read(root));

            assertEquals(2, e.violations().size(), e.violations()::toString);
            assertViolation(e.violations().get(0), "caller.relationshipYears", ViolationCode.OUT_OF_RANGE);
            assertTrue(e.violations().get(0).message().contains("finite"));
            assertViolation(e.violations().get(1), "demands[0].distanceKm", ViolationCode.OUT_OF_RANGE);
        }

        @Test
        void shouldAcceptValuesOnTheBounds() {
            Incident incident = read(body("""
                    "caller": {"relationshipYears": 1000},
                    "caseHistory": {"contactCount": 1000000, "longestContactMinutes": 0},
                    "demands": [
                      {"type": "VISIT", "distanceKm": 0},
                      {"type": "MONETARY_COMPENSATION", "amountJpy": 10000000000000},
                      {"type": "PERIODIC_CALLBACK", "intervalDays": 1},
                      {"type": "PERIODIC_CALLBACK", "intervalDays": 3650}
                    ]
                    """));

            assertEquals(1000.0, incident.caller().relationshipYears());
            assertEquals(1_000_000, incident.caseHistory().contactCount());
            assertEquals(0.0, incident.demands().get(0).distanceKm());
            assertEquals(10_000_000_000_000L, incident.demands().get(1).amountJpy());
            assertEquals(1, incident.demands().get(2).intervalDays());
            assertEquals(3650, incident.demands().get(3).intervalDays());
        }

        @Test
        void shouldAcceptFractionalRelationshipYearsAndDistance() {
            Incident incident = read(body(
                    "\"caller\": {\"relationshipYears\": 2.5}, \"demands\": [{\"type\": \"VISIT\", \"distanceKm\": 12.75}]"));

            assertEquals(2.5, incident.caller().relationshipYears());
            assertEquals(12.75, incident.demands().get(0).distanceKm());
        }
    }

    // ---- strings ---------------------------------------------------------------------------------

    @Nested
    class Strings {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "incidentId                 | 129 | \"incidentId\": \"%s\"",
                "caller.callerId            | 129 | \"caller\": {\"callerId\": \"%s\"}",
                "caller.flaggedByDepartment | 65  | \"caller\": {\"flaggedByDepartment\": \"%s\"}",
                "handler.employeeId         | 65  | \"handler\": {\"employeeId\": \"%s\"}",
                "demands[0].employeeId      | 65  | \"demands\": [{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"%s\"}]",
        })
        void shouldRejectAStringOneCharacterOverItsLimit(String path, int length, String template) {
            Violation v = onlyViolation(body(template.formatted(repeat("x", length))));

            assertViolation(v, path, ViolationCode.TOO_LONG);
            assertTrue(v.message().contains("at most " + (length - 1)), v.message());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "caller.callerId       | \"caller\": {\"callerId\": \"%s\"}",
                "handler.employeeId    | \"handler\": {\"employeeId\": \"%s\"}",
                "demands[0].employeeId | \"demands\": [{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"%s\"}]",
                "demands[0].employeeId | \"demands\": [{\"type\": \"EMPLOYEE_DISMISSAL\", \"employeeId\": \"%s\"}]",
        })
        void shouldRefuseAnIdThatCouldNeverBeLookedUpOrErased(String path, String template) {
            for (String id : List.of(".", "..", "", " ", "\\t ", "\u3000", "\uFF0E\uFF0E", " . ")) {
                Violation v = onlyViolation(body(template.formatted(id)));

                assertViolation(v, path, ViolationCode.INVALID_ID);
            }
        }

        @Test
        void shouldRefuseTheSecondUnusableEmployeeIdAtItsOwnIndex() {
            List<Violation> found = violations(body("\"demands\": [{\"type\": \"SPECIFIC_STAFF\", \"employeeId\": \"op-7\"},"
                    + " {\"type\": \"APOLOGY_FROM_EMPLOYEE\", \"employeeId\": \"..\"}]"));

            assertEquals(1, found.size(), found::toString);
            assertViolation(found.get(0), "demands[1].employeeId", ViolationCode.INVALID_ID);
        }

        @ParameterizedTest
        @ValueSource(strings = {"...", ".a", "C-000123", "090-1234-5678", "\uFF10\uFF19\uFF10"})
        void shouldAcceptIdsThatCanBeLookedUp(String id) {
            assertEquals(id, read(body("\"caller\": {\"callerId\": \"" + id + "\"}")).caller().callerId());
        }

        @Test
        void shouldRejectATooLongDepartment() {
            Violation v = onlyViolation("{\"occurredAt\": \"" + OCCURRED_AT + "\", \"channel\": \"PHONE\", \"department\": \""
                    + repeat("d", 65) + "\"}");

            assertViolation(v, "department", ViolationCode.TOO_LONG);
        }

        @Test
        void shouldAcceptStringsAtTheLimitCountingCharactersNotBytes() {
            String department = repeat("部", 64);
            String callerId = repeat("😠", 128);
            Incident incident = read("{\"occurredAt\": \"" + OCCURRED_AT + "\", \"channel\": \"PHONE\", \"department\": \""
                    + department + "\", \"incidentId\": \"" + repeat("i", 128) + "\", \"caller\": {\"callerId\": \""
                    + callerId + "\"}}");

            assertEquals(department, incident.department());
            assertEquals(callerId, incident.caller().callerId());
            assertEquals(128, incident.incidentId().length());
        }
    }

    // ---- date-times ------------------------------------------------------------------------------

    @Nested
    class DateTimes {

        @Test
        void shouldRejectADateTimeWithoutOffset() {
            Violation v = onlyViolation("{\"occurredAt\": \"2026-11-23T10:15:00\", \"channel\": \"PHONE\", \"department\": \"hq\"}");

            assertViolation(v, "occurredAt", ViolationCode.INVALID_DATE_TIME);
            assertTrue(v.message().contains("has no offset"), v.message());
            assertTrue(v.message().contains("e.g. 2026-11-23T10:15:00+09:00"), v.message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2026-02-30T10:00:00+09:00", "2026-11-23", "2026-11-23 10:15:00+09:00",
                "2026-11-23T25:00:00Z", ""})
        void shouldRejectAnUnparsableDateTime(String value) {
            Violation v = onlyViolation("{\"occurredAt\": \"" + value + "\", \"channel\": \"PHONE\", \"department\": \"hq\"}");

            assertViolation(v, "occurredAt", ViolationCode.INVALID_DATE_TIME);
            assertTrue(v.message().startsWith("must be an ISO-8601 date-time with an offset"), v.message());
        }

        @Test
        void shouldRejectDateTimesWithoutOffsetInCaseHistoryAndDemands() {
            List<Violation> found = violations(body("""
                    "caseHistory": {"openedAt": "2026-11-20T09:00:00"},
                    "demands": [{"type": "VISIT", "requestedFor": "2026-11-24T14:00"}]
                    """));

            assertEquals(2, found.size(), found::toString);
            // Violations come in the contract's field order: demands before caseHistory.
            assertViolation(found.get(0), "demands[0].requestedFor", ViolationCode.INVALID_DATE_TIME);
            assertViolation(found.get(1), "caseHistory.openedAt", ViolationCode.INVALID_DATE_TIME);
        }

        @Test
        void shouldAcceptZuluFractionalSecondsAndMissingSeconds() {
            Incident incident = read("{\"occurredAt\": \"2026-11-23T01:15:00.250Z\", \"channel\": \"CHAT\", \"department\": \"hq\","
                    + " \"caseHistory\": {\"openedAt\": \"2026-11-20T10:15+09:00\"}}");

            assertEquals(OffsetDateTime.parse("2026-11-23T01:15:00.250Z"), incident.occurredAt());
            assertEquals(OffsetDateTime.parse("2026-11-20T10:15:00+09:00"), incident.caseHistory().openedAt());
        }

        @Test
        void shouldRejectACaseOpenedAfterThisContact() {
            Violation v = onlyViolation(body("\"caseHistory\": {\"openedAt\": \"2026-11-23T10:15:01+09:00\"}"));

            assertViolation(v, "caseHistory.openedAt", ViolationCode.OUT_OF_RANGE);
            assertTrue(v.message().contains("after occurredAt"), v.message());
        }

        @Test
        void shouldCompareOpenedAtAndOccurredAtAsInstantsNotWallTimes() {
            // 10:00+00:00 is 19:00+09:00: later than occurredAt although its wall time is earlier.
            Violation v = onlyViolation(body("\"caseHistory\": {\"openedAt\": \"2026-11-23T10:00:00Z\"}"));
            assertViolation(v, "caseHistory.openedAt", ViolationCode.OUT_OF_RANGE);

            // 20:00-05:00 the day before is 10:00+09:00 on the day: the same instant, which is allowed.
            Incident sameInstant = read(body("\"caseHistory\": {\"openedAt\": \"2026-11-22T20:15:00-05:00\"}"));
            assertEquals(0, sameInstant.caseHistory().ageDays());
        }
    }

    // ---- arrays ----------------------------------------------------------------------------------

    @Nested
    class ArrayFields {

        @Test
        void shouldCollapseDuplicateConductKeepingFirstOccurrenceOrder() {
            Incident incident = read(body("\"conduct\": [\"THREAT\", \"VERBAL_ABUSE\", \"THREAT\", \"STALKING\", \"VERBAL_ABUSE\"]"));

            assertEquals(List.of(Conduct.THREAT, Conduct.VERBAL_ABUSE, Conduct.STALKING), incident.conduct());
        }

        @Test
        void shouldAcceptFiftyDemandsAndRejectFiftyOne() {
            assertEquals(50, read(body("\"demands\": " + demands(50))).demands().size());

            Violation v = onlyViolation(body("\"demands\": " + demands(51)));
            assertViolation(v, "demands", ViolationCode.OUT_OF_RANGE);
            assertTrue(v.message().contains("at most 50"), v.message());
        }

        @Test
        void shouldAcceptTwentyConductItemsAndRejectTwentyOne() {
            assertEquals(1, read(body("\"conduct\": " + conduct(20))).conduct().size());

            Violation v = onlyViolation(body("\"conduct\": " + conduct(21)));
            assertViolation(v, "conduct", ViolationCode.OUT_OF_RANGE);
        }

        @Test
        void shouldStillCheckTheItemsOfATooLongArray() {
            String items = IntStream.range(0, 21).mapToObj(i -> i == 20 ? "\"SPITTING\"" : "\"THREAT\"")
                    .collect(Collectors.joining(", ", "[", "]"));

            List<Violation> found = violations(body("\"conduct\": " + items));

            assertEquals(List.of("conduct", "conduct[20]"), found.stream().map(Violation::path).toList());
        }

        private String demands(int count) {
            return IntStream.range(0, count).mapToObj(i -> "{\"type\": \"WRITTEN_APOLOGY\"}")
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        private String conduct(int count) {
            return IntStream.range(0, count).mapToObj(i -> "\"THREAT\"").collect(Collectors.joining(", ", "[", "]"));
        }
    }

    // ---- many problems at once -------------------------------------------------------------------

    @Test
    void shouldReportEveryViolationAtOnce() {
        List<Violation> found = violations("""
                {
                  "occurredAt": "2026-11-23T10:15:00",
                  "channel": "phone",
                  "caller": {"polceInvolvement": "ARRESTED", "keyAccount": "yes", "relationshipYears": -3},
                  "conduct": ["THREAT", "YELLING"],
                  "demands": [
                    {"type": "VISIT", "employeeId": "E-1", "requestedFor": "tonight"},
                    {"type": "MONETARY_COMPENSATION", "amountJpy": 1.5},
                    {"kind": "VISIT"}
                  ],
                  "caseHistory": {"contactCount": 0, "severity": "EXTREME"},
                  "handler": {"role": "operator", "targetOfAnger": "false"},
                  "urgent": true
                }
                """);

        Set<String> expected = Set.of(
                "urgent UNKNOWN_FIELD",
                "occurredAt INVALID_DATE_TIME",
                "channel UNKNOWN_ENUM_VALUE",
                "department MISSING_FIELD",
                "caller.polceInvolvement UNKNOWN_FIELD",
                "caller.keyAccount INVALID_TYPE",
                "caller.relationshipYears OUT_OF_RANGE",
                "conduct[1] UNKNOWN_ENUM_VALUE",
                "demands[0].employeeId UNKNOWN_FIELD",
                "demands[0].requestedFor INVALID_DATE_TIME",
                "demands[1].amountJpy INVALID_TYPE",
                "demands[2].type MISSING_FIELD",
                "demands[2].kind UNKNOWN_FIELD",
                "caseHistory.contactCount OUT_OF_RANGE",
                "caseHistory.severity UNKNOWN_ENUM_VALUE",
                "handler.role UNKNOWN_ENUM_VALUE",
                "handler.targetOfAnger INVALID_TYPE");
        assertEquals(expected, found.stream().map(v -> v.path() + " " + v.code()).collect(Collectors.toSet()));
        assertEquals(expected.size(), found.size(), "each problem is reported once");
    }

    @Test
    void shouldSummariseViolationsInTheExceptionWithoutAStackTrace() {
        InvalidIncidentException e = assertThrows(InvalidIncidentException.class, () -> read("{}"));

        assertTrue(e.getMessage().contains("3 violations"), e.getMessage());
        assertTrue(e.getMessage().contains("occurredAt: is required"), e.getMessage());
        assertEquals(0, e.getStackTrace().length);
    }

    // ---- defaults and derived values -------------------------------------------------------------

    @Test
    void shouldApplyEveryContractDefault() {
        Incident incident = read(body(""));

        assertAll(
                () -> assertNull(incident.incidentId()),
                () -> assertEquals(OffsetDateTime.parse(OCCURRED_AT), incident.occurredAt()),
                () -> assertEquals(Channel.PHONE, incident.channel()),
                () -> assertEquals("call-center", incident.department()),
                () -> assertEquals(List.of(), incident.conduct()),
                () -> assertEquals(List.of(), incident.demands()),
                () -> assertEquals(new Caller(null, CallerKind.CONSUMER, false, 0.0, true, true,
                        PoliceInvolvement.NONE, false, null, false), incident.caller()),
                () -> assertEquals(new CaseHistory(OffsetDateTime.parse(OCCURRED_AT), 0, 1, 0, CompanyFault.UNKNOWN,
                        false, ManagementAnswer.NONE, Severity.MEDIUM), incident.caseHistory()),
                () -> assertEquals(new Handler(null, Role.OPERATOR, false), incident.handler()));
    }

    @Test
    void shouldTreatNullOnOptionalFieldsAsAbsent() {
        Incident withNulls = read(body("""
                "incidentId": null, "conduct": null, "demands": null, "handler": null,
                "caller": {"kind": null, "reachable": null, "policeInvolvement": null, "relationshipYears": null},
                "caseHistory": {"openedAt": null, "contactCount": null, "severity": null}
                """));

        assertEquals(read(body("")), withNulls);
    }

    @Test
    void shouldApplyDefaultsForEmptyNestedObjects() {
        Incident incident = read(body("\"caller\": {}, \"caseHistory\": {}, \"handler\": {}"));

        assertEquals(read(body("")), incident);
    }

    @Test
    void shouldApplyDemandDefaultsAndLeaveOtherTypesFieldsNull() {
        Incident incident = read(body("\"demands\": [{\"type\": \"VISIT\"}, {\"type\": \"SPECIFIC_STAFF\"}, {\"type\": \"IMMEDIATE_ANSWER\"}]"));

        assertEquals(new Demand(DemandType.VISIT, false, false, null, null, null, null, null, null, 10),
                incident.demands().get(0));
        assertEquals(new Demand(DemandType.SPECIFIC_STAFF, false, false, null, null, null, null, null, null, -1),
                incident.demands().get(1));
        assertEquals(new Demand(DemandType.IMMEDIATE_ANSWER, false, false, null, null, null, null, null, null, -1),
                incident.demands().get(2));
    }

    @Test
    void shouldTakeTheVisitHourAtTheIncidentsOwnOffset() {
        Incident incident = read(demand("{\"type\": \"VISIT\", \"requestedFor\": \"2026-11-23T12:30:00Z\"}"));

        assertEquals(21, incident.demands().get(0).visitHour());
        assertEquals(OffsetDateTime.parse("2026-11-23T12:30:00Z"), incident.demands().get(0).requestedFor());
    }

    @Test
    void shouldTakeTheVisitHourAcrossTheDateLine() {
        // 09:00+09:00 on the 24th is 19:00-05:00 on the 23rd, the incident's own local time.
        Incident incident = read("{\"occurredAt\": \"2026-11-23T08:00:00-05:00\", \"channel\": \"PHONE\", \"department\": \"us\","
                + " \"demands\": [{\"type\": \"VISIT\", \"requestedFor\": \"2026-11-24T09:00:00+09:00\"}]}");

        assertEquals(19, incident.demands().get(0).visitHour());
    }

    @Test
    void shouldUseOccurredAtAsTheVisitHourOfAnImmediateVisitEvenWithARequestedTime() {
        Incident incident = read("{\"occurredAt\": \"2026-11-23T22:10:00+09:00\", \"channel\": \"PHONE\", \"department\": \"hq\","
                + " \"demands\": [{\"type\": \"VISIT\", \"immediate\": true, \"requestedFor\": \"2026-11-24T10:00:00+09:00\"}]}");

        assertEquals(22, incident.demands().get(0).visitHour());
        assertTrue(incident.demands().get(0).immediate());
    }

    @Test
    void shouldUseOccurredAtAsTheVisitHourWhenNoTimeIsRequested() {
        Incident incident = read("{\"occurredAt\": \"2026-11-23T07:59:59+09:00\", \"channel\": \"PHONE\", \"department\": \"hq\","
                + " \"demands\": [{\"type\": \"VISIT\"}]}");

        assertEquals(7, incident.demands().get(0).visitHour());
    }

    @Test
    void shouldCountAgeDaysAsWholeDaysBetweenInstants() {
        Incident almost22 = read(body("\"caseHistory\": {\"openedAt\": \"2026-11-01T10:15:01+09:00\"}"));
        assertEquals(21, almost22.caseHistory().ageDays());

        // 01:15Z on the 20th to 10:15+09:00 (= 01:15Z) on the 23rd is exactly three days.
        Incident exactly3 = read(body("\"caseHistory\": {\"openedAt\": \"2026-11-20T01:15:00Z\"}"));
        assertEquals(3, exactly3.caseHistory().ageDays());
        assertEquals(OffsetDateTime.parse("2026-11-20T01:15:00Z"), exactly3.caseHistory().openedAt());
    }

    @Test
    void shouldReadAFullyValidRichIncident() {
        Incident incident = read("""
                {
                  "incidentId": "CRM-2026-000123",
                  "occurredAt": "2026-11-23T10:15:00+09:00",
                  "channel": "IN_PERSON",
                  "department": "hq-consultation",
                  "caller": {
                    "callerId": "+81-3-0000-0000", "kind": "BUSINESS_CLIENT", "keyAccount": true,
                    "relationshipYears": 12.5, "reachable": false, "identified": false,
                    "policeInvolvement": "WARNED", "blocked": true, "flaggedByDepartment": "call-center",
                    "warnedBefore": true
                  },
                  "conduct": ["INTIMIDATION", "AUTHORITY_PRESSURE"],
                  "demands": [
                    {"type": "VISIT", "immediate": false, "reasonGiven": true,
                     "requestedFor": "2026-11-24T14:00:00+09:00", "place": "CUSTOMER_OFFICE", "distanceKm": 35.5},
                    {"type": "APOLOGY_FROM_EMPLOYEE", "employeeId": "E-100"},
                    {"type": "SPECIFIC_STAFF", "employeeId": "E-200"},
                    {"type": "MONETARY_COMPENSATION", "amountJpy": 500000},
                    {"type": "PERIODIC_CALLBACK", "intervalDays": 7},
                    {"type": "WRITTEN_APOLOGY"}, {"type": "RECURRENCE_PREVENTION"}, {"type": "RESUME_SERVICE"},
                    {"type": "MEETING_AT_HEADQUARTERS"}, {"type": "IMMEDIATE_ANSWER"}
                  ],
                  "caseHistory": {
                    "openedAt": "2026-10-01T09:00:00+09:00", "contactCount": 14, "longestContactMinutes": 185,
                    "companyFault": "CONFIRMED", "investigationComplete": true, "managementAnswer": "REFUSED",
                    "severity": "HIGH"
                  },
                  "handler": {"employeeId": "E-100", "role": "SUPERVISOR", "targetOfAnger": true}
                }
                """);

        assertEquals(new Incident(
                "CRM-2026-000123",
                OffsetDateTime.parse("2026-11-23T10:15:00+09:00"),
                Channel.IN_PERSON,
                "hq-consultation",
                new Caller("+81-3-0000-0000", CallerKind.BUSINESS_CLIENT, true, 12.5, false, false,
                        PoliceInvolvement.WARNED, true, "call-center", true),
                List.of(Conduct.INTIMIDATION, Conduct.AUTHORITY_PRESSURE),
                List.of(
                        new Demand(DemandType.VISIT, false, true, OffsetDateTime.parse("2026-11-24T14:00:00+09:00"),
                                Place.CUSTOMER_OFFICE, 35.5, null, null, null, 14),
                        new Demand(DemandType.APOLOGY_FROM_EMPLOYEE, false, false, null, null, null, "E-100", null, null, -1),
                        new Demand(DemandType.SPECIFIC_STAFF, false, false, null, null, null, "E-200", null, null, -1),
                        new Demand(DemandType.MONETARY_COMPENSATION, false, false, null, null, null, null, 500_000L, null, -1),
                        new Demand(DemandType.PERIODIC_CALLBACK, false, false, null, null, null, null, null, 7, -1),
                        new Demand(DemandType.WRITTEN_APOLOGY, false, false, null, null, null, null, null, null, -1),
                        new Demand(DemandType.RECURRENCE_PREVENTION, false, false, null, null, null, null, null, null, -1),
                        new Demand(DemandType.RESUME_SERVICE, false, false, null, null, null, null, null, null, -1),
                        new Demand(DemandType.MEETING_AT_HEADQUARTERS, false, false, null, null, null, null, null, null, -1),
                        new Demand(DemandType.IMMEDIATE_ANSWER, false, false, null, null, null, null, null, null, -1)),
                new CaseHistory(OffsetDateTime.parse("2026-10-01T09:00:00+09:00"), 53, 14, 185, CompanyFault.CONFIRMED,
                        true, ManagementAnswer.REFUSED, Severity.HIGH, 0, true),
                new Handler("E-100", Role.SUPERVISOR, true)), incident);
    }

    @Test
    void shouldReadTheSameBodyTheSameWayEveryTime() {
        String json = demand("{\"type\": \"VISIT\", \"requestedFor\": \"2026-11-23T12:30:00Z\"}");

        assertEquals(read(json), read(json));
    }

    @Test
    void shouldKeepViolationAllowedListsImmutableAndNeverNull() {
        Violation v = new Violation("caller.kind", ViolationCode.UNKNOWN_ENUM_VALUE, "must be one of ...", null);

        assertEquals(List.of(), v.allowed());
        assertThrows(UnsupportedOperationException.class,
                () -> new Violation("x", ViolationCode.UNKNOWN_FIELD, "m", new java.util.ArrayList<>(List.of("a"))).allowed().add("b"));
    }
}
