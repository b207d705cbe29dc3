package io.frontlineguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frontlineguard.decision.DecisionEngine;
import io.frontlineguard.decision.Evaluation;
import io.frontlineguard.decision.EvaluationThreads;
import io.frontlineguard.incident.Incident;
import io.frontlineguard.incident.IncidentReader;
import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSetCompiler;
import io.frontlineguard.ruleset.RuleSources;
import io.frontlineguard.scenario.Scenario;
import io.frontlineguard.scenario.ScenarioLoader;
import io.frontlineguard.verification.VerifiedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluation of the built-in rule base on every scenario incident in turn (and on the HTTP
 * benchmark's one heavy incident), next to two baselines
 * measured in the same fork: reading the same request bytes (work every HTTP decision pays anyway)
 * and evaluating against a rule base with no rules (the engine's own floor).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {

    private final DecisionEngine engine = new DecisionEngine();
    private final IncidentReader reader = new IncidentReader();
    private RuleSet rules;
    private RuleSet empty;
    private RuleSet javaConsequences;
    private RuleSet executableModel;
    private Incident heavy;
    private Incident[] incidents;
    private byte[][] requests;
    private int next;

    @Setup
    public void load() throws IOException {
        // Outside Quarkus nobody sets log levels, and Drools would format its trace messages on every
        // evaluation; the service runs at INFO (quarkus.log.level), so the benchmark does too.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        Path dir = Path.of(System.getProperty("bench.rules", "rules"));
        Clock clock = Clock.systemUTC();
        rules = new VerifiedRules(clock).compile(dir);
        empty = new VerifiedRules(clock).compile(emptyFolder(dir));
        // The same rules with their consequences compiled to Java, as before issue 11: the service
        // compiles them as MVEL, a second faster at start-up; what does that cost per decision?
        System.setProperty(RuleSetCompiler.DIALECT_PROPERTY, "java");
        try {
            javaConsequences = new VerifiedRules(clock).compile(dir);
        } finally {
            System.clearProperty(RuleSetCompiler.DIALECT_PROPERTY);
        }
        // Issue 11: the same files as Drools' executable model, with the service's metadata and thresholds.
        long started = System.nanoTime();
        executableModel = new RuleSet(rules.version(), rules.directory(), ExecutableModelBase.build(dir), rules.rules(),
                rules.thresholds(), rules.compiledAt());
        System.out.printf("executable model built in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        List<Scenario> scenarios = ScenarioLoader.load(FolderSnapshot.read(dir));
        ObjectMapper json = new ObjectMapper();
        incidents = new Incident[scenarios.size()];
        requests = new byte[scenarios.size()][];
        for (int i = 0; i < scenarios.size(); i++) {
            requests[i] = json.writeValueAsBytes(scenarios.get(i).incident());
            incidents[i] = reader.read(requests[i]);
        }
        heavy = reader.read(Files.readAllBytes(Path.of(System.getProperty("bench.incident", "src/bench/http/incident.json"))));
    }

    /** The same thresholds, lessons and global as the real folder, and no rules. */
    private static Path emptyFolder(Path rulesDir) throws IOException {
        Path dir = Files.createTempDirectory("guard-bench-empty");
        // Deleted at exit in reverse order of registration: the files first, then the folder.
        dir.toFile().deleteOnExit();
        Path thresholds = Files.copy(rulesDir.resolve(RuleSources.THRESHOLDS_FILE), dir.resolve(RuleSources.THRESHOLDS_FILE));
        thresholds.toFile().deleteOnExit();
        Path lessons = Files.copy(rulesDir.resolve("lessons.yaml"), dir.resolve("lessons.yaml"));
        lessons.toFile().deleteOnExit();
        Path none = Files.writeString(dir.resolve("none.drl"), """
                package frontlineguard.bench;
                global io.frontlineguard.decision.ActionSink actions;
                """);
        none.toFile().deleteOnExit();
        return dir;
    }

    private int index() {
        int i = next;
        next = i + 1 == incidents.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public Evaluation decideWithBuiltInRules() {
        return engine.evaluate(rules, incidents[index()]);
    }

    @Benchmark
    public Evaluation decideWithJavaConsequences() {
        return engine.evaluate(javaConsequences, incidents[index()]);
    }

    /** The same incidents against the executable model of the same rules (issue 11's question). */
    @Benchmark
    public Evaluation decideWithExecutableModel() {
        return engine.evaluate(executableModel, incidents[index()]);
    }

    /** The HTTP benchmark's incident: 17 rules fire and 16 actions result, far above the scenario average. */
    @Benchmark
    public Evaluation decideHttpBenchmarkIncident() {
        return engine.evaluate(rules, heavy);
    }

    @Benchmark
    public Evaluation decideWithNoRules() {
        return engine.evaluate(empty, incidents[index()]);
    }

    /**
     * What a request's deadline adds: the same decision handed to an evaluation thread and waited
     * for, as DecisionService does it. Measured beside the inline evaluation of the same incidents.
     */
    @Benchmark
    public Evaluation decideWithinDeadline() {
        return engine.evaluateWithin(rules, incidents[index()], DEADLINE);
    }

    /**
     * What a request's deadline adds since issue 32: the same decision on this thread, watched by the
     * watchdog (DecisionService's way now), beside decideWithinDeadline (its way before).
     */
    @Benchmark
    public Evaluation decideWatched() {
        return engine.evaluateWatched(rules, incidents[index()], DEADLINE);
    }

    /** The hand-off alone: a task given to an evaluation thread and waited for, with no rules in it. */
    @Benchmark
    public Incident handOffOnly() {
        return EvaluationThreads.decisions().call(() -> incidents[index()], DEADLINE, () -> { });
    }

    // The cost is what is measured, not the deadline: a cold first iteration once took over 50 ms here.
    private static final java.time.Duration DEADLINE = DecisionEngine.OFFLINE_DEADLINE;

    @Benchmark
    public Incident readRequest() {
        return reader.read(requests[index()]);
    }

    /** Baseline for readRequest: the JSON parse alone, so the schema check and binding show as a ratio. */
    @Benchmark
    public JsonNode parseRequestOnly() {
        return IncidentReader.parse(requests[index()]);
    }
}
