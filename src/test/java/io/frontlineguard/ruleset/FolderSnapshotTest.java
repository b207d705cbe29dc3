package io.frontlineguard.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One read of the folder, one hash over all of it, and thresholds reported at the key they concern. */
class FolderSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void shouldChangeTheVersionWhenOnlyAScenarioFileChanges() throws IOException {
        Files.writeString(dir.resolve("a.drl"), "package x;");
        Files.writeString(dir.resolve("a.scenarios.yaml"), "scenarios: []");
        FolderSnapshot before = FolderSnapshot.read(dir);
        Files.writeString(dir.resolve("a.scenarios.yaml"), "scenarios: [1]");
        FolderSnapshot after = FolderSnapshot.read(dir);

        assertNotEquals(before.hash(), after.hash());
        assertNotEquals(before.version(), after.version());
        assertEquals("sha256:" + after.hash().substring(0, 16), after.version());
    }

    @Test
    void shouldTakeOnlyRuleFilesAndYamlAndGiveTheSameHashForTheSameContent() throws IOException {
        Files.writeString(dir.resolve("a.drl"), "package x;");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        String hash = FolderSnapshot.read(dir).hash();
        Files.writeString(dir.resolve("notes.txt"), "still ignored");

        assertEquals(hash, FolderSnapshot.read(dir).hash());
        assertEquals(java.util.Set.of("a.drl"), FolderSnapshot.read(dir).texts("").keySet());
        assertNull(FolderSnapshot.read(dir).text("notes.txt"));
    }

    @Test
    void shouldReadAConfigMapMountOnceAndSeeItsSymlinkSwap() throws IOException {
        Path mount = Files.createDirectories(dir.resolve("mount"));
        Path first = configMapVersion(mount, "..2026_12_03_10_00_00.1", "nightStartsHour: 20");
        Files.createSymbolicLink(mount.resolve("..data"), mount.relativize(first));
        for (String name : List.of("visits.drl", "thresholds.yaml")) {
            Files.createSymbolicLink(mount.resolve(name), Path.of("..data", name));
        }
        FolderSnapshot before = FolderSnapshot.read(mount);

        // What the kubelet does on an update: a new copy, then one rename of a fresh ..data link over the old one.
        Path second = configMapVersion(mount, "..2026_12_03_10_05_00.2", "nightStartsHour: 21");
        Path link = Files.createSymbolicLink(mount.resolve("..data_tmp"), mount.relativize(second));
        Files.move(link, mount.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FolderSnapshot after = FolderSnapshot.read(mount);

        assertEquals(java.util.Set.of("visits.drl", "thresholds.yaml"), before.texts("").keySet(), "each file once, by its link");
        assertEquals("nightStartsHour: 20", before.text("thresholds.yaml"));
        assertEquals("nightStartsHour: 21", after.text("thresholds.yaml"));
        assertNotEquals(before.hash(), after.hash(), "the watcher compares this hash, so the swap triggers a reload");
    }

    private static Path configMapVersion(Path mount, String name, String thresholds) throws IOException {
        Path copy = Files.createDirectories(mount.resolve(name));
        Files.writeString(copy.resolve("visits.drl"), "package x;");
        Files.writeString(copy.resolve("thresholds.yaml"), thresholds);
        return copy;
    }

    @Test
    void shouldRefuseAFolderThatDoesNotExist() {
        RuleSetException e = assertThrows(RuleSetException.class, () -> FolderSnapshot.read(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("rules folder does not exist"), e.getMessage());
    }

    @Test
    void shouldNameAMisspeltThresholdAtItsLineWithTheKeyItProbablyMeant() throws IOException {
        String text = Files.readString(Path.of("rules", RuleSources.THRESHOLDS_FILE)).replace("minVisitStaff:", "minVisitStaf:");
        int line = lineOf(text, "minVisitStaf:");

        List<RuleProblem> problems = thresholds(text);

        assertEquals(List.of(line, 1), List.of(problems.get(0).line(), problems.get(0).column()), problems::toString);
        assertTrue(problems.get(0).message().startsWith("unknown threshold 'minVisitStaf'; did you mean 'minVisitStaff'?"),
                problems::toString);
        assertEquals(1, problems.size(), "the typo explains the missing key; it is not reported twice: " + problems);
    }

    @Test
    void shouldReportADuplicateThresholdWithTheFilesOtherProblemsInLineOrder() throws IOException {
        // The duplicate used to hide every other problem of the file until it was fixed.
        String text = Files.readString(Path.of("rules", RuleSources.THRESHOLDS_FILE))
                .replace("minVisitStaff:", "minVisitStaf:").replaceFirst("nightStartsHour: *(\\d+)", "nightStartsHour: $1\nnightStartsHour: 21");

        List<RuleProblem> problems = thresholds(text);

        assertEquals(List.of(lineOf(text, "nightStartsHour: 21"), lineOf(text, "minVisitStaf:")),
                problems.stream().map(RuleProblem::line).toList(), problems::toString);
        assertEquals("duplicate key 'nightStartsHour'", problems.get(0).message());
    }

    @Test
    void shouldRefuseAThresholdThatIsNotAWholeNumberAtItsKey() throws IOException {
        String text = Files.readString(Path.of("rules", RuleSources.THRESHOLDS_FILE)).replaceFirst("nightStartsHour: *\\d+", "nightStartsHour: 20.5");

        List<RuleProblem> problems = thresholds(text);

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(lineOf(text, "nightStartsHour:"), problems.get(0).line());
        assertEquals("threshold 'nightStartsHour' must be a whole number", problems.get(0).message());
    }

    private static List<RuleProblem> thresholds(String text) {
        List<RuleProblem> problems = new ArrayList<>();
        assertNull(ThresholdsFile.read(new RuleSources(Path.of("."), new TreeMap<>(), text, "v"), problems));
        return problems;
    }

    private static int lineOf(String text, String start) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " not in the file");
    }
}
