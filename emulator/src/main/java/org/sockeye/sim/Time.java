package org.sockeye.sim;

import java.math.BigInteger;

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
     *
     * @throws ArithmeticException if the duration does not fit in a {@code long}
     */
    public static long serialisation(long bytes, long bitsPerSecond) {
        if (bytes <= MAX_FAST_BYTES) { // packets: bytes * 8e12 fits in a long
            long num = bytes * (8L * S);
            return (num + bitsPerSecond - 1) / bitsPerSecond;
        }
        // Bulk sizes (over 1 MB) would overflow; they are rare, so exact big arithmetic is fine.
        BigInteger[] qr = BigInteger.valueOf(bytes).multiply(BigInteger.valueOf(8L * S))
                .divideAndRemainder(BigInteger.valueOf(bitsPerSecond));
        BigInteger ceiling = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return ceiling.longValueExact();
    }

    /** 1e6 * 8e12 = 8e18 leaves > 1e18 of headroom below Long.MAX_VALUE for the rounding add. */
    private static final long MAX_FAST_BYTES = 1_000_000L;
}
