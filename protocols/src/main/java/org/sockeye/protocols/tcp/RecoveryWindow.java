package org.sockeye.protocols.tcp;

import java.util.Locale;

/** How the congestion window evolves during fast recovery (config key {@code recovery}). */
public enum RecoveryWindow {
    /**
     * Proportional Rate Reduction (RFC 6937, slow-start reduction bound): sends in proportion to the
     * data delivered, so the flight falls smoothly to ssthresh; cwnd = ssthresh on exit. Linux since
     * 3.2, ns-3 since 3.31 (TcpPrrRecovery).
     */
    PRR,
    /**
     * Classic window inflation: cwnd = ssthresh + 3·SMSS on entry, +1 SMSS per duplicate ACK and
     * deflation on partial ACKs (RFC 5681 §3.2, RFC 6582 §3.2); with SACK, RFC 6675 §5 (cwnd =
     * ssthresh, send while cwnd − pipe ≥ SMSS).
     */
    INFLATION;

    static RecoveryWindow parse(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "prr" -> PRR;
            case "inflation" -> INFLATION;
            default -> throw new IllegalArgumentException("expected prr or inflation");
        };
    }

    /** The config value, as {@link TcpConfig#with} accepts it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
