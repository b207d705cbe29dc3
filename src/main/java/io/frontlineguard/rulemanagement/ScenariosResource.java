package io.frontlineguard.rulemanagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.frontlineguard.api.ProblemException;
import io.frontlineguard.api.v1.ErrorCode;
import io.frontlineguard.config.GuardConfig;
import io.frontlineguard.memory.Recollection;
import io.frontlineguard.ruleset.Activation;
import io.frontlineguard.ruleset.ActiveRules;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.scenario.ScenarioResult;
import io.frontlineguard.scenario.ScenarioRunner;
import io.frontlineguard.verification.Coverage;
import io.frontlineguard.verification.VerifiedRules;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code GET /v1/rules/scenarios} and {@code POST /v1/rules/scenarios/run}: the scenarios of the
 * rules in force, read from the very snapshot those rules were verified from, and a rerun of the
 * suite against them, as {@code guard test} reports it. Nothing is recorded in case memory:
 * scenarios state their memory themselves.
 */
@Path("/v1/rules/scenarios")
@Produces(MediaType.APPLICATION_JSON)
public class ScenariosResource {

    /**
     * A run is seconds of CPU; one at a time keeps a crowd of curious authors from starving decisions,
     * and refusing rather than queueing keeps their requests from holding worker threads.
     */
    static final ReentrantLock ONE_RUN = new ReentrantLock();

    private final ActiveRules active;
    private final ScenarioRunner runner;

    ScenariosResource(ActiveRules active, GuardConfig config) {
        this.active = active;
        this.runner = new ScenarioRunner(config.rules().scenarioDeadline());
    }

    /** One scenario; {@code jaName} is its name in Japanese ({@code ja_name}), absent where the file gives none. */
    public record ScenarioEntry(String id, String file, int line, String name,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String jaName, List<String> lessons,
                                com.fasterxml.jackson.databind.JsonNode incident, boolean remembers) {
    }

    public record ScenarioList(String rulesetVersion, List<ScenarioEntry> scenarios) {
    }

    public record Result(String id, String file, int line, boolean passed, List<String> differences, List<String> firedRules) {
    }

    public record Run(String rulesetVersion, int passed, int failed, int ruleCount, int coveredRuleCount,
                      List<String> uncoveredRules, List<String> lessonsWithoutScenarios, List<Result> results) {
    }

    @GET
    public ScenarioList list() {
        Activation now = inForce();
        return new ScenarioList(now.rules().version(), scenarios(now).stream()
                .map(s -> new ScenarioEntry(s.id(), s.file(), s.line(), s.name(), s.japaneseName(), s.lessons(), s.incident(),
                        s.memory() != Recollection.NONE))
                .toList());
    }

    @POST
    @Path("run")
    public Run run() {
        Activation now = inForce();
        List<ScenarioResult> results;
        if (!ONE_RUN.tryLock()) {
            throw new ProblemException(ErrorCode.SCENARIO_RUN_BUSY, "a scenario run is under way on this instance; try again when it ends");
        }
        try {
            results = runner.runAll(now.rules(), scenarios(now));
        } finally {
            ONE_RUN.unlock();
        }
        Coverage coverage = Coverage.of(now.rules(), results, now.lessons());
        int passed = (int) results.stream().filter(ScenarioResult::passed).count();
        return new Run(now.rules().version(), passed, results.size() - passed, coverage.scenariosByRule().size(),
                coverage.scenariosByRule().size() - coverage.uncoveredRules().size(), coverage.uncoveredRules(),
                coverage.lessonsWithFewerScenariosThan(1),
                results.stream().map(r -> new Result(r.scenario().id(), r.scenario().file(), r.scenario().line(),
                        r.passed(), r.differences(), r.firedRules().stream().distinct().toList())).toList());
    }

    private Activation inForce() {
        Activation now = active.activation();
        if (now == null || now.folder() == null) {
            throw new ProblemException(ErrorCode.RULES_UNAVAILABLE, "no rules verified from a folder are in force yet");
        }
        return now;
    }

    private static List<Scenario> scenarios(Activation now) {
        return VerifiedRules.scenarios(now.folder());
    }
}
