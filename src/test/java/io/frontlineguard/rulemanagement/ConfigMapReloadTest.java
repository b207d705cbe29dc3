package io.frontlineguard.rulemanagement;

import static io.restassured.RestAssured.given;
import static io.frontlineguard.rulemanagement.RuleReloadTest.VISIT_WITHOUT_REASON;
import static io.frontlineguard.rulemanagement.RuleReloadTest.activeVersion;
import static io.frontlineguard.rulemanagement.RuleReloadTest.catalogue;
import static io.frontlineguard.rulemanagement.RuleReloadTest.waitFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.ruleset.FolderSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules folder as the kubelet mounts a ConfigMap: each file a link through {@code ..data} to a
 * timestamped copy, and an update is a new copy plus one atomic rename of {@code ..data}. The watcher
 * must see that swap, verify the new version and put it in force, or refuse it and keep the old one,
 * and readiness and metrics must name the version each replica runs.
 */
@QuarkusTest
@TestProfile(ConfigMapReloadTest.Mounted.class)
class ConfigMapReloadTest {

    static final Path MOUNT = Path.of("target/configmap-test-rules").toAbsolutePath();
    private static final AtomicInteger VERSIONS = new AtomicInteger();

    public static class Mounted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            mount(UnaryOperator.identity(), UnaryOperator.identity());
            return Map.of("guard.rules.dir", MOUNT.toString(), "guard.rules.watch", "true",
                    "guard.rules.watch-interval", "100ms");
        }
    }

    @Test
    void shouldPutASwappedConfigMapVersionInForceAndReportItOnReadinessAndMetrics() throws Exception {
        mount(UnaryOperator.identity(), UnaryOperator.identity());
        waitFor(() -> FolderSnapshot.read(MOUNT).version().equals(activeVersion()), Duration.ofSeconds(10), "the fixture in force");
        String before = activeVersion();

        mount(t -> t.replace("minVisitStaff: 2", "minVisitStaff: 3"), UnaryOperator.identity());
        String after = FolderSnapshot.read(MOUNT).version();
        assertNotEquals(before, after, "the swap changed what the mount shows");
        waitFor(() -> after.equals(activeVersion()), Duration.ofSeconds(10), "the watcher to put the swapped version in force");

        given().contentType("application/json").body(VISIT_WITHOUT_REASON).post("/v1/decisions")
                .then().statusCode(200).body("rulesetVersion", equalTo(after))
                .body("actions.find { it.code == 'REQUIRE_TWO_PERSON_ATTENDANCE' }.params.minPeople", equalTo(3));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rules' }.data.rulesetVersion", equalTo(after));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("guard_rules_in_force{version=\"" + after + "\"} 1.0"))
                .body(not(containsString("version=\"" + before + "\"")));
    }

    @Test
    void shouldKeepTheVersionInForceWhenTheSwappedConfigMapDoesNotCompile() throws Exception {
        assertRefusedOnThisReplica(drl -> drl + "\nrule \"Unfinished\"\nwhen\n    Demand(type ==\n", "visits.drl:");
    }

    @Test
    void shouldKeepTheVersionInForceWhenTheSwappedConfigMapBreaksAScenario() throws Exception {
        // Compiles and lints; only the replica's own scenario run can tell it would stop refusing the visit.
        assertRefusedOnThisReplica(drl -> drl.replace("actions.emit(\"REFUSE_VISIT\");", "actions.emit(\"POSTPONE_VISIT\");"),
                "visits.scenarios.yaml:");
    }

    private static void assertRefusedOnThisReplica(UnaryOperator<String> visitsDrl, String problemAt) throws Exception {
        mount(UnaryOperator.identity(), UnaryOperator.identity());
        waitFor(() -> FolderSnapshot.read(MOUNT).version().equals(activeVersion()), Duration.ofSeconds(10), "the fixture in force");
        String running = activeVersion();
        long failedBefore = catalogue().getLong("reloads.failed");

        mount(UnaryOperator.identity(), visitsDrl);
        waitFor(() -> catalogue().getLong("reloads.failed") > failedBefore, Duration.ofSeconds(10), "the watcher to try the swap");

        assertEquals(running, activeVersion());
        assertEquals("FAILURE", catalogue().getString("reloads.last.outcome"));
        assertTrue(catalogue().getList("reloads.last.problems", String.class).stream().anyMatch(p -> p.startsWith(problemAt)),
                "the refusal names " + problemAt + ": " + catalogue().getList("reloads.last.problems"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rules' }.data.rulesetVersion", equalTo(running));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("guard_rules_in_force{version=\"" + running + "\"} 1.0"));
        given().contentType("application/json").body(VISIT_WITHOUT_REASON).post("/v1/decisions")
                .then().statusCode(200).body("rulesetVersion", equalTo(running)).body("actions.code", hasItem("REFUSE_VISIT"));
    }

    /**
     * Writes the reload fixture, edited, as a new timestamped copy and swaps {@code ..data} to it in
     * one rename, the way the kubelet updates a mounted ConfigMap; the old copy is then removed.
     */
    static void mount(UnaryOperator<String> thresholds, UnaryOperator<String> visitsDrl) {
        try {
            Files.createDirectories(MOUNT);
            Path copy = Files.createDirectories(MOUNT.resolve("..2026_12_04_04_00_00." + VERSIONS.incrementAndGet()
                    + "." + System.nanoTime()));
            for (String name : ReloadFixture.FILES) {
                String text = ReloadFixture.original(name);
                text = name.equals("thresholds.yaml") ? thresholds.apply(text) : text;
                text = name.equals("visits.drl") ? visitsDrl.apply(text) : text;
                Files.writeString(copy.resolve(name), text);
            }
            Path data = MOUNT.resolve("..data");
            Path previous = Files.isSymbolicLink(data) ? MOUNT.resolve(Files.readSymbolicLink(data)) : null;
            Path fresh = Files.createSymbolicLink(MOUNT.resolve("..data_tmp"), MOUNT.relativize(copy));
            Files.move(fresh, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            for (String name : ReloadFixture.FILES) {
                Path link = MOUNT.resolve(name);
                if (!Files.isSymbolicLink(link)) {
                    Files.deleteIfExists(link);
                    Files.createSymbolicLink(link, Path.of("..data", name));
                }
            }
            if (previous != null && !previous.equals(copy)) {
                deleteTree(previous);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
