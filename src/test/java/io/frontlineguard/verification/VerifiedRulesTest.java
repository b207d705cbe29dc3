package io.frontlineguard.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.ruleset.FolderSnapshot;
import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.RuleSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedRulesTest {

    private final VerifiedRules verified = new VerifiedRules(Clock.systemUTC());

    static Path copyOfBuiltInRules(Path target) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    @Test
    void shouldNameTheMissingFolder(@TempDir Path tmp) {
        Path missing = tmp.resolve("no-such-rules");
        RuleSetException e = assertThrows(RuleSetException.class, () -> verified.verify(FolderSnapshot.read(missing)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void shouldRefuseAFolderWithoutRules(@TempDir Path tmp) throws IOException {
        Files.copy(Path.of("rules/lessons.yaml"), tmp.resolve("lessons.yaml"));
        Files.copy(Path.of("rules/thresholds.yaml"), tmp.resolve("thresholds.yaml"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> verified.verify(FolderSnapshot.read(tmp)));
        assertTrue(e.getMessage().contains("no .drl rule files"), e.getMessage());
    }

    @Test
    void shouldLoadTheBuiltInRulesWithAStableVersion(@TempDir Path tmp) throws IOException {
        RuleSet builtIn = verified.verify(FolderSnapshot.read(Path.of("rules"))).rules();
        RuleSet copy = verified.verify(FolderSnapshot.read(copyOfBuiltInRules(tmp))).rules();
        assertEquals(builtIn.version(), copy.version(), "identical files give the identical version");
        assertTrue(builtIn.rules().size() > 30, "every lesson has rules");
    }

    @Test
    void shouldRefuseRulesThatBreakAScenario(@TempDir Path tmp) throws IOException {
        copyOfBuiltInRules(tmp);
        Path visits = tmp.resolve("visits.drl");
        Files.writeString(visits, Files.readString(visits).replace(
                "Demand(type == DemandType.VISIT, reasonGiven == false)",
                "Demand(type == DemandType.VISIT, reasonGiven == false, place == Place.OTHER)"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> verified.verify(FolderSnapshot.read(tmp)));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("visits.scenarios.yaml")
                && p.message().contains("missing action: REFUSE_VISIT")), e.getMessage());
    }

    @Test
    void shouldReportABrokenThresholdWithItsLine(@TempDir Path tmp) throws IOException {
        copyOfBuiltInRules(tmp);
        Path t = tmp.resolve("thresholds.yaml");
        Files.writeString(t, Files.readString(t).replace("longCaseDays: 30", "longCaseDays: thirty"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> verified.verify(FolderSnapshot.read(tmp)));
        assertEquals("thresholds.yaml", e.problems().get(0).file());
        assertTrue(e.problems().get(0).line() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("longCaseDays"), e.getMessage());
    }
}
