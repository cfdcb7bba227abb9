package org.sockeye.protocols.tcp;

/**
 * Proportional Rate Reduction (RFC 6937 §3) for one fast-recovery episode, with the slow-start
 * reduction bound (PRR-SSRB, the RFC's recommendation and the Linux and ns-3 choice). While the
 * flight exceeds ssthresh it lets out ssthresh/RecoverFS bytes per byte delivered; below ssthresh it
 * grows the flight back toward ssthresh like slow start (at most one extra MSS per ACK). All
 * quantities are bytes.
 */
final class ProportionalRateReduction {
    private long delivered;
    private long out;
    private long recoverFs;

    /** RFC 6937 §3 initialisation; {@code flightSize} = snd.nxt − snd.una at the start of recovery. */
    void start(int flightSize) {
        delivered = 0;
        out = 0;
        recoverFs = Math.max(1, flightSize);
    }

    /** "On any data transmission or retransmission: prr_out += (data sent)". */
    void onSent(int bytes) {
        out += bytes;
    }

    /**
     * Accounts one ACK and returns sndcnt, the bytes that may be sent now (the caller sets
     * cwnd = pipe + sndcnt).
     *
     * @param deliveredData change in snd.una plus change in SACKed bytes carried by this ACK
     * @param pipe          RFC 6675 pipe after the ACK was processed
     */
    int onAck(int deliveredData, int pipe, int ssthresh, int smss) {
        delivered += deliveredData;
        long sndcnt;
        if (pipe > ssthresh) {
            // Proportional part: CEIL(prr_delivered * ssthresh / RecoverFS) - prr_out, rounded up
            // to whole segments as in the RFC's examples (§4) and Linux, which count packets: a
            // byte-exact CEIL would hold back a segment for want of a few bytes.
            long segments = (delivered * ssthresh + recoverFs * smss - 1) / (recoverFs * smss);
            sndcnt = segments * smss - out;
        } else {
            long limit = Math.max(delivered - out, deliveredData) + smss; // SSRB
            sndcnt = Math.min((long) ssthresh - pipe, limit);
        }
        if (out == 0) {
            sndcnt = Math.max(sndcnt, smss); // Linux and ns-3: the fast retransmit always goes out
        }
        return (int) Math.max(0, sndcnt);
    }

    long delivered() {
        return delivered;
    }

    long out() {
        return out;
    }
}
