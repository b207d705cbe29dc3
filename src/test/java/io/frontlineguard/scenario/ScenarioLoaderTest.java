package io.frontlineguard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.frontlineguard.ruleset.RuleProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scenario's name in Japanese ({@code ja_name}, as a rule has {@code @ja_name}) is read beside its
 * name, and a mistake in it is found like any other key's: at its line and column, with the word meant.
 */
class ScenarioLoaderTest {

    private static final String FILE = "visits.scenarios.yaml";

    private static String scenario(String nameLines) {
        return "scenarios:\n"
                + "  - name: come now with no reason is refused\n"
                + nameLines
                + "    incident: {occurredAt: \"2026-11-23T10:00:00+09:00\", channel: PHONE, department: d}\n"
                + "    expect: [REFUSE_VISIT]\n";
    }

    @Test
    void shouldReadTheJapaneseNameBesideTheName() {
        Scenario s = ScenarioLoader.parse(FILE, scenario("    ja_name: 理由のない「今すぐ来い」はお断りする\n")).get(0);
        assertEquals("come now with no reason is refused", s.name());
        assertEquals("理由のない「今すぐ来い」はお断りする", s.japaneseName());
    }

    @Test
    void shouldLeaveTheJapaneseNameOptionalForFoldersWithoutIt() {
        assertNull(ScenarioLoader.parse(FILE, scenario("")).get(0).japaneseName());
    }

    @Test
    void shouldRefuseAJapaneseNameThatIsNotASentenceAtItsKey() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(FILE, scenario("    ja_name: [a, b]\n")));
        assertEquals(List.of("visits.scenarios.yaml:3:5: 'ja_name' must be a sentence"), messages(e));
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(FILE, scenario("    ja_name: \" \"\n")));
        assertEquals(List.of("visits.scenarios.yaml:3:5: 'ja_name' must be a sentence"), messages(e));
    }

    @Test
    void shouldSuggestTheJapaneseNameForAMisspeltKeyAndKeepEveryOtherProblem() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(FILE, scenario("    jaName: 理由のない訪問要求\n    expct: [END_CONTACT]\n")));
        List<String> problems = messages(e);
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("visits.scenarios.yaml:3:5: unknown key 'jaName'; did you mean 'ja_name'? allowed: [absent, assessment, expect,"
                + " fired, incident, ja_name, lessons, memory, name, only, overridden]", problems.get(0));
        assertEquals("visits.scenarios.yaml:4:5: unknown key 'expct'; did you mean 'expect'? allowed: [absent, assessment, expect,"
                + " fired, incident, ja_name, lessons, memory, name, only, overridden]", problems.get(1));
    }

    @Test
    void shouldListAFilesProblemsInLineThenColumnOrderWhicheverCheckFoundThemFirst() {
        // The unknown keys are checked before the rest of a scenario, the second scenario after the
        // first: found in the order 5, 3, 4, 9, 8.
        String text = "scenarios:\n"
                + "  - name: come now with no reason is refused\n"
                + "    expect: [REFUSE_VIIST]\n"
                + "    absent: [END_CONTACT, NO_APOLOGI, WARN_CALER]\n"
                + "    expct: [END_CONTACT]\n"
                + "    incident: {occurredAt: \"2026-11-23T10:00:00+09:00\", channel: PHONE, department: d}\n"
                + "  - name: second\n"
                + "    expect: [END_CONTCT]\n"
                + "    incidnt: {}\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(FILE, text));
        List<String> places = messages(e).stream().map(m -> m.substring(0, m.indexOf(": "))).toList();
        assertEquals(places.stream().sorted(java.util.Comparator.comparingInt((String p) -> Integer.parseInt(p.split(":")[1]))
                .thenComparingInt(p -> Integer.parseInt(p.split(":")[2]))).toList(), places, messages(e).toString());
        assertEquals(List.of(3, 4, 4, 5, 8, 9), places.stream().map(p -> Integer.parseInt(p.split(":")[1])).toList(), messages(e).toString());
    }

    @Test
    void shouldReportADuplicateKeyWithEveryOtherProblemOfTheFileInLineOrder() {
        // A duplicate key used to stop the read: the misspelt code above it and the unknown key
        // below it were found only in the next round.
        String text = "scenarios:\n"
                + "  - name: come now with no reason is refused\n"
                + "    expect: [REFUSE_VIIST]\n"
                + "    name: again\n"
                + "    expct: [END_CONTACT]\n"
                + "    incident: {occurredAt: \"2026-11-23T10:00:00+09:00\", channel: PHONE, department: d}\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(FILE, text));
        List<String> problems = messages(e);
        assertEquals(List.of("visits.scenarios.yaml:3", "visits.scenarios.yaml:4", "visits.scenarios.yaml:5"),
                problems.stream().map(m -> m.substring(0, m.indexOf(':', m.indexOf(':') + 1))).toList(), problems.toString());
        assertEquals("visits.scenarios.yaml:4:5: duplicate key 'name'", problems.get(1));
    }

    private static List<String> messages(ScenarioException e) {
        return e.problems().stream().map(RuleProblem::toString).toList();
    }
}
