package org.sockeye.protocols.tcp;

/**
 * Detects retransmissions that were lost again during SACK recovery, as Linux did before RACK
 * (tcp_mark_lost_retrans): a retransmission is lost once data first sent after it has been SACKed
 * (assuming no reordering). RFC 6675 alone cannot repair such a loss before the retransmission
 * timer fires, which collapses cwnd to one segment; Linux (and RACK, RFC 8985 §6.2) retransmit it
 * again within the recovery episode.
 *
 * <p>Holds one record per retransmitted chunk: its range and SND.MAX when it was sent. Arrays grow
 * by doubling, so steady-state use allocates nothing.
 */
final class LostRetransmissions {
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int[] sentBefore = new int[16];
    private boolean[] lost = new boolean[16];
    private int count;

    void clear() {
        count = 0;
    }

    /** Records a retransmission of [start, end) sent while SND.MAX was {@code sndMax}. */
    void add(int start, int end, int sndMax) {
        if (count == starts.length) {
            int n = count * 2;
            starts = java.util.Arrays.copyOf(starts, n);
            ends = java.util.Arrays.copyOf(ends, n);
            sentBefore = java.util.Arrays.copyOf(sentBefore, n);
            lost = java.util.Arrays.copyOf(lost, n);
        }
        starts[count] = start;
        ends[count] = end;
        sentBefore[count] = sndMax;
        lost[count] = false;
        count++;
    }

    /**
     * Forgets delivered retransmissions (cumulatively acked or fully SACKed) and flags those
     * overtaken by SACKed data sent after them.
     */
    void update(int sndUna, SeqIntervals sacked) {
        int highSacked = sacked.highestEnd(sndUna);
        int kept = 0;
        int range = 0; // records are mostly in sequence order: walk the scoreboard alongside them
        int previous = sndUna;
        for (int i = 0; i < count; i++) {
            int start = TcpSeq.max(starts[i], sndUna);
            if (!TcpSeq.lt(start, ends[i])) {
                continue;
            }
            if (TcpSeq.lt(start, previous)) {
                range = 0;
            }
            previous = start;
            while (range < sacked.count() && TcpSeq.leq(sacked.end(range), start)) {
                range++;
            }
            if (range < sacked.count() && TcpSeq.leq(sacked.start(range), start)
                    && TcpSeq.geq(sacked.end(range), ends[i])) {
                continue; // fully SACKed: delivered
            }
            starts[kept] = start;
            ends[kept] = ends[i];
            sentBefore[kept] = sentBefore[i];
            lost[kept] = lost[i] || TcpSeq.gt(highSacked, sentBefore[i]);
            kept++;
        }
        count = kept;
    }

    /** Index of the oldest retransmission known lost, or -1. */
    int firstLost() {
        for (int i = 0; i < count; i++) {
            if (lost[i]) {
                return i;
            }
        }
        return -1;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** The lost retransmission {@code i} was sent again while SND.MAX was {@code sndMax}. */
    void resent(int i, int sndMax) {
        sentBefore[i] = sndMax;
        lost[i] = false;
    }

    /** Drops record {@code i} (nothing of it is left to send). */
    void remove(int i) {
        lost[i] = false;
        starts[i] = ends[i]; // empty: forgotten by the next update
    }

    /** Bytes of retransmissions known lost and not yet sent again: they are not in the network. */
    long lostBytes() {
        long n = 0;
        for (int i = 0; i < count; i++) {
            if (lost[i]) {
                n += ends[i] - starts[i];
            }
        }
        return n;
    }
}
