package io.frontlineguard.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walkthrough of rules/README.md, done as an author does it, on a copy of the built-in rules:
 * the rule, the lesson, the scenarios and the incidents are taken from the guide's own blocks (and
 * "Changing a number" is done the same way), each
 * {@code ./guard} command of its console blocks is run, and what the guide shows must be what the
 * command prints now. Its counts went stale before (52, 55 and 56 rules while there were 73); a new
 * rule now fails this test until the guide shows the new output. Run with
 * {@code -Dwalkthrough.update=true} to write the real output into the guide, then read the diff.
 */
class WalkthroughTest {

    static final Path GUIDE = Path.of("rules/README.md");
    /** Where step 4 of the guide puts the new lesson's scenarios. */
    static final String SCENARIO_FILE = "compensation.scenarios.yaml";
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("sha256:[0-9a-f]{16}");

    @TempDir
    Path tmp;

    private Cli.Run last;

    @Test
    void shouldPrintWhatTheWalkthroughShows() {
        String guide = Cli.read(GUIDE);
        int start = guide.indexOf("## Walkthrough");
        int end = guide.indexOf("\n## ", start + 1);
        String walkthrough = guide.substring(start, end);
        List<String[]> blocks = blocks(walkthrough);
        List<String> consoles = of(blocks, "console");
        assertEquals(6, consoles.size(), "the walkthrough's console blocks: check, check, test, test, test, diff");

        Path before = Cli.copyOfBuiltInRules(tmp.resolve("before"));
        Path rules = Cli.copyOfBuiltInRules(tmp);
        Path answers = rules.resolve("answers.drl");
        Cli.write(answers, Cli.read(answers) + "\n" + of(blocks, "drl").get(0));
        List<String> shown = new ArrayList<>();
        List<String> real = new ArrayList<>();
        step(consoles.get(0), before, shown, real);

        String lesson = of(blocks, "yaml").get(0);
        Path lessons = rules.resolve("lessons.yaml");
        Cli.write(lessons, Cli.read(lessons).replaceFirst("\nlessons:\n", Matcher.quoteReplacement("\nlessons:\n" + lesson)));
        Cli.write(answers, Cli.read(answers).replace("REFUSE_DEMAND", "REFUSE_REQUEST"));
        step(consoles.get(1), before, shown, real);
        step(consoles.get(2), before, shown, real);

        String scenarios = of(blocks, "yaml").get(1);
        Cli.write(rules.resolve(SCENARIO_FILE), scenarios);
        step(consoles.get(3), before, shown, real);

        Matcher correction = Pattern.compile("After correcting the scenario to `([^`]+)`").matcher(walkthrough);
        assertTrue(correction.find(), "the guide says how the scenario was corrected");
        // The corrected scenario also names the lesson it interacts with, and a third scenario follows.
        Matcher interaction = Pattern.compile("let it name that lesson\\s+too, `lessons: (\\[[^]]+])`").matcher(walkthrough);
        assertTrue(interaction.find(), "the guide says which lessons the corrected scenario names");
        int corrected = scenarios.indexOf("{code: ESCALATE, to: MANAGER}");
        int scenarioStart = scenarios.lastIndexOf("\n  - name:", corrected);
        String before5 = scenarios.substring(0, scenarioStart);
        String scenario = scenarios.substring(scenarioStart).replaceFirst("lessons: \\[LX-8]",
                Matcher.quoteReplacement("lessons: " + interaction.group(1)));
        Cli.write(rules.resolve(SCENARIO_FILE), before5 + scenario.replace("{code: ESCALATE, to: MANAGER}", correction.group(1))
                + "\n" + of(blocks, "yaml").get(2));
        step(consoles.get(4), before, shown, real);

        Cli.write(tmp.resolve("incidents.jsonl"), of(blocks, "json").get(0));
        step(consoles.get(5), before, shown, real);

        // "Changing a number": the night window moved in a copy of the rules as they were.
        int numberStart = guide.indexOf("## Changing a number");
        List<String[]> numberBlocks = blocks(guide.substring(numberStart, guide.indexOf("\n## ", numberStart + 1)));
        Path night = tmp.resolve("rules-night");
        Cli.copyOfBuiltInRules(tmp.resolve("night"));
        assertTrue(tmp.resolve("night/rules").toFile().renameTo(night.toFile()));
        Path thresholds = night.resolve("thresholds.yaml");
        Cli.write(thresholds, Cli.read(thresholds).replace("nightStartsHour: 20", "nightStartsHour: 21"));
        Cli.write(tmp.resolve("visits.jsonl"), of(numberBlocks, "json").get(0));
        List<String> numberConsoles = of(numberBlocks, "console");
        step(numberConsoles.get(0), before, shown, real);
        List<String> allConsoles = new ArrayList<>(consoles);
        allConsoles.addAll(numberConsoles);

        if (Boolean.getBoolean("walkthrough.update")) {
            String updated = guide;
            for (int i = 0; i < shown.size(); i++) {
                updated = updated.replace("```console\n" + allConsoles.get(i) + "```", "```console\n" + real.get(i) + "```");
            }
            Cli.write(GUIDE, updated);
            return;
        }
        for (int i = 0; i < shown.size(); i++) {
            assertEquals(shown.get(i), real.get(i), "console block " + (i + 1) + " of the walkthrough in " + GUIDE
                    + " is not what the commands print now; run this test with -Dwalkthrough.update=true and check the diff");
        }
    }

    /** Runs the commands of one console block; records the block as shown (versions elided) and as printed now. */
    private void step(String console, Path before, List<String> shown, List<String> real) {
        StringBuilder transcript = new StringBuilder();
        for (String line : console.split("\n")) {
            if (!line.startsWith("$ ")) {
                continue;
            }
            transcript.append(line).append('\n');
            String command = line.substring(2);
            if (command.equals("echo $?")) {
                transcript.append(last.exitCode()).append('\n');
                continue;
            }
            assertTrue(command.startsWith("./guard "), "a command of the walkthrough this test cannot run: " + line);
            String[] args = command.substring("./guard ".length()).split(" +");
            for (int a = 0; a < args.length; a++) {
                args[a] = switch (args[a]) {
                    case "/tmp/rules-before" -> before.toString();
                    case "rules" -> tmp.resolve("rules").toString();
                    case "rules-night", "incidents.jsonl", "visits.jsonl" -> tmp.resolve(args[a]).toString();
                    default -> args[a];
                };
            }
            if (args.length == 1) {
                args = new String[] {args[0], tmp.resolve("rules").toString()};
            }
            last = Cli.run(args);
            transcript.append((last.out() + last.err()).replace(before.toString(), "/tmp/rules-before")
                    .replace(tmp + "/", ""));
        }
        shown.add(elideVersions(console));
        real.add(elideVersions(transcript.toString()));
    }

    private static String elideVersions(String text) {
        return VERSION.matcher(text).replaceAll("sha256:…");
    }

    private static List<String[]> blocks(String text) {
        List<String[]> found = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            found.add(new String[] {m.group(1), m.group(2)});
        }
        return found;
    }

    private static List<String> of(List<String[]> blocks, String language) {
        return blocks.stream().filter(b -> b[0].equals(language)).map(b -> b[1]).toList();
    }
}
