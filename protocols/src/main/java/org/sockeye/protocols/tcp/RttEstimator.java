package org.sockeye.protocols.tcp;

/**
 * Smoothed RTT, RTT variance and retransmission timeout per RFC 6298 §2, in picoseconds, with the
 * exponential backoff of §5.5. Karn's rule (§3) is the caller's: it must not feed samples from
 * retransmitted segments unless timestamps disambiguate them (RFC 7323 §4).
 */
final class RttEstimator {
    /** RFC 6298 §2.1 / Linux TCP_TIMEOUT_INIT: 1 s before any sample. */
    static final long INITIAL_RTO = 1_000_000_000_000L;
    /** RFC 6298 §2: clock granularity G; the engine's clock is exact, Linux's is 1 jiffy-ish. */
    private static final long GRANULARITY = 1_000_000_000L;

    private final long minRto;
    private final long maxRto;
    private final boolean minOnVariance;
    private long srtt;
    private long rttvar;
    private long latest;
    private long baseRto = INITIAL_RTO;
    private int backoff;

    /**
     * @param minOnVariance Linux applies its minimum to the variance term (RTO = SRTT + max(4·RTTVAR,
     *                      min)) rather than to the whole RTO as RFC 6298 §2.4 does
     */
    RttEstimator(long minRto, long maxRto, boolean minOnVariance) {
        this.minRto = minRto;
        this.maxRto = maxRto;
        this.minOnVariance = minOnVariance;
    }

    boolean hasSample() {
        return srtt != 0;
    }

    /** RFC 6298 §2.2–2.3 with alpha = 1/8, beta = 1/4. Resets backoff (§5.7 spirit, as Linux). */
    void sample(long r) {
        if (r <= 0) {
            r = 1;
        }
        latest = r;
        if (srtt == 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            rttvar = rttvar - rttvar / 4 + Math.abs(srtt - r) / 4;
            srtt = srtt - srtt / 8 + r / 8;
        }
        long rto = minOnVariance ? srtt + Math.max(4 * rttvar, minRto)
                : Math.max(minRto, srtt + Math.max(GRANULARITY, 4 * rttvar));
        baseRto = Math.min(maxRto, rto);
        backoff = 0;
    }

    /** RFC 6298 §5.5: double the timer on each expiry, capped at the maximum. */
    void backOff() {
        if (backoff < 30) {
            backoff++;
        }
    }

    void resetBackoff() {
        backoff = 0;
    }

    /** RFC 6298 §5.7: after a SYN timed out and no sample exists, use 3 s for data. */
    void useConservativeInitial() {
        if (srtt == 0) {
            baseRto = Math.min(maxRto, 3 * INITIAL_RTO);
        }
    }

    long rto() {
        return Math.min(maxRto, baseRto << Math.min(backoff, 20));
    }

    int backoffCount() {
        return backoff;
    }

    long srtt() {
        return srtt;
    }

    long rttvar() {
        return rttvar;
    }

    long latest() {
        return latest;
    }
}
