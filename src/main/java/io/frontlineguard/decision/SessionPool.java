package io.frontlineguard.decision;

import io.frontlineguard.ruleset.RuleSet;
import io.frontlineguard.ruleset.Thresholds;
import org.drools.base.base.ClassObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Sessions of one rule set, from Drools' own pool for its rule base. A new session builds its node
 * memories lazily on first use, which costs most of a decision; a pooled session keeps them and
 * only forgets its facts, agenda, globals and listeners when it goes back (dispose). Each borrow
 * therefore installs a fresh action sink as global and agenda listener.
 */
final class SessionPool {

    /** Sessions made up front, so the first decisions after a reload do not pay for them. */
    static final int INITIAL = 2;

    final RuleSet rules;
    /**
     * Whether any rule matches {@code Thresholds} as a fact. The compiler makes the thresholds
     * constants of the rules (issue 32), so its rule bases never do and the fact is not inserted;
     * a rule base built another way (the benchmark's executable model of the same files) still gets it.
     */
    final boolean thresholdsAsFact;
    private final KieSessionsPool pool;

    SessionPool(RuleSet rules) {
        this.rules = rules;
        this.pool = rules.kieBase().newKieSessionsPool(INITIAL);
        this.thresholdsAsFact = matches(rules.kieBase(), Thresholds.class);
    }

    private static boolean matches(KieBase kieBase, Class<?> type) {
        if (!(kieBase instanceof InternalRuleBase base)) {
            return true;
        }
        for (ObjectTypeNode node : base.getRete().getObjectTypeNodes()) {
            if (node.getObjectType() instanceof ClassObjectType c && type.isAssignableFrom(c.getClassType())) {
                return true;
            }
        }
        return false;
    }

    /** A session with its own action sink installed as global and agenda listener. */
    record Pooled(KieSession session, ActionSink sink) {
    }

    Pooled borrow() {
        KieSession session = pool.newKieSession();
        ActionSink sink = new ActionSink(rules.rules());
        session.setGlobal("actions", sink);
        session.addEventListener(sink);
        return new Pooled(session, sink);
    }

    /**
     * Takes a session back after its evaluation: dispose resets a pooled session into the pool. A
     * session that failed or was halted mid-run is destroyed instead, so no later decision inherits its state.
     */
    void release(Pooled p, boolean clean) {
        if (clean) {
            p.session().dispose();
        } else {
            p.session().destroy();
        }
    }

    /** The rule set is no longer used by this engine: idle sessions go now, sessions in use when they come back. */
    void retire() {
        pool.shutdown();
    }
}
