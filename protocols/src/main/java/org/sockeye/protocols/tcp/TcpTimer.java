package org.sockeye.protocols.tcp;

/**
 * Per-connection timers the engine asks its {@link TcpOutput} to arm. Each is single-shot and
 * re-arming replaces the previous deadline.
 */
public enum TcpTimer {
    /** Retransmission timeout for data, SYN and SYN-ACK (RFC 6298). */
    RETRANSMIT,
    /** Delayed acknowledgment (RFC 1122 §4.2.3.2). */
    DELAYED_ACK,
    /** Zero-window probing (RFC 9293 §3.8.6.1). */
    PERSIST,
    /** Keep-alive probing (RFC 1122 §4.2.3.6). */
    KEEPALIVE,
    /** 2·MSL quiet time (RFC 9293 §3.4.2). */
    TIME_WAIT,
    /** Linux: corked or MSG_MORE partial data is pushed out after 200 ms at most. */
    CORK_FLUSH
}
