package io.frontlineguard.memory;

import java.util.HashMap;
import java.util.Map;

/** The combining steps that caller and case memory share. */
final class Facts {

    private Facts() {
    }

    /** Every key of both maps, each with its earlier source. */
    static Map<String, Source> union(Map<String, Source> a, Map<String, Source> b) {
        Map<String, Source> all = new HashMap<>(a);
        b.forEach((key, source) -> all.merge(key, source, Source::earlier));
        return all;
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
        return Sourced.of(a.value(), Source.earlier(a.source(), b.source()));
    }

    /** The value established last (by its source's time): a later finding replaces an earlier one. */
    static <T> Sourced<T> latest(Sourced<T> a, Sourced<T> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.source().at().isAfter(a.source().at()) ? b : a;
    }
}
