package org.sockeye.config;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A message size: fixed ({@code 100B}), uniform between two sizes ({@code uniform(10B, 1KiB)},
 * both included) or exponential with a mean ({@code exp(512B)}), drawn per message.
 */
public record SizeSpec(Kind kind, long a, long b) {
    public enum Kind { FIXED, UNIFORM, EXPONENTIAL }

    public static SizeSpec fixed(long bytes) {
        return new SizeSpec(Kind.FIXED, bytes, bytes);
    }

    /** One size, at least {@code min} and at most {@code cap}; a fixed size draws nothing. */
    public int draw(RandomGenerator random, int min, int cap) {
        long v = switch (kind) {
            case FIXED -> a;
            case UNIFORM -> a + (long) (random.nextDouble() * (b - a + 1));
            // Inverse transform; 1 - u keeps log's argument in (0, 1].
            case EXPONENTIAL -> Math.round(-Math.log(1 - random.nextDouble()) * a);
        };
        return (int) Math.max(min, Math.min(cap, v));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FIXED -> a + "B";
            case UNIFORM -> "uniform(" + a + "B, " + b + "B)";
            case EXPONENTIAL -> "exp(" + a + "B)";
        };
    }
}
