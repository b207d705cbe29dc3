package io.frontlineguard.decision;

/** What case memory did for one decision (the response's {@code memory}). */
public enum MemoryUse {
    /** The incident names no caller or case, or memory is off: decided from the request alone. */
    NOT_USED,
    /** Decided with memory, and what it reported and established was recorded. */
    RECORDED,
    /** The incident id was recorded before: decided from the same recollection, counted once. */
    RETRY,
    /** Decided with memory on request ({@code ?record=false}); nothing was recorded. */
    WHAT_IF
}
