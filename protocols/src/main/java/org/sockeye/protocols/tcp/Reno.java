package org.sockeye.protocols.tcp;

/** Reno (RFC 5681 §3): byte-counted congestion avoidance of one SMSS per cwnd of acked data. */
class Reno extends RenoFamily {
    private long caAcked;

    @Override
    public String name() {
        return "reno";
    }

    @Override
    protected void congestionAvoidance(long now, int ackedBytes, long srttPs) {
        // RFC 5681 §3.1: +1 SMSS per RTT, counted in bytes (the RFC 3465 variant it allows).
        caAcked += ackedBytes;
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
