package io.frontlineguard.scenario;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.verification.VerifiedRules;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario beside the rules is its own test, named by file and scenario, so a failing
 * regression names exactly the agreed decision that a rule change broke.
 */
class RuleScenariosTest {

    static final Path RULES = Path.of("rules");

    @TestFactory
    Stream<DynamicNode> everyScenarioDecidesAsAgreed() {
        RuleSet rules = new VerifiedRules(Clock.systemUTC()).compile(RULES);
        ScenarioRunner runner = new ScenarioRunner();
        Map<String, List<Scenario>> byFile = new LinkedHashMap<>();
        ScenarioLoader.load(FolderSnapshot.read(RULES)).forEach(s -> byFile.computeIfAbsent(s.file(), f -> new java.util.ArrayList<>()).add(s));
        return byFile.entrySet().stream().map(file -> dynamicContainer(file.getKey(),
                file.getValue().stream().map(s -> dynamicTest(s.name(), source(s), () -> {
                    ScenarioResult result = runner.run(rules, s);
                    if (!result.passed()) {
                        fail(result.report());
                    }
                }))));
    }

    private static URI source(Scenario s) {
        return RULES.resolve(s.file()).toUri().resolve("?line=" + s.line());
    }
}
