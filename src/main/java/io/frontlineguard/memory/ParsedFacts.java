package io.frontlineguard.memory;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The facts of ledger rows already read, parsed. A row's facts never change once written (the
 * ledger only appends; re-keying moves a row, erasure deletes it), and a frequent caller's read
 * returns the same recent rows decision after decision, so parsing each row once instead of at every
 * read takes most of the fold's cost away. A hit must match the row's id and its text, so a row id
 * reused by another database (a test's fresh store, a restored backup) is parsed again, never mixed
 * up. Bounded: when full it starts over, which costs re-parsing, never correctness.
 */
final class ParsedFacts {

    private record Parsed(String text, Object value) {
    }

    private final int capacity;
    private final ConcurrentHashMap<Long, Parsed> rows = new ConcurrentHashMap<>();

    ParsedFacts(int capacity) {
        this.capacity = capacity;
    }

    <T> T of(long id, String text, Class<T> type) {
        Parsed hit = rows.get(id);
        if (hit != null && type.isInstance(hit.value()) && hit.text().equals(text)) {
            return type.cast(hit.value());
        }
        T value = MemoryJson.read(text, type);
        if (rows.size() >= capacity) {
            rows.clear();
        }
        rows.put(id, new Parsed(text, value));
        return value;
    }

    /** Drops everything parsed: after an erasure or a purge, nothing erased stays in this process either. */
    void forget() {
        rows.clear();
    }

    int size() {
        return rows.size();
    }
}
