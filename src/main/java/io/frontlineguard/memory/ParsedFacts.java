package io.frontlineguard.memory;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The facts of ledger rows already read, parsed. A row's facts never change once written (the
 * ledger only appends; re-keying moves a row, erasure deletes it), and a frequent caller's read
 * returns the same recent rows decision after decision, so parsing each row once instead of at every
 * read takes most of the fold's cost away. A hit must match the row's id and its text's length and
 * hash, so a row id reused by another database (a test's fresh store, a restored backup) is parsed
 * again rather than mixed up.
 * <p>
 * Bounded in two generations: rows go into the young one; when it is full it becomes the old one
 * and the previous old one is dropped, and a row found in the old one moves back to the young. So
 * the rows that reads keep returning stay, and a full cache never starts over all at once (which
 * made every busy subject's next read parse everything again).
 */
final class ParsedFacts {

    private record Parsed(int length, int hash, Object value) {

        boolean matches(String text, Class<?> type) {
            return length == text.length() && hash == text.hashCode() && type.isInstance(value);
        }
    }

    private final int generation;
    private volatile ConcurrentHashMap<Long, Parsed> young = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<Long, Parsed> old = new ConcurrentHashMap<>();

    /** {@code capacity}: rows kept at most, in both generations together. */
    ParsedFacts(int capacity) {
        this.generation = Math.max(1, capacity / 2);
    }

    <T> T of(long id, String text, Class<T> type) {
        return of(id, text, type, () -> MemoryJson.read(text, type));
    }

    /** {@code parse}: how the row's text becomes its value, called only when it is not parsed yet. */
    <T> T of(long id, String text, Class<T> type, java.util.function.Supplier<T> parse) {
        Parsed hit = young.get(id);
        if (hit == null) {
            hit = old.get(id);
            if (hit != null && hit.matches(text, type)) {
                keep(id, hit);
            }
        }
        if (hit != null && hit.matches(text, type)) {
            return type.cast(hit.value());
        }
        T value = parse.get();
        keep(id, new Parsed(text.length(), text.hashCode(), value));
        return value;
    }

    private void keep(long id, Parsed parsed) {
        ConcurrentHashMap<Long, Parsed> current = young;
        current.put(id, parsed);
        if (current.size() >= generation) {
            synchronized (this) {
                if (young == current) {
                    old = current;
                    young = new ConcurrentHashMap<>();
                }
            }
        }
    }

    /** Drops everything parsed: after an erasure or a purge, nothing erased stays in this process either. */
    synchronized void forget() {
        young = new ConcurrentHashMap<>();
        old = new ConcurrentHashMap<>();
    }

    int size() {
        return young.size() + old.size();
    }
}
