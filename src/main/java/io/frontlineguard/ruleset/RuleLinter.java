package io.frontlineguard.ruleset;

import io.frontlineguard.decision.ActionCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox for DRL. Drools compiles consequences to Java, so a rule could call anything; this
 * lint accepts only the decision vocabulary: imports of the fact types, the {@code actions}
 * global, consequences made solely of {@code actions.emit("CODE", ...)} with contract codes, and
 * lesson ids from the catalogue. It refuses wall-clock reads, I/O, processes, threads, reflection
 * and class loading wherever they appear, and salience or agenda tricks that bypass resolution.
 */
public final class RuleLinter {

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+|function\\s+)?([\\w.*]+)");
    private static final Pattern ALLOWED_IMPORT =
            Pattern.compile("io\\.frontlineguard\\.incident\\.(\\*|[A-Z]\\w*)|io\\.frontlineguard\\.ruleset\\.Thresholds");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^\\s*global\\s+([\\w.]+)\\s+(\\w+)");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\b");
    private static final Pattern ATTRIBUTE =
            Pattern.compile("\\b(salience|agenda-group|activation-group|ruleflow-group|auto-focus|lock-on-active)\\b");
    private static final Pattern DIALECT = Pattern.compile("\\bdialect\\b");
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*(rule)\\s+");
    private static final Pattern THEN = Pattern.compile("(?<![\\w$.])then\\b");
    private static final Pattern END = Pattern.compile("(?<![\\w$.])end\\b");
    private static final Pattern EMIT = Pattern.compile("^\\s*actions\\s*\\.\\s*emit\\s*\\(\\s*\"([^\"]*)\"(.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern LESSON = Pattern.compile("@lesson\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");

    /** Forbidden names, by what they would let a rule do. */
    private static final Map<String, Pattern> FORBIDDEN = Map.of(
            "reads the wall clock; rules take time only from the incident (occurredAt, ageDays, visitHour)",
            Pattern.compile("\\b(currentTimeMillis|nanoTime|now|Clock|Instant|LocalDateTime|LocalDate|LocalTime|ZonedDateTime|Date|Calendar|TimeZone)\\b"),
            "reaches outside the decision vocabulary (system, process or runtime access)",
            Pattern.compile("\\b(System|Runtime|ProcessBuilder|Process|exec|exit|getenv|SecurityManager)\\b"),
            "reaches outside the decision vocabulary (file or network I/O)",
            Pattern.compile("\\b(File|Files|Path|Paths|Socket|ServerSocket|URL|URI|HttpClient|InputStream|OutputStream|Reader|Writer)\\b"),
            "reaches outside the decision vocabulary (a class named by its full package)",
            Pattern.compile("\\b(java|javax|jakarta|org|com|sun|jdk)\\s*\\.\\s*\\w+"),
            "reaches outside the decision vocabulary (threads)",
            Pattern.compile("\\b(Thread|Runnable|Executor|Executors|ExecutorService|CompletableFuture|ForkJoinPool|Timer|synchronized)\\b"),
            "reaches outside the decision vocabulary (reflection or class loading)",
            Pattern.compile("\\b(Class|getClass|forName|ClassLoader|reflect|Method|Field|Constructor|invoke|setAccessible|MethodHandles|Unsafe|newInstance)\\b"),
            "changes facts or the agenda; rules only propose actions",
            Pattern.compile("\\b(insert|insertLogical|modify|update|delete|retract|drools|kcontext|halt|eval|new)\\b"));

    private final LessonCatalogue lessons;

    public RuleLinter(LessonCatalogue lessons) {
        this.lessons = lessons;
    }

    public List<RuleProblem> lint(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        sources.drl().forEach((file, text) -> lint(file, new DrlText(text), problems));
        problems.sort(java.util.Comparator.comparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        return problems;
    }

    private void lint(String file, DrlText drl, List<RuleProblem> out) {
        String code = drl.code();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            if (m.group(1) != null || !ALLOWED_IMPORT.matcher(m.group(2)).matches()) {
                out.add(at(file, drl, m.start(2), "import of " + m.group(2)
                        + " is not allowed; rules import only io.frontlineguard.incident.* and io.frontlineguard.ruleset.Thresholds"));
            }
        }
        m = GLOBAL.matcher(code);
        while (m.find()) {
            if (!m.group(1).equals("io.frontlineguard.decision.ActionSink") || !m.group(2).equals("actions")) {
                out.add(at(file, drl, m.start(1), "the only global is 'io.frontlineguard.decision.ActionSink actions'"));
            }
        }
        find(FUNCTION, code, file, drl, out, "functions are not allowed: a rule's consequence only emits actions");
        find(ATTRIBUTE, code, file, drl, out, "rules do not order themselves; the resolution step chooses between actions");
        find(DIALECT, code, file, drl, out, "rules keep the default Java dialect, whose compiler checks every statement");
        String body = withoutHeaders(code);
        FORBIDDEN.forEach((why, p) -> find(p, body, file, drl, out, why));
        rules(file, drl, out);
    }

    /** Import, global and package lines are checked above; the token checks look at rules only. */
    private static String withoutHeaders(String code) {
        return Pattern.compile("(?m)^\\s*(import|global|package)\\b.*$").matcher(code)
                .replaceAll(r -> " ".repeat(r.group().length()));
    }

    private void rules(String file, DrlText drl, List<RuleProblem> out) {
        String code = drl.code();
        Matcher rule = RULE.matcher(code);
        while (rule.find()) {
            Matcher then = THEN.matcher(code);
            Matcher end = END.matcher(code);
            if (!then.find(rule.end()) || !end.find(then.end())) {
                continue;
            }
            // Located at the keyword itself: a leading \s* would start on the blank line above.
            String header = drl.original().substring(rule.start(1), then.start());
            lessonsOf(file, drl, rule.start(1), header, out);
            consequence(file, drl, then.end(), end.start(), out);
        }
    }

    private void lessonsOf(String file, DrlText drl, int start, String header, List<RuleProblem> out) {
        Matcher l = LESSON.matcher(header);
        if (!l.find()) {
            out.add(at(file, drl, start, "rule names no lesson: add @lesson(\"L…\")"));
            return;
        }
        for (String id : l.group(1).split(",")) {
            if (!id.isBlank() && !lessons.knows(id.strip())) {
                out.add(at(file, drl, start + l.start(1), "lesson '" + id.strip() + "' is not in " + LessonCatalogue.FILE));
            }
        }
    }

    private static void consequence(String file, DrlText drl, int from, int to, List<RuleProblem> out) {
        String code = drl.code();
        int stmt = from;
        for (int i = from; i < to; i++) {
            if (code.charAt(i) == ';') {
                statement(file, drl, stmt, i, out);
                stmt = i + 1;
            }
        }
        if (!code.substring(stmt, to).isBlank()) {
            statement(file, drl, stmt, to, out);
        }
    }

    private static void statement(String file, DrlText drl, int from, int to, List<RuleProblem> out) {
        String masked = drl.code().substring(from, to);
        if (masked.isBlank()) {
            return;
        }
        int start = from + (masked.length() - masked.stripLeading().length());
        Matcher emit = EMIT.matcher(drl.original().substring(from, to));
        if (!EMIT.matcher(masked).matches() || !emit.matches() || !isOneCall(masked)) {
            out.add(at(file, drl, start, "a consequence may only call actions.emit(\"CODE\", ...)"));
        } else if (!ActionCode.isKnown(emit.group(1))) {
            out.add(at(file, drl, start, "'" + emit.group(1) + "' is not an action code of the contract"));
        }
    }

    /**
     * True when the statement is a single call: the parenthesis opened by {@code emit(} closes at
     * the very end. Without this, a forgotten {@code ;} (legal in the MVEL dialect) could hide a
     * second call inside what looks like one emit.
     */
    private static boolean isOneCall(String masked) {
        String s = masked.strip();
        int depth = 0;
        for (int i = s.indexOf('('); i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i == s.length() - 1;
            }
        }
        return false;
    }

    private static void find(Pattern p, String code, String file, DrlText drl, List<RuleProblem> out, String why) {
        Matcher m = p.matcher(code);
        while (m.find()) {
            out.add(at(file, drl, m.start(), "'" + m.group().replaceAll("\\s+", "") + "' " + why));
        }
    }

    private static RuleProblem at(String file, DrlText drl, int offset, String message) {
        return RuleProblem.error(file, drl.line(offset), drl.column(offset), message);
    }
}
