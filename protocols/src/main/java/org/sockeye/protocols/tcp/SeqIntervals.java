package org.sockeye.protocols.tcp;

/**
 * A sorted set of disjoint, non-adjacent sequence ranges [start, end), with modulo-2^32 ordering.
 * Used for the receiver's out-of-order queue and the sender's SACK scoreboard (RFC 6675 §3).
 * Arrays grow by doubling, so steady-state use allocates nothing. Each range remembers when it was
 * last extended, so SACK blocks can be reported most recent first (RFC 2018 §4).
 */
final class SeqIntervals {
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private long[] touched = new long[8];
    private int count;
    private long clock;
    /** Bytes covered by all ranges, kept up to date so callers need not sum the ranges. */
    private long total;

    int count() {
        return count;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    long touched(int i) {
        return touched[i];
    }

    boolean isEmpty() {
        return count == 0;
    }

    void clear() {
        count = 0;
        total = 0;
    }

    /** Bytes covered by all ranges. */
    long total() {
        return total;
    }

    /** End of the range covering {@code seq}, or {@code seq} itself if no range covers it. */
    int coveringEnd(int seq) {
        for (int i = 0; i < count; i++) {
            if (TcpSeq.gt(ends[i], seq)) {
                return TcpSeq.leq(starts[i], seq) ? ends[i] : seq;
            }
        }
        return seq;
    }

    /** Adds [start, end), merging with overlapping or adjacent ranges. */
    void add(int start, int end) {
        if (!TcpSeq.lt(start, end)) {
            return;
        }
        long stamp = ++clock;
        int i = 0;
        while (i < count && TcpSeq.lt(ends[i], start)) {
            i++;
        }
        // Ranges i..j-1 touch or overlap [start, end).
        int j = i;
        while (j < count && TcpSeq.leq(starts[j], end)) {
            total -= ends[j] - starts[j];
            start = TcpSeq.min(start, starts[j]);
            end = TcpSeq.max(end, ends[j]);
            j++;
        }
        if (j == i) {
            ensureCapacity(count + 1);
            System.arraycopy(starts, i, starts, i + 1, count - i);
            System.arraycopy(ends, i, ends, i + 1, count - i);
            System.arraycopy(touched, i, touched, i + 1, count - i);
            count++;
        } else if (j > i + 1) {
            int removed = j - i - 1;
            System.arraycopy(starts, j, starts, i + 1, count - j);
            System.arraycopy(ends, j, ends, i + 1, count - j);
            System.arraycopy(touched, j, touched, i + 1, count - j);
            count -= removed;
        }
        starts[i] = start;
        ends[i] = end;
        touched[i] = stamp;
        total += end - start;
    }

    /** Forgets everything before {@code seq}, trimming a range that straddles it. */
    void removeBefore(int seq) {
        int i = 0;
        while (i < count && TcpSeq.leq(ends[i], seq)) {
            total -= ends[i] - starts[i];
            i++;
        }
        if (i > 0) {
            System.arraycopy(starts, i, starts, 0, count - i);
            System.arraycopy(ends, i, ends, 0, count - i);
            System.arraycopy(touched, i, touched, 0, count - i);
            count -= i;
        }
        if (count > 0 && TcpSeq.lt(starts[0], seq)) {
            total -= seq - starts[0];
            starts[0] = seq;
        }
    }

    /** True if every byte of [start, end) is covered. */
    boolean covers(int start, int end) {
        for (int i = 0; i < count; i++) {
            if (TcpSeq.leq(starts[i], start) && TcpSeq.geq(ends[i], end)) {
                return true;
            }
        }
        return false;
    }

    /** Bytes covered at or after {@code seq}. */
    long bytesFrom(int seq) {
        long n = 0;
        for (int i = count - 1; i >= 0 && TcpSeq.gt(ends[i], seq); i--) {
            n += ends[i] - TcpSeq.max(starts[i], seq);
        }
        return n;
    }

    /** Number of ranges lying entirely at or after {@code seq}. */
    int rangesFrom(int seq) {
        int n = 0;
        for (int i = count - 1; i >= 0 && TcpSeq.geq(starts[i], seq); i--) {
            n++;
        }
        return n;
    }

    /** Highest covered sequence end, or {@code fallback} when empty. */
    int highestEnd(int fallback) {
        return count == 0 ? fallback : ends[count - 1];
    }

    private void ensureCapacity(int n) {
        if (n > starts.length) {
            int len = starts.length * 2;
            starts = java.util.Arrays.copyOf(starts, len);
            ends = java.util.Arrays.copyOf(ends, len);
            touched = java.util.Arrays.copyOf(touched, len);
        }
    }
}
