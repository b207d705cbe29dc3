package io.frontlineguard.memory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The combining steps that caller and case memory share. Both sides are folded in the ledger's
 * order of receipt: {@code a} was received before {@code b}.
 */
final class Facts {

    /** How many departments or staff a record keeps by name; beyond it, only their count grows. */
    static final int KEPT = 32;

    private Facts() {
    }

    /**
     * Every key of both maps, each with its first source, keeping only the {@link #KEPT} most
     * recently seen keys so that one caller's or case's record stays bounded however many
     * departments and staff appear. Insertion order is recency: a key seen again moves to the end.
     */
    static Map<String, Source> union(Map<String, Source> a, Map<String, Source> b) {
        if (b.isEmpty()) {
            return a;
        }
        LinkedHashMap<String, Source> all = new LinkedHashMap<>(a);
        b.forEach((key, source) -> {
            Source first = all.remove(key);
            all.put(key, first == null ? source : first);
        });
        while (all.size() > KEPT) {
            all.remove(all.keySet().iterator().next());
        }
        return all;
    }

    /** How many keys of {@code b} are new to {@code a}: what a bounded map's count grows by. */
    static int added(Map<String, Source> a, Map<String, Source> b) {
        int n = 0;
        for (String key : b.keySet()) {
            if (!a.containsKey(key)) {
                n++;
            }
        }
        return n;
    }

    /** The larger value by {@code order}; on a tie the value with the earlier source. */
    static <T> Sourced<T> larger(Sourced<T> a, Sourced<T> b, java.util.Comparator<T> order) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int c = order.compare(a.value(), b.value());
        if (c != 0) {
            return c > 0 ? a : b;
        }
        return a;
    }

    /** The value received last: a later finding replaces an earlier one, whatever its occurredAt says. */
    static <T> Sourced<T> latest(Sourced<T> a, Sourced<T> b) {
        return b == null ? a : b;
    }
}
