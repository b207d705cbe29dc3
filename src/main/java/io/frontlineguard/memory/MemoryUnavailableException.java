package io.frontlineguard.memory;

/** The store could not be read or written in time; the decision is refused rather than made without memory. */
public class MemoryUnavailableException extends RuntimeException {

    public MemoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
