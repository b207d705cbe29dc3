package io.frontlineguard.impact;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.decision.Action;
import io.frontlineguard.decision.Answer;
import io.frontlineguard.decision.Assessment;
import io.frontlineguard.impact.LoggedDecision.DecidedAction;
import io.frontlineguard.impact.LoggedDecision.Judged;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the candidate would have decided differently from the logged decision, by kind: for each
 * kind the lines that show it ({@code + CODE}, {@code - CODE}, {@code ~ CODE old → new},
 * {@code handling OLD → NEW}) and the rules involved. Actions are compared per code: a code on one
 * side only is added or removed; on both sides with other params, its params changed.
 */
record DecisionChange(Map<ChangeKind, List<String>> lines, Map<ChangeKind, List<String>> rules,
                      List<Detail> details, List<DecidedAction> beforeActions, List<DecidedAction> afterActions) {

    /**
     * One line of the change as data, for readers that put it in their own words (the console):
     * for an action kind the code and its params before and after (canonical JSON, one per action of
     * the code); for an answer the field and its values before and after; for a failure the error.
     */
    record Detail(ChangeKind kind, String code, String field, List<String> before, List<String> after,
                  List<String> rules, String error) {
    }

    List<String> before() {
        return linesOf(beforeActions);
    }

    List<String> after() {
        return linesOf(afterActions);
    }

    boolean changed() {
        return !lines.isEmpty();
    }

    /** All the change lines of this decision, in kind order. */
    List<String> allLines() {
        List<String> all = new ArrayList<>();
        lines.values().forEach(all::addAll);
        return all;
    }

    static DecisionChange failed(LoggedDecision logged, String error) {
        Map<ChangeKind, List<String>> lines = new EnumMap<>(ChangeKind.class);
        lines.put(ChangeKind.NOT_DECIDED, List.of("error: " + error));
        return new DecisionChange(lines, Map.of(ChangeKind.NOT_DECIDED, List.of()),
                List.of(new Detail(ChangeKind.NOT_DECIDED, null, null, List.of(), List.of(), List.of(), error)),
                logged.actions(), List.of());
    }

    static DecisionChange of(LoggedDecision logged, List<Action> candidate, Assessment assessment) {
        List<DecidedAction> now = candidate.stream()
                .map(a -> new DecidedAction(a.code().name(), Canonical.json(a.params()), a.ruleNames())).toList();
        Builder b = new Builder();
        Map<String, List<DecidedAction>> was = byCode(logged.actions());
        Map<String, List<DecidedAction>> is = byCode(now);
        for (ActionCode code : ActionCode.values()) {
            compare(code.name(), was.remove(code.name()), is.remove(code.name()), b);
        }
        // Codes the contract no longer knows can only be on the logged side; they are removals too.
        was.forEach((code, actions) -> compare(code, actions, null, b));
        judge(logged.assessment(), assessment, b);
        // In kind order, as the lines are; the sort is stable, so in the order found within a kind.
        b.details.sort(java.util.Comparator.comparing(Detail::kind));
        return new DecisionChange(b.lines, b.rules, b.details, logged.actions(), now);
    }

    private static void compare(String code, List<DecidedAction> was, List<DecidedAction> is, Builder b) {
        if (was == null && is == null) {
            return;
        }
        if (was == null) {
            is.forEach(a -> b.add(ChangeKind.ACTION_ADDED, "+ " + a.line() + " from " + a.rules(), a.rules(),
                    new Detail(ChangeKind.ACTION_ADDED, code, null, List.of(), List.of(a.params()), a.rules(), null)));
        } else if (is == null) {
            was.forEach(a -> b.add(ChangeKind.ACTION_REMOVED, "- " + a.line() + " from " + a.rules(), a.rules(),
                    new Detail(ChangeKind.ACTION_REMOVED, code, null, List.of(a.params()), List.of(), a.rules(), null)));
        } else {
            List<String> before = was.stream().map(DecidedAction::params).sorted().toList();
            List<String> after = is.stream().map(DecidedAction::params).sorted().toList();
            if (!before.equals(after)) {
                List<String> rules = new ArrayList<>();
                was.forEach(a -> rules.addAll(a.rules()));
                is.forEach(a -> rules.addAll(a.rules()));
                b.add(ChangeKind.PARAMS_CHANGED, "~ " + code + " " + String.join(", ", before) + " → "
                        + String.join(", ", after), rules, new Detail(ChangeKind.PARAMS_CHANGED, code, null, before, after,
                        rules.stream().distinct().toList(), null));
            }
        }
    }

    /**
     * Handling is its own kind: it is what the front line reads first. The rules involved are the
     * candidate's behind the new answer, and the logged rules the candidate no longer gives.
     */
    private static void judge(Judged was, Assessment is, Builder b) {
        TreeSet<String> gone = new TreeSet<>(was.rules());
        gone.removeAll(allRules(is));
        answer(ChangeKind.HANDLING_CHANGED, "handling", was.handling(), is.handling(), gone, b);
        answer(ChangeKind.ASSESSMENT_CHANGED, "harassment", was.harassment(), is.harassment(), gone, b);
        answer(ChangeKind.ASSESSMENT_CHANGED, "demandJustified", was.demandJustified(), is.demandJustified(), gone, b);
        answer(ChangeKind.ASSESSMENT_CHANGED, "meansAcceptable", was.meansAcceptable(), is.meansAcceptable(), gone, b);
        if (!was.types().equals(is.typeNames())) {
            List<String> rules = new ArrayList<>(gone);
            is.types().forEach(t -> rules.addAll(t.ruleNames()));
            b.add(ChangeKind.ASSESSMENT_CHANGED, "types " + was.types() + " → " + is.typeNames(), rules,
                    new Detail(ChangeKind.ASSESSMENT_CHANGED, null, "types", was.types(), is.typeNames(), rules, null));
        }
    }

    private static void answer(ChangeKind kind, String field, String was, Answer is, TreeSet<String> gone, Builder b) {
        if (!Objects.equals(was, is.value())) {
            List<String> rules = new ArrayList<>(gone);
            rules.addAll(is.ruleNames());
            b.add(kind, field + " " + was + " → " + is.value(), rules,
                    new Detail(kind, null, field, valueOf(was), valueOf(is.value()), rules, null));
        }
    }

    private static List<String> valueOf(String answer) {
        return answer == null ? List.of() : List.of(answer);
    }

    private static List<String> allRules(Assessment a) {
        List<String> all = new ArrayList<>(a.handling().ruleNames());
        all.addAll(a.harassment().ruleNames());
        all.addAll(a.demandJustified().ruleNames());
        all.addAll(a.meansAcceptable().ruleNames());
        a.types().forEach(t -> all.addAll(t.ruleNames()));
        return all;
    }

    private static Map<String, List<DecidedAction>> byCode(List<DecidedAction> actions) {
        Map<String, List<DecidedAction>> out = new LinkedHashMap<>();
        actions.forEach(a -> out.computeIfAbsent(a.code(), k -> new ArrayList<>()).add(a));
        return out;
    }

    private static List<String> linesOf(List<DecidedAction> actions) {
        return actions.stream().map(DecidedAction::line).toList();
    }

    private static final class Builder {
        final Map<ChangeKind, List<String>> lines = new EnumMap<>(ChangeKind.class);
        final Map<ChangeKind, List<String>> rules = new EnumMap<>(ChangeKind.class);
        final List<Detail> details = new ArrayList<>();

        void add(ChangeKind kind, String line, List<String> involved, Detail detail) {
            lines.computeIfAbsent(kind, k -> new ArrayList<>()).add(line);
            details.add(detail);
            List<String> r = rules.computeIfAbsent(kind, k -> new ArrayList<>());
            involved.stream().filter(n -> !r.contains(n)).forEach(r::add);
        }
    }
}
