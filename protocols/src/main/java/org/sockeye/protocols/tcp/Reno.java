package org.sockeye.protocols.tcp;

/**
 * Reno (RFC 5681 §3): congestion avoidance adds one SMSS per cwnd of acknowledged data, each ACK
 * counting at most one SMSS unless byte counting (Linux) is on.
 */
class Reno extends RenoFamily {
    private long caAcked;

    @Override
    public String name() {
        return "reno";
    }

    @Override
    protected void congestionAvoidance(long now, int ackedBytes, long srttPs) {
        // +1 SMSS per cwnd of acknowledged data. Linux (tcp_cong_avoid_ai) counts every acked segment;
        // RFC 5681 §3.1 eq. 3 (cwnd += SMSS*SMSS/cwnd per ACK) credits each ACK with at most one
        // SMSS, so with delayed ACKs the window grows by about half a segment per RTT.
        caAcked += byteCount ? ackedBytes : Math.min(ackedBytes, smss);
        if (caAcked >= cwnd) {
            caAcked -= cwnd;
            cwnd += smss;
        }
    }

    @Override
    public boolean partialAckEndsRecovery() {
        return true;
    }
}
