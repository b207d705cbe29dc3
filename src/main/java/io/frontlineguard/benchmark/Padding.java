package io.frontlineguard.benchmark;

/** Padding strings, kept so that a run of same-sized responses allocates none. */
final class Padding {

    private volatile String last = "";

    String toReach(int target, int without) {
        int n = Math.max(0, target - without);
        String p = last;
        if (p.length() != n) {
            p = " ".repeat(n);
            last = p;
        }
        return p;
    }
}
