package org.sockeye.protocols.tcp;

/** Loss-recovery state, as Linux's tcp_ca_state reports it in tcp_info. */
public enum CaState {
    /** Normal operation. */
    OPEN,
    /** Duplicate ACKs or SACKs seen, below the fast-retransmit threshold. */
    DISORDER,
    /** Fast recovery (RFC 5681 §3.2, RFC 6582, RFC 6675). */
    RECOVERY,
    /** Recovering from a retransmission timeout. */
    LOSS
}
