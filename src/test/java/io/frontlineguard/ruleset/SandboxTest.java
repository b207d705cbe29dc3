package io.frontlineguard.ruleset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frontlineguard.verification.VerifiedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule files written as an attacker with write access to a rules folder would write them. Each
 * must be refused by the path every entry point shares ({@code guard check}, start-up and reload
 * all verify through {@link VerifiedRules}), and the marker file it tries to create must never
 * appear: nothing of a refused file may run, not even while it is being refused.
 */
class SandboxTest {

    private static final Path RULES = Path.of("rules");
    /** Built by concatenation: javac would decode the escape inside this very source file. */
    private static final String U = "\\" + "u";
    private static final String HEAD = """
            package frontlineguard.probe;
            import io.frontlineguard.incident.*;
            import io.frontlineguard.ruleset.Thresholds;
            global io.frontlineguard.decision.ActionSink actions;
            """;

    @TempDir
    Path temp;

    private static String rule(String annotations, String when, String then) {
        return "rule \"Probe\" @lesson(\"L004-1\") @en(\"probe\") @ja(\"probe\") " + annotations
                + "\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static String when(String when) {
        return rule("", when, "actions.emit(\"CONFIRM_DEMANDS\");");
    }

    private static String then(String then) {
        return rule("", "Incident()", then);
    }

    private static final String MARKER = "MARKER_PATH";
    private static final String CREATE = "new java.io.File(\"" + MARKER + "\").createNewFile()";

    static Stream<Arguments> hostileFiles() {
        List<Arguments> files = new ArrayList<>();
        add(files, "annotation value runs a process", rule("@zz(java.lang.Runtime.getRuntime().exec(new String[]{\"sh\",\"-c\",\"touch " + MARKER + "\"}))",
                "Incident(incidentId == \"X\")", "actions.emit(\"CONFIRM_DEMANDS\");"));
        add(files, "reason annotation creates a file", "rule \"Probe\" @lesson(\"L004-1\") @en(" + CREATE + ") @ja(\"p\")\n"
                + "when Incident() then actions.emit(\"CONFIRM_DEMANDS\"); end\n");
        add(files, "lesson annotation creates a file", "rule \"Probe\" @lesson(" + CREATE + ") @en(\"p\") @ja(\"p\")\n"
                + "when Incident() then actions.emit(\"CONFIRM_DEMANDS\"); end\n");
        add(files, "annotation concatenates", rule("@zz(\"a\" + " + CREATE + ")", "Incident()", "actions.emit(\"CONFIRM_DEMANDS\");"));
        add(files, "declare field default", HEAD + "declare Evil x : boolean = " + CREATE + " end\n" + when("Incident()"));
        add(files, "declare annotation on a fact", HEAD + "declare Incident @zz(" + CREATE + ") end\n" + when("Incident()"));
        add(files, "declare enum", HEAD + "declare enum Evil A(" + CREATE + "); x : boolean end\n" + when("Incident()"));
        add(files, "declare window", HEAD + "declare window W Incident() over window:length(1) end\n" + when("Incident()"));
        add(files, "function", HEAD + "function boolean boom() { return " + CREATE + "; }\n" + when("Incident(eval(boom()))"));
        add(files, "query", HEAD + "query \"q\" Incident() end\n" + when("Incident()"));
        add(files, "endless accumulate", when("$c : Integer() from accumulate(Incident(), init(int c = 0;), "
                + "action(while (c >= 0) { c = c + 0; }), result(Integer.valueOf(c)))"));
        add(files, "accumulate init creates a file", when("$c : Object() from accumulate(Incident(), init(boolean b = " + CREATE
                + ";), action(), result(b))"));
        add(files, "accumulate function", when("accumulate(Demand(); $n : count())"));
        add(files, "collect", when("$l : java.util.List() from collect(Demand())"));
        add(files, "from a method call", when("$x : Object() from java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + MARKER + "\"))"));
        add(files, "from an entry point", when("Incident() from entry-point \"evil\""));
        add(files, "eval", when("eval(" + CREATE + ")"));
        add(files, "eval inside not", when("not(eval(" + CREATE + "))"));
        add(files, "forall", when("forall(Demand())"));
        add(files, "conditional branch", "rule \"Probe\" @lesson(\"L004-1\") @en(\"p\") @ja(\"p\")\nwhen\n  $i : Incident()\n"
                + "  if ($i != null) do[evil]\nthen actions.emit(\"CONFIRM_DEMANDS\");\nthen[evil] " + CREATE + ";\nend\n");
        add(files, "named consequence", "rule \"Probe\" @lesson(\"L004-1\") @en(\"p\") @ja(\"p\")\nwhen\n  Incident()\n"
                + "  do[evil]\nthen actions.emit(\"CONFIRM_DEMANDS\");\nthen[evil] " + CREATE + ";\nend\n");
        add(files, "constraint calls a static method", when("Incident(java.lang.Runtime.getRuntime().exec(\"touch " + MARKER + "\") != null)"));
        add(files, "constraint allocates", when("Incident(" + CREATE + ")"));
        add(files, "constraint reaches getClass", when("Incident(incidentId.getClass().getClassLoader() != null)"));
        add(files, "constraint reads the class property", when("Incident(class.name == \"x\")"));
        add(files, "catastrophic regex", when("Incident(incidentId matches \"(a+)+$\")"));
        add(files, "soundslike operator", when("Incident(incidentId soundslike \"x\")"));
        add(files, "string repeat in a constraint", when("Incident(incidentId == \"x\".repeat(2000000000))"));
        add(files, "arithmetic", when("Caller(relationshipYears * 1000000 > 1)"));
        add(files, "oversized number", when("Caller(relationshipYears > 99999999999999999999)"));
        add(files, "OOPath", when("Incident(/demands[type == DemandType.VISIT])"));
        add(files, "pattern annotation", when("Incident() @watch(*)"));
        add(files, "pattern window", when("Incident() over window:length(2)"));
        add(files, "pattern over a JDK type", when("$r : java.lang.Runtime()"));
        add(files, "pattern over Object", when("$o : Object()"));
        add(files, "threshold call with an evil argument", when("$t : Thresholds()\n    Demand($t.isNight(java.lang.Runtime.getRuntime().availableProcessors()))"));
        add(files, "method on a bound fact", when("$i : Incident()\n    Caller(callerId == $i.toString())"));
        add(files, "consequence creates a file", then(CREATE + ";"));
        add(files, "consequence with Files", then("java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + MARKER + "\"));"));
        add(files, "consequence starts a process", then("new ProcessBuilder(\"touch\", \"" + MARKER + "\").start();"));
        add(files, "consequence uses Runtime", then("Runtime.getRuntime().exec(\"touch " + MARKER + "\");"));
        add(files, "consequence reflects", then("Class.forName(\"java.io.File\").getConstructor(String.class).newInstance(\"" + MARKER + "\");"));
        add(files, "consequence starts a thread", then("new Thread(() -> { }).start();"));
        add(files, "consequence reaches the runtime", then("drools.getKieRuntime().halt();"));
        add(files, "consequence inserts", then("insert(new Object());"));
        add(files, "consequence modifies", rule("", "$d : Demand()", "modify($d) { };"));
        add(files, "emit with repeat", then("actions.emit(\"ESCALATE\", \"to\", \"x\".repeat(2000000000));"));
        add(files, "emit with a lambda", then("actions.emit(\"ESCALATE\", \"to\", ((java.util.function.Supplier<Object>) () -> "
                + CREATE + ").get());"));
        add(files, "emit then another call", then("actions.emit(\"REFUSE_VISIT\"); actions.getClass();"));
        add(files, "emit with a call on the code", then("actions.emit(\"REFUSE_VISIT\".concat(\"\"));"));
        add(files, "emit without semicolon hides a call", then("actions.emit(\"REFUSE_VISIT\")\n    " + CREATE));
        add(files, "consequence block", then("{ actions.emit(\"REFUSE_VISIT\"); }"));
        add(files, "consequence if", then("if (" + CREATE + ") actions.emit(\"REFUSE_VISIT\");"));
        add(files, "threshold accessor with argument in consequence", rule("", "$t : Thresholds()",
                "actions.emit(\"INVESTIGATE\", \"minInvestigators\", $t.isNight(" + CREATE + " ? 1 : 0));"));
        add(files, "toString on a bound fact", rule("", "$i : Incident()", "actions.emit(\"ESCALATE\", \"to\", $i.toString());"));
        add(files, "unicode escape ends a comment", then("actions.emit(\"REFUSE_VISIT\"); // " + U + "000a " + CREATE + ";"));
        add(files, "unicode escape ends a string", then("actions.emit(\"REFUSE_VISIT" + U + "0022); " + CREATE.replace("\"", U + "0022")
                + "; //\");"));
        add(files, "unicode escape in a reason", "rule \"Probe\" @lesson(\"L004-1\") @en(\"p" + U + "0022 + " + CREATE.replace("\"", "'")
                + " + " + U + "0022\") @ja(\"p\")\nwhen Incident() then actions.emit(\"CONFIRM_DEMANDS\"); end\n");
        add(files, "comment-split tokens", then("new java.io./**/File(\"" + MARKER + "\")./**/createNewFile();"));
        add(files, "comment-split System", then("Sys/**/tem.exit(1);"));
        add(files, "stray backslash", then("actions.emit(\"REFUSE_VISIT\")\\;"));
        add(files, "Cyrillic lookalike", then("\u0430ctions.emit(\"REFUSE_VISIT\");"));
        add(files, "import static", HEAD.replace("global", "import static java.lang.Runtime.getRuntime;\nglobal") + when("Incident()"));
        add(files, "import function", HEAD.replace("global", "import function java.lang.System.exit;\nglobal") + when("Incident()"));
        add(files, "import of a JDK class", HEAD.replace("global", "import java.io.File;\nglobal") + when("Incident()"));
        add(files, "second global", HEAD + "global java.io.File evil;\n" + when("Incident()"));
        add(files, "package in the JDK", HEAD.replace("package frontlineguard.probe;", "package java.lang;") + when("Incident()"));
        add(files, "package dialect mvel", HEAD.replace("global", "dialect \"mvel\"\nglobal") + when("Incident()"));
        add(files, "rule dialect mvel", rule("dialect \"mvel\"", "Incident()", CREATE));
        add(files, "dynamic salience", rule("salience (" + CREATE + " ? 1 : 0)", "Incident()", "actions.emit(\"CONFIRM_DEMANDS\");"));
        add(files, "enabled expression", rule("enabled (" + CREATE + ")", "Incident()", "actions.emit(\"CONFIRM_DEMANDS\");"));
        add(files, "timer", rule("timer (int: 0s 1s)", "Incident()", "actions.emit(\"CONFIRM_DEMANDS\");"));
        add(files, "no-loop attribute", rule("no-loop", "Incident()", "actions.emit(\"CONFIRM_DEMANDS\");"));
        add(files, "rule unit", HEAD.replace("import io", "unit Evil;\nimport io") + when("Incident()"));
        add(files, "DSL expander", "expander evil.dsl\n" + HEAD + when("Incident()"));
        return files.stream();
    }

    /** A probe is a whole file; a bare rule gets the usual header, so only the probe itself differs. */
    private static void add(List<Arguments> files, String name, String drl) {
        files.add(Arguments.of(name, drl.contains("package ") ? drl : HEAD + drl));
    }

    @Test
    void shouldHoldAtLeastFortyHostileFiles() {
        assertTrue(hostileFiles().count() >= 40, "the issue asks for at least 40 hostile files");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void shouldRefuseAHostileFileWithoutRunningAnyOfIt(String name, String drl) throws IOException {
        Path marker = temp.resolve("marker");
        Path dir = folderWith(drl.replace(MARKER, marker.toString().replace("\\", "/")));

        VerifiedRules verifier = new VerifiedRules(Clock.systemUTC());
        VerifiedRules.Checked checked = verifier.check(dir);
        assertFalse(checked.problems().isEmpty(), name + ": guard check accepted it");
        assertNull(checked.rules(), name + ": guard check compiled it");
        checked.problems().forEach(p -> assertNotEquals(0, p.line(), name + ": problem without a line: " + p));
        assertThrows(RuleSetException.class, () -> verifier.verifyWithin(FolderSnapshot.read(dir), java.time.Duration.ofSeconds(30)),
                name + ": reload would activate it");
        assertFalse(Files.exists(marker), name + ": the refused file ran code");
    }

    /**
     * The control: without the sandbox, Drools itself runs the first probes' code while compiling,
     * so a marker that stays absent above means the sandbox stopped it, not that the probe was inert.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("probesDroolsRunsWhileCompiling")
    void shouldCreateTheMarkerWhenDroolsCompilesTheProbeWithoutTheSandbox(String name, String drl) {
        Path marker = temp.resolve("marker");
        org.kie.internal.builder.KnowledgeBuilder builder = org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(org.kie.internal.io.ResourceFactory.newByteArrayResource(
                drl.replace(MARKER, marker.toString().replace("\\", "/")).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                org.kie.api.io.ResourceType.DRL);
        assertTrue(Files.exists(marker), name + ": the control probe did not run, so the sandbox test proves nothing");
    }

    static Stream<Arguments> probesDroolsRunsWhileCompiling() {
        return hostileFiles().filter(a -> List.of("reason annotation creates a file", "annotation concatenates",
                "declare field default").contains((String) a.get()[0]));
    }

    /** A reason is only ever a string: one that looks like an MVEL template is kept as text and runs nothing. */
    @Test
    void shouldKeepATemplateLookingReasonAsPlainText() throws IOException {
        Path marker = temp.resolve("marker");
        String reason = "@{new java.io.File('" + marker.toString().replace("\\", "/") + "').createNewFile()}";
        Path dir = folderWith(HEAD + "rule \"Confirm the demands of every incident\" @lesson(\"L004-1\") @en(\"" + reason
                + "\") @ja(\"p\")\nwhen\n    Incident()\nthen\n    actions.emit(\"CONFIRM_DEMANDS\");\nend\n");
        RuleSet rules = new VerifiedRules(Clock.systemUTC()).compile(dir);
        new io.frontlineguard.decision.DecisionEngine().evaluate(rules, new io.frontlineguard.incident.IncidentReader()
                .read("{\"incidentId\":\"T-1\",\"occurredAt\":\"2026-01-01T10:00:00+09:00\",\"channel\":\"PHONE\",\"department\":\"CALL_CENTER\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        org.junit.jupiter.api.Assertions.assertEquals(reason, rules.rules().values().iterator().next().reasons().get("en"));
        assertFalse(Files.exists(marker));
    }

    private Path folderWith(String drl) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("rules"));
        Files.copy(RULES.resolve("lessons.yaml"), dir.resolve("lessons.yaml"));
        Files.copy(RULES.resolve("thresholds.yaml"), dir.resolve("thresholds.yaml"));
        Files.writeString(dir.resolve("probe.drl"), drl);
        return dir;
    }
}
