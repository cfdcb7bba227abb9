package org.sockeye.protocols.tcp;

/**
 * Shared window rules: slow start (RFC 5681 §3.1), ssthresh = max(FlightSize/2, 2·SMSS) on loss
 * (eq. 4) and a loss window of one segment after an RTO. Subclasses choose congestion avoidance and
 * the multiplicative decrease.
 */
abstract class RenoFamily implements CongestionControl {
    protected int smss = 536;
    protected int cwnd;
    protected int ssthresh = Integer.MAX_VALUE;
    /** Linux counts every acked byte; RFC 5681 counts each ACK as at most one SMSS (eq. 2 and 3). */
    protected boolean byteCount;

    @Override
    public void init(int smss, int initialCwnd, boolean slowStartByteCount) {
        this.smss = smss;
        this.cwnd = initialCwnd;
        this.byteCount = slowStartByteCount;
    }

    @Override
    public int cwnd() {
        return cwnd;
    }

    @Override
    public int ssthresh() {
        return ssthresh;
    }

    @Override
    public void setCwnd(int bytes) {
        cwnd = Math.max(bytes, smss);
    }

    @Override
    public void onAck(long now, int ackedBytes, long srttPs) {
        if (cwnd < ssthresh) {
            // RFC 5681 §3.1 eq. 2: cwnd += min(N, SMSS); Linux tcp_slow_start adds every acked segment.
            int inc = byteCount ? ackedBytes : Math.min(ackedBytes, smss);
            int grown = (int) Math.min((long) cwnd + inc, ssthresh);
            int left = ackedBytes - (grown - cwnd);
            cwnd = grown;
            if (cwnd < ssthresh || left <= 0 || !byteCount) {
                return;
            }
            ackedBytes = left; // Linux: the remainder counts toward congestion avoidance
        }
        congestionAvoidance(now, ackedBytes, srttPs);
    }

    protected abstract void congestionAvoidance(long now, int ackedBytes, long srttPs);

    @Override
    public void onCongestionEvent(long now, int flightSize) {
        ssthresh = reducedSsthresh(flightSize);
    }

    /** RFC 5681 §3.1 eq. 4. */
    protected int reducedSsthresh(int flightSize) {
        return Math.max(flightSize / 2, 2 * smss);
    }

    @Override
    public void onTimeout(long now, int flightSize, boolean first) {
        if (first) {
            onCongestionEvent(now, flightSize);
        }
        cwnd = smss; // RFC 5681 §3.1: loss window LW = 1 full-sized segment
    }
}
