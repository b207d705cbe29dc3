package io.frontlineguard.rulemanagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.authoring.AuthorCommands;
import io.frontlineguard.verification.RuleCoverageTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;

/**
 * One definition of "ready": the same broken folders fail {@code guard test} (exit code 1), fail
 * the build's gate ({@link RuleCoverageTest#assertReady}) and are refused by a running replica,
 * which keeps its rules in force and says why in GET /v1/rules and in
 * {@code guard_rules_refusals_total{reason}}; the intact folder passes all three. Each broken folder
 * is the reload fixture with one file changed.
 */
@QuarkusTest
@TestProfile(RuleReloadTest.FixtureRules.class)
class OneVerificationTest {

    private static final String UNCOVERED_RULE = """

            rule "Refuse a visit to a caller who cannot be verified"
                @lesson("L004-1")
                @en("The caller could not be verified.")
                @ja("ご本人確認ができませんでした。")
            when
                Caller(identified == false)
                Demand(type == DemandType.VISIT)
            then
                actions.emit("REFUSE_VISIT");
            end
            """;

    private static final String WITHOUT_LESSONS = """

              - name: a visit without a reason is refused whoever takes the call
                incident:
                  demands: [{type: VISIT}]
                expect: [REFUSE_VISIT]
            """;

    /**
     * A folder that is not ready: the file changed, the reason a replica gives, where the problem is
     * ({@code file:line}) and what all three must say about it.
     */
    enum Broken {
        RULE_NO_SCENARIO_FIRES("visits.drl", drl -> drl + UNCOVERED_RULE, "coverage",
                "visits.drl:31:1", "rule \"Refuse a visit to a caller who cannot be verified\" is not covered"),
        LESSON_NAMED_BY_ONE_SCENARIO("visits.scenarios.yaml", s -> s.substring(0, s.indexOf("\n  - name: a visit with a reason")),
                "coverage", "lessons.yaml:3:3", "lesson 'L004-1' is not covered: 1 scenario names it"),
        SCENARIO_WITHOUT_LESSONS("visits.scenarios.yaml", s -> s + WITHOUT_LESSONS, "coverage",
                "visits.scenarios.yaml:29:1", "scenario 'a visit without a reason is refused whoever takes the call' names no lesson"),
        FAILING_SCENARIO("visits.drl", drl -> drl.replace("actions.emit(\"REFUSE_VISIT\");", "actions.emit(\"POSTPONE_VISIT\");"),
                "scenario", "visits.scenarios.yaml:9", "missing action: REFUSE_VISIT"),
        DRL_ERROR("visits.drl", drl -> drl + "\nrule \"Unfinished\"\nwhen\n    Demand(type ==\n", "rules",
                "visits.drl:34:1", "the file ends inside a rule: is its 'end' missing?");

        final String file;
        final UnaryOperator<String> edit;
        final String reason;
        final String at;
        final String says;

        Broken(String file, UnaryOperator<String> edit, String reason, String at, String says) {
            this.file = file;
            this.edit = edit;
            this.reason = reason;
            this.at = at;
            this.says = says;
        }

        /** Whether one of these lines is this problem at its place, the file spelt from {@code folder}. */
        boolean namedIn(List<String> lines, String folder) {
            return lines.stream().anyMatch(l -> l.startsWith(folder + at) && l.contains(says));
        }
    }

    @TempDir
    Path tmp;

    @BeforeEach
    void startFromTheFixture() {
        ReloadFixture.restore();
        adminReload().then().statusCode(200);
    }

    @Test
    void shouldPassTheIntactFixtureEverywhere() throws IOException {
        Path dir = copyOfFixture(null);
        Run test = guardTest(dir);
        assertEquals(AuthorCommands.OK, test.exitCode, test.out);
        RuleCoverageTest.assertReady(dir);
        JsonPath reloaded = adminReload().then().statusCode(200).extract().jsonPath();
        assertEquals("SUCCESS", reloaded.getString("reloads.last.outcome"));
        assertEquals(List.of(), reloaded.getList("reloads.last.reasons"));
    }

    @ParameterizedTest
    @EnumSource(Broken.class)
    void shouldBeRefusedByGuardTestTheGateAndAReplicaAlike(Broken broken) throws IOException {
        // guard test
        Path dir = copyOfFixture(broken);
        Run test = guardTest(dir);
        assertEquals(AuthorCommands.PROBLEMS, test.exitCode, test.out);
        // A failing scenario is reported with its diff below the location line; every other finding on one line.
        boolean named = broken.reason.equals("scenario")
                ? test.out.contains(dir + "/" + broken.at + ": ") && test.out.contains("  " + broken.says + "\n")
                : broken.namedIn(test.out.lines().toList(), dir + "/");
        assertTrue(named, "guard test names " + broken.at + " " + broken.says + ":\n" + test.out);

        // the build's gate
        AssertionFailedError gate = assertThrows(AssertionFailedError.class, () -> RuleCoverageTest.assertReady(dir));
        assertTrue(broken.namedIn(gate.getMessage().lines().toList(), ""), gate.getMessage());

        // a replica
        String running = catalogue().getString("rulesetVersion");
        double refusedBefore = refusals(broken.reason);
        ReloadFixture.write(broken.file, broken.edit.apply(ReloadFixture.original(broken.file)));
        JsonPath refusal = adminReload().then().statusCode(422).body("code", equalTo("RULES_REJECTED")).extract().jsonPath();
        assertTrue(broken.namedIn(refusal.getList("errors", String.class), ""), "the reload names it: " + refusal.getList("errors"));
        JsonPath status = catalogue();
        assertEquals(running, status.getString("rulesetVersion"), "the rules in force stay");
        assertEquals("FAILURE", status.getString("reloads.history[0].outcome"));
        assertEquals(List.of(broken.reason), status.getList("reloads.history[0].reasons"));
        assertTrue(broken.namedIn(status.getList("reloads.history[0].problems", String.class), ""),
                "the history says why: " + status.getList("reloads.history[0].problems"));
        assertTrue(refusals(broken.reason) > refusedBefore, "guard_rules_refusals_total{reason=\"" + broken.reason + "\"} counts it");
    }

    private static Path copyOfFixtureInto(Path dir, Broken broken) throws IOException {
        Files.createDirectories(dir);
        for (String f : ReloadFixture.FILES) {
            String text = ReloadFixture.original(f);
            Files.writeString(dir.resolve(f), broken != null && broken.file.equals(f) ? broken.edit.apply(text) : text);
        }
        return dir;
    }

    private Path copyOfFixture(Broken broken) throws IOException {
        return copyOfFixtureInto(tmp.resolve("rules"), broken);
    }

    record Run(int exitCode, String out) {
    }

    private static Run guardTest(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new AuthorCommands().run(new String[] {"test", dir.toString()}, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private static double refusals(String reason) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^guard_rules_refusals_total\\{reason=\"" + reason + "\"[^}]*} (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "guard_rules_refusals_total{reason=\"" + reason + "\"} is exported");
        return Double.parseDouble(m.group(1));
    }

    private static io.restassured.response.Response adminReload() {
        return RuleReloadTest.adminReload();
    }

    private static JsonPath catalogue() {
        return RuleReloadTest.catalogue();
    }
}
