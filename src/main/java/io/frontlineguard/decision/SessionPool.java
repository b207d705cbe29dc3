package io.frontlineguard.decision;

import io.frontlineguard.ruleset.RuleSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.runtime.KieSession;

/**
 * Idle sessions of one rule set. A new Drools session builds its node memories lazily on first
 * use, which cost most of a decision; a reset session keeps them and only forgets its facts,
 * agenda and handles (the same reset Drools' own session pools perform).
 */
final class SessionPool {

    /** More idle sessions than request threads are never needed; extra ones are disposed. */
    static final int MAX_IDLE = 64;

    final RuleSet rules;
    private final ConcurrentLinkedQueue<Pooled> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean retired;

    SessionPool(RuleSet rules) {
        this.rules = rules;
    }

    /** A session with its own action sink installed as global and agenda listener. */
    record Pooled(KieSession session, ActionSink sink) {
    }

    Pooled borrow() {
        Pooled p = idle.poll();
        if (p != null) {
            idleCount.decrementAndGet();
            return p;
        }
        KieSession session = rules.kieBase().newKieSession();
        ActionSink sink = new ActionSink(rules.rules());
        session.setGlobal("actions", sink);
        session.addEventListener(sink);
        return new Pooled(session, sink);
    }

    /** Takes a session back after its evaluation; a session that failed mid-run is thrown away. */
    void release(Pooled p, boolean clean) {
        if (!clean || retired || idleCount.get() >= MAX_IDLE) {
            p.session().dispose();
            return;
        }
        ((StatefulKnowledgeSessionImpl) p.session()).reset();
        // Reset forgets the globals and, depending on the Drools version, the agenda listeners too.
        p.session().setGlobal("actions", p.sink());
        if (!p.session().getAgendaEventListeners().contains(p.sink())) {
            p.session().addEventListener(p.sink());
        }
        idleCount.incrementAndGet();
        idle.offer(p);
        if (retired) {
            drain();
        }
    }

    /** The rule set is no longer used by this engine: free every idle session now and later ones on release. */
    void retire() {
        retired = true;
        drain();
    }

    private void drain() {
        for (Pooled p; (p = idle.poll()) != null; ) {
            idleCount.decrementAndGet();
            p.session().dispose();
        }
    }
}
