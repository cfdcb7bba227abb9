package org.sockeye.protocols.tcp;

/** Sequence-number comparisons modulo 2^32 (RFC 9293 §3.4): a is "before" b when (a - b) < 0. */
public final class TcpSeq {
    private TcpSeq() {
    }

    public static boolean lt(int a, int b) {
        return a - b < 0;
    }

    public static boolean leq(int a, int b) {
        return a - b <= 0;
    }

    public static boolean gt(int a, int b) {
        return a - b > 0;
    }

    public static boolean geq(int a, int b) {
        return a - b >= 0;
    }

    public static int max(int a, int b) {
        return gt(a, b) ? a : b;
    }

    public static int min(int a, int b) {
        return lt(a, b) ? a : b;
    }

    /** True when {@code lo <= x < hi} in sequence space. */
    public static boolean inRange(int x, int lo, int hi) {
        return x - lo >= 0 && x - hi < 0;
    }
}
