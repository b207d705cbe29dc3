package io.frontlineguard.benchmark;

/** Padding strings, kept so that a run of same-sized responses allocates none. */
final class Padding {

    /** No decision comes near this; the cap keeps a wild {@code bytes} from exhausting the heap. */
    static final int MAX_BYTES = 1 << 20;

    private volatile String last = "";

    String toReach(int target, int without) {
        int n = Math.max(0, Math.min(target, MAX_BYTES) - without);
        String p = last;
        if (p.length() != n) {
            p = " ".repeat(n);
            last = p;
        }
        return p;
    }
}
