package org.sockeye.pktdrill;

/**
 * When a script line happens, in packetdrill's notation: absolute seconds ({@code 0.100}), relative
 * to the previous line ({@code +0.1}), any time ({@code *}), a range ({@code 0.1~0.2}), or a
 * blocking call's start and end ({@code 0.1...0.2}). Times are picoseconds.
 *
 * @param start       start (or the exact time); relative when {@code relative}
 * @param end         end of a range or blocking span; {@code NONE} when there is none
 * @param endRelative whether {@code end} is relative to the previous line too
 * @param blocking    {@code start...end}: the call starts at start and returns at end
 */
public record TimeSpec(boolean any, boolean relative, long start, long end, boolean endRelative, boolean blocking) {
    public static final long NONE = Long.MIN_VALUE;
    /** A line without a time (a leading backtick line): "+0". */
    public static final TimeSpec IMMEDIATE = new TimeSpec(false, true, 0, NONE, false, false);

    public boolean hasEnd() {
        return end != NONE;
    }

    /** Start time given the base (the actual time of the previous line). */
    public long startAfter(long base) {
        return relative ? base + start : start;
    }

    /** End time of a range or blocking span given the base, or the start when there is no end. */
    public long endAfter(long base) {
        if (!hasEnd()) {
            return startAfter(base);
        }
        return endRelative ? base + end : end;
    }
}
