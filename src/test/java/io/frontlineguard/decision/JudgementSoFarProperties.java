package io.frontlineguard.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.frontlineguard.assessment.AssessmentField;
import io.frontlineguard.assessment.Judgement;
import io.frontlineguard.ruleset.RuleInfo;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.runtime.rule.Match;

/**
 * The judgement a stage reads is kept as answers arrive instead of being rebuilt from every finding
 * (issue 32): after any answers in any order it must equal the judgement of all findings so far, and
 * it must be the same object exactly when the last answer strengthened nothing, since the engine
 * then leaves the fact in the session as it is.
 */
class JudgementSoFarProperties {

    private static final List<String> RULES = List.of("r1", "r2", "r3");

    @Property(tries = 2_000)
    void keptJudgementEqualsTheJudgementOfAllFindings(@ForAll("answers") List<String[]> answers) {
        Map<String, RuleInfo> catalogue = new java.util.HashMap<>();
        RULES.forEach(r -> catalogue.put(r, new RuleInfo(r, "t.drl", 1, List.of("LG-1"), Map.of("en", "e"))));
        ActionSink sink = new ActionSink(catalogue);
        List<Finding> given = new ArrayList<>();
        Judgement before = sink.judgementSoFar();
        assertEquals(Assessment.NOTHING_FOUND.judgement(), before);
        for (String[] a : answers) {
            sink.beforeMatchFired(firing(a[0]));
            sink.assess(a[1], a[2]);
            given.add(new Finding(AssessmentField.byWireName(a[1]).orElseThrow(), a[2], catalogue.get(a[0])));
            Judgement now = sink.judgementSoFar();
            Judgement expected = Assessment.of(given).judgement();
            assertEquals(expected, now);
            if (expected.equals(before)) {
                assertSame(before, now, "an answer that strengthened nothing must leave the same judgement");
            } else {
                assertNotSame(before, now);
            }
            before = now;
        }
        assertEquals(given, sink.takeFindings());
        assertEquals(Assessment.NOTHING_FOUND.judgement(), sink.judgementSoFar(), "a taken sink starts from nothing found");
    }

    @Provide
    Arbitrary<List<String[]>> answers() {
        Arbitrary<String[]> answer = Arbitraries.of(AssessmentField.values()).flatMap(f -> Arbitraries.of(f.answers())
                .flatMap(v -> Arbitraries.of(RULES).map(r -> new String[] {r, f.wireName(), v})));
        return answer.list().ofMaxSize(12);
    }

    /** The agenda's event as the sink reads it: only the firing rule's name. */
    private static BeforeMatchFiredEvent firing(String rule) {
        Rule r = proxy(Rule.class, "getName", rule);
        Match m = proxy(Match.class, "getRule", r);
        return proxy(BeforeMatchFiredEvent.class, "getMatch", m);
    }

    private static <T> T proxy(Class<T> type, String method, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return answer;
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }
}
