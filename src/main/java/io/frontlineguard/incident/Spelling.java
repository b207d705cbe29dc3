package io.frontlineguard.incident;

import java.util.Collection;
import java.util.Optional;

/** Suggests the name a client probably meant, so "polceInvolvement" is answered with "did you mean policeInvolvement?". */
public final class Spelling {

    private static final int MAX_EDITS = 2;

    private Spelling() {
    }

    public static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(typed)) {
                return Optional.of(candidate);
            }
            // Long names cost nothing to compare; only skip candidates whose length alone rules them out.
            if (Math.abs(candidate.length() - typed.length()) > MAX_EDITS) {
                continue;
            }
            int distance = distance(typed.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance; both strings are short field or enum names. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
