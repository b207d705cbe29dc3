package io.frontlineguard.decision;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.action.ParamType;
import io.frontlineguard.ruleset.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where competing candidates become a decision, following the contract: the
 * restrictive action wins and whatever it replaced is reported as overridden. Rules never order
 * themselves (no salience); they only propose.
 */
public final class Resolver {

    /** Visit outcomes, strongest first: at most one survives. */
    private static final List<ActionCode> VISIT_OUTCOMES =
            List.of(ActionCode.REFUSE_VISIT, ActionCode.POSTPONE_VISIT, ActionCode.ALLOW_VISIT);
    private static final Set<ActionCode> APOLOGIES =
            EnumSet.of(ActionCode.SENIOR_APOLOGY, ActionCode.APOLOGIZE_FOR_INCONVENIENCE);
    /** Actions that stop the contact, strongest first: the one that replaces a warning is the first present. */
    private static final List<ActionCode> STOPS =
            List.of(ActionCode.END_CONTACT, ActionCode.BLOCK_CALLER, ActionCode.NOTIFY_POLICE);

    public Resolution resolve(List<Candidate> candidates) {
        return resolve(candidates, List.of());
    }

    /** As {@link #resolve(List)}, with the assessment chosen from the rules' answers. */
    public Resolution resolve(List<Candidate> candidates, List<Finding> findings) {
        List<Action> actions = new ArrayList<>();
        List<Overridden> overridden = new ArrayList<>();
        for (List<Candidate> group : groupByCode(candidates).values()) {
            ActionCode code = group.get(0).code();
            if (code.merge() == ActionCode.Merge.DISTINCT) {
                actions.addAll(distinct(group));
            } else {
                mergeRanked(group, actions, overridden);
            }
        }
        keepStrongestVisitOutcome(actions, overridden);
        dropApologiesUnder(actions, overridden);
        holdTheFinalAnswerWhileDeferred(actions, overridden);
        noWarningOnceStopped(actions, overridden);
        actions.sort(Action.ORDER);
        overridden.sort(Comparator.comparing(Overridden::action, Action.ORDER));
        return new Resolution(List.copyOf(actions), List.copyOf(overridden), Assessment.of(findings));
    }

    private static Map<ActionCode, List<Candidate>> groupByCode(List<Candidate> candidates) {
        Map<ActionCode, List<Candidate>> byCode = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byCode.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
        }
        return byCode;
    }

    /** Candidates with equal params collapse into one action carrying all their rules. */
    private static List<Action> distinct(List<Candidate> group) {
        Map<Map<String, Object>, List<RuleInfo>> byParams = new LinkedHashMap<>();
        for (Candidate c : group) {
            byParams.computeIfAbsent(c.params(), k -> new ArrayList<>()).add(c.rule());
        }
        List<Action> out = new ArrayList<>();
        byParams.forEach((params, rules) -> out.add(new Action(group.get(0).code(), params, rules)));
        return out;
    }

    private static void mergeRanked(List<Candidate> group, List<Action> actions, List<Overridden> overridden) {
        ActionCode code = group.get(0).code();
        String ranking = code.rankingParam();
        Comparable<Object> best = null;
        for (Candidate c : group) {
            Comparable<Object> v = rank(c, ranking);
            if (best == null || isStronger(code, v, best)) {
                best = v;
            }
        }
        List<Candidate> winners = new ArrayList<>();
        List<Candidate> losers = new ArrayList<>();
        for (Candidate c : group) {
            (rank(c, ranking).compareTo(best) == 0 ? winners : losers).add(c);
        }
        Map<String, Object> params = new LinkedHashMap<>(winners.get(0).params());
        List<RuleInfo> rules = new ArrayList<>(winners.size());
        for (Candidate c : winners) {
            rules.add(c.rule());
        }
        uniteLists(code, group, params, rules);
        Action merged = new Action(code, params, rules);
        actions.add(merged);
        for (Action loser : distinct(losers)) {
            overridden.add(new Overridden(withListParams(code, loser), merged));
        }
    }

    /**
     * A list param is part of the code's contract even when a rule named nobody (an exclusion whose
     * employee id the client did not send): the overridden action carries it, empty, as the merged one does.
     */
    private static Action withListParams(ActionCode code, Action action) {
        Map<String, Object> params = null;
        for (Map.Entry<String, ParamType> p : code.params().entrySet()) {
            if (p.getValue() == ParamType.STRING_LIST && !action.params().containsKey(p.getKey())) {
                params = params == null ? new LinkedHashMap<>(action.params()) : params;
                params.put(p.getKey(), List.of());
            }
        }
        return params == null ? action : new Action(code, params, action.rules());
    }

    /** List params (a reassignment's exclusions) add up across all candidates, weaker ones too. */
    private static void uniteLists(ActionCode code, List<Candidate> group, Map<String, Object> params,
                                   List<RuleInfo> rules) {
        code.params().forEach((name, type) -> {
            if (type != ParamType.STRING_LIST) {
                return;
            }
            TreeSet<String> union = new TreeSet<>();
            for (Candidate c : group) {
                Object v = c.params().get(name);
                if (v instanceof List<?> l && !l.isEmpty()) {
                    l.forEach(x -> union.add(x.toString()));
                    rules.add(c.rule());
                }
            }
            params.put(name, List.copyOf(union));
        });
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> rank(Candidate c, String param) {
        return (Comparable<Object>) c.params().get(param);
    }

    private static boolean isStronger(ActionCode code, Comparable<Object> candidate, Comparable<Object> best) {
        int cmp = candidate.compareTo(best);
        return code.merge() == ActionCode.Merge.SMALLEST ? cmp < 0 : cmp > 0;
    }

    private static void keepStrongestVisitOutcome(List<Action> actions, List<Overridden> overridden) {
        for (ActionCode strongest : VISIT_OUTCOMES) {
            Action winner = find(actions, strongest);
            if (winner != null) {
                replaceAll(actions, overridden, winner, a -> VISIT_OUTCOMES.contains(a.code()) && a != winner);
                return;
            }
        }
    }

    private static void dropApologiesUnder(List<Action> actions, List<Overridden> overridden) {
        Action noApology = find(actions, ActionCode.NO_APOLOGY);
        if (noApology != null) {
            replaceAll(actions, overridden, noApology, a -> APOLOGIES.contains(a.code()));
        }
    }

    /**
     * A deferred answer and a final one are opposite advice (LG-21): the answer is deferred because the
     * investigation is open or a decision is being made above, so the final answer waits for it. The
     * final answer's rules read the facts; this is where the two meet, whichever rules proposed them.
     */
    private static void holdTheFinalAnswerWhileDeferred(List<Action> actions, List<Overridden> overridden) {
        Action defer = find(actions, ActionCode.DEFER_ANSWER);
        if (defer != null) {
            replaceAll(actions, overridden, defer, a -> a.code() == ActionCode.ISSUE_FINAL_ANSWER);
        }
    }

    /**
     * A warning is the step before the stop (LG-22): it tells the caller the contact will end or be
     * refused if the conduct goes on. Beside an ended contact, a block or a report to the police there is
     * nothing left to warn of, so the warning is replaced by the stop, whichever rules proposed the two.
     */
    private static void noWarningOnceStopped(List<Action> actions, List<Overridden> overridden) {
        for (ActionCode stop : STOPS) {
            Action by = find(actions, stop);
            if (by != null) {
                replaceAll(actions, overridden, by, a -> a.code() == ActionCode.WARN_CALLER);
                return;
            }
        }
    }

    private static Action find(List<Action> actions, ActionCode code) {
        for (Action a : actions) {
            if (a.code() == code) {
                return a;
            }
        }
        return null;
    }

    private static void replaceAll(List<Action> actions, List<Overridden> overridden, Action by,
                                   java.util.function.Predicate<Action> replaced) {
        actions.removeIf(a -> {
            if (replaced.test(a)) {
                // A merged action can itself be replaced (SENIOR_APOLOGY{MANAGER}, which beat
                // SENIOR_APOLOGY{SUPERVISOR}, falls to NO_APOLOGY): what it had replaced is now replaced
                // by the winner, so every overridden entry names an action the response carries.
                overridden.replaceAll(o -> o.replacedBy().equals(a) ? new Overridden(o.action(), by) : o);
                overridden.add(new Overridden(a, by));
                return true;
            }
            return false;
        });
    }
}
