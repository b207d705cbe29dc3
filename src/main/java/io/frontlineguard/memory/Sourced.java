package io.frontlineguard.memory;

/** A remembered value with where it came from. */
public record Sourced<T>(T value, Source source) {

    public static <T> Sourced<T> of(T value, Source source) {
        return new Sourced<>(value, source);
    }
}
