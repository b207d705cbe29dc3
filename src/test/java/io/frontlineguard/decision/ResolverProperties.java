package io.frontlineguard.decision;

import io.frontlineguard.action.ActionCode;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Role;
import io.frontlineguard.ruleset.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract's resolution rules for any set of proposals, not only those today's rules make: a
 * policy author who adds a rule proposing, say, a manager's apology must not break the response.
 */
class ResolverProperties {

    private static final Resolver RESOLVER = new Resolver();
    private static final List<ActionCode> APOLOGIES =
            List.of(ActionCode.SENIOR_APOLOGY, ActionCode.APOLOGIZE_FOR_INCONVENIENCE);

    @Property(tries = 5_000)
    void shouldResolveAnyProposalsByTheContract(@ForAll("proposals") List<Candidate> proposals) {
        Evaluation e = new Evaluation(proposals, List.of(), RESOLVER.resolve(proposals), 0);

        List<String> broken = new ArrayList<>();
        ContractInvariants.oneVisitOutcome(e).ifPresent(v -> broken.add(v.detail()));
        ContractInvariants.singleActionsMergedToTheStrongest(e).forEach(v -> broken.add(v.detail()));
        ContractInvariants.overriddenNameASurvivor(e).ifPresent(v -> broken.add(v.detail()));
        if (e.resolution().has(ActionCode.NO_APOLOGY) && APOLOGIES.stream().anyMatch(e.resolution()::has)) {
            broken.add("an apology survived NO_APOLOGY: " + ContractInvariants.summary(e));
        }
        if (!broken.isEmpty()) {
            throw new AssertionError(String.join("\n", broken) + "\nproposals: " + proposals);
        }
    }

    @Provide
    Arbitrary<List<Candidate>> proposals() {
        return candidates().list().ofMaxSize(8);
    }

    /** Proposals of the codes resolution has to arbitrate, with every parameter value a rule could give. */
    private static Arbitrary<Candidate> candidates() {
        Arbitrary<Role> roles = Arbitraries.of(Role.class);
        Arbitrary<Integer> people = Arbitraries.integers().between(2, 5);
        Arbitrary<List<String>> exclusions = IncidentArbitraries.employeeIds().list().uniqueElements().ofMaxSize(2);
        Arbitrary<Object[]> params = Arbitraries.oneOf(
                roles.map(r -> new Object[] {ActionCode.ESCALATE, "to", r}),
                Combinators.combine(roles, exclusions).as((r, x) ->
                        new Object[] {ActionCode.REASSIGN_HANDLER, "minRole", r, "exclude", x}),
                people.map(n -> new Object[] {ActionCode.REQUIRE_TWO_PERSON_ATTENDANCE, "minPeople", n}),
                Arbitraries.of(4, 24, 72).map(h -> new Object[] {ActionCode.RESPOND_WITHIN, "hours", h}),
                roles.map(r -> new Object[] {ActionCode.SENIOR_APOLOGY, "role", r}),
                Arbitraries.of(DemandType.class).map(d -> new Object[] {ActionCode.REFUSE_REQUEST, "demand", d}),
                Arbitraries.of(ActionCode.APOLOGIZE_FOR_INCONVENIENCE, ActionCode.NO_APOLOGY, ActionCode.REFUSE_VISIT,
                        ActionCode.POSTPONE_VISIT, ActionCode.ALLOW_VISIT).map(c -> new Object[] {c}));
        return Combinators.combine(params, Arbitraries.of("rule A", "rule B", "rule C"))
                .as(ResolverProperties::candidate);
    }

    private static Candidate candidate(Object[] codeAndParams, String rule) {
        ActionCode code = (ActionCode) codeAndParams[0];
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 1; i < codeAndParams.length; i += 2) {
            params.put((String) codeAndParams[i], code.params().get(codeAndParams[i]).normalize(codeAndParams[i + 1]));
        }
        return new Candidate(code, params, new RuleInfo(rule, "generated.drl", 1, List.of("L002-3"), Map.of("en", rule)));
    }
}
