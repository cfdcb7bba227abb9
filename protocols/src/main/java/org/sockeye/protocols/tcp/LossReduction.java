package org.sockeye.protocols.tcp;

import java.util.Locale;

/**
 * What a congestion event halves (or scales by CUBIC's β) to give ssthresh (config key
 * {@code loss-reduction}). The RFCs, Linux and ns-3 differ here, so each profile names its choice.
 */
public enum LossReduction {
    /** FlightSize, the data outstanding (RFC 5681 §3.1 eq. 4; RFC 6675 §5 step 4.2). */
    FLIGHT,
    /** The data still in the network: outstanding minus SACKed and duplicate-ACKed data (ns-3's BytesInFlight). */
    IN_NETWORK,
    /** The congestion window (Linux tcp_reno_ssthresh and CUBIC's recalc_ssthresh). */
    CWND;

    static LossReduction parse(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "flight" -> FLIGHT;
            case "in-network" -> IN_NETWORK;
            case "cwnd" -> CWND;
            default -> throw new IllegalArgumentException("expected flight, in-network or cwnd");
        };
    }
}
