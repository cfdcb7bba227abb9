package org.sockeye.sim;

/** Simulated time is a {@code long} count of picoseconds; these are its units. */
public final class Time {
    public static final long PS = 1L;
    public static final long NS = 1_000L;
    public static final long US = 1_000_000L;
    public static final long MS = 1_000_000_000L;
    public static final long S = 1_000_000_000_000L;

    private Time() {
    }

    public static double toSeconds(long ps) {
        return ps / (double) S;
    }

    public static long fromSeconds(double s) {
        return Math.round(s * S);
    }

    /**
     * Serialisation time of {@code bytes} at {@code bitsPerSecond}, in picoseconds, rounded up so a
     * transmission never finishes early. Exact whenever 8e12 * bytes is divisible by the rate,
     * which holds for every rate that divides 8 Tb/s (all the usual Mb/s and Gb/s figures).
     */
    public static long serialisation(long bytes, long bitsPerSecond) {
        long num = Math.multiplyExact(bytes, 8L * S);
        return (num + bitsPerSecond - 1) / bitsPerSecond;
    }
}
