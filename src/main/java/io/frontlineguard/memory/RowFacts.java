package io.frontlineguard.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The facts of a decision's ledger row without the provenance its own columns already hold.
 * Every fact a decision contributes has the same source: its department, decision id, incident
 * time, asserting system and receipt, which are the row's {@code department}, {@code decision_id},
 * {@code occurred_at}, {@code asserted_by} and {@code received_at}. Written out for each fact they
 * were most of a row's bytes (about 1 KB of JSON, parsed again by every fold), so such a source is
 * stored as {@code {}} (or only its {@code claimedDepartment}), and the row's facts carry one
 * {@code "@source"} marking that shape. The incident time comes back from {@code occurred_at} at
 * {@code occurred_offset_minutes}; only an offset those whole minutes cannot hold (seconds in it) is
 * kept in the mark, so the rebuilt source equals the one written.
 * <p>
 * Reading rebuilds every such source from the row's columns; its receipt time is the row's
 * {@code received_at} (the stamp its batch got, a few milliseconds after the decision's clock
 * reading that older rows carry). Rows without {@code "@source"} (every row written before, every
 * snapshot, every flag) are read exactly as they were written.
 */
final class RowFacts {

    static final String MARK = "@source";

    private static final Source BLANK = new Source(null, null, null, null, null, null);

    private RowFacts() {
    }

    /** {@code facts} as stored in a row whose columns hold {@code here}'s department, decision id, time and system. */
    static String write(Object facts, Source here) {
        UnaryOperator<Source> strip = s -> own(s, here) ? blank(s.claimedDepartment()) : s;
        ObjectNode tree = (ObjectNode) MemoryJson.treeOf(facts instanceof CallerMemory m ? sources(m, strip) : sources((CaseMemory) facts, strip));
        ObjectNode mark = tree.putObject(MARK);
        if (here.at() != null && here.at().getOffset().getTotalSeconds() % 60 != 0) {
            mark.set("at", MemoryJson.treeOf(here.at()));
        }
        return tree.toString();
    }

    /** The facts of {@code row}, with every source it stored as its own rebuilt from its columns. */
    static <T> T read(LedgerEntry row, Class<T> type) {
        String text = row.facts();
        if (!text.contains(MARK)) {
            return MemoryJson.read(text, type);
        }
        JsonNode tree = MemoryJson.tree(text);
        JsonNode mark = tree.get(MARK);
        if (mark == null || !mark.isObject()) {
            return MemoryJson.read(text, type);
        }
        OffsetDateTime at = mark.has("at") ? MemoryJson.read(mark.get("at").toString(), OffsetDateTime.class) : row.occurredAt();
        Source here = new Source(row.department(), row.decisionId(), at, row.assertedBy(), row.receivedAt(), null);
        UnaryOperator<Source> fill = s -> isBlank(s) ? new Source(here.department(), here.decisionId(), here.at(),
                here.assertedBy(), here.receivedAt(), s.claimedDepartment()) : s;
        T value = MemoryJson.read(tree, type);
        return type.cast(value instanceof CallerMemory m ? sources(m, fill) : sources((CaseMemory) value, fill));
    }

    /** A decision's own source: who, which decision, which department and incident time; its receipt is the row's. */
    private static boolean own(Source s, Source here) {
        return s != null && Objects.equals(s.department(), here.department()) && Objects.equals(s.decisionId(), here.decisionId())
                && Objects.equals(s.at(), here.at()) && Objects.equals(s.assertedBy(), here.assertedBy());
    }

    private static Source blank(String claimed) {
        return claimed == null ? BLANK : new Source(null, null, null, null, null, claimed);
    }

    private static boolean isBlank(Source s) {
        return s != null && s.department() == null && s.decisionId() == null && s.at() == null && s.assertedBy() == null
                && s.receivedAt() == null;
    }

    static CallerMemory sources(CallerMemory m, UnaryOperator<Source> f) {
        return new CallerMemory(sourced(m.police(), f), apply(m.blocked(), f), apply(m.warned(), f), map(m.departments(), f),
                m.departmentCount(), m.lift() == null ? null : new CallerMemory.Lift(apply(m.lift().source(), f), m.lift().covers()),
                m.policeCorrected(), m.warnedCorrected(), map(m.blocks(), f));
    }

    static CaseMemory sources(CaseMemory m, UnaryOperator<Source> f) {
        return new CaseMemory(sourced(m.openedAt(), f), m.contacts(), sourced(m.longestContactMinutes(), f),
                sourced(m.companyFault(), f), apply(m.investigationComplete(), f), sourced(m.managementAnswer(), f),
                sourced(m.severity(), f), apply(m.callbacksDemanded(), f), map(m.departments(), f), map(m.demandedStaff(), f),
                map(m.targetedStaff(), f), m.departmentCount(), sourced(m.damageJpy(), f));
    }

    private static Source apply(Source s, UnaryOperator<Source> f) {
        return s == null ? null : f.apply(s);
    }

    private static <T> Sourced<T> sourced(Sourced<T> s, UnaryOperator<Source> f) {
        return s == null ? null : Sourced.of(s.value(), apply(s.source(), f));
    }

    private static Map<String, Source> map(Map<String, Source> m, UnaryOperator<Source> f) {
        Map<String, Source> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, apply(v, f)));
        return out;
    }
}
