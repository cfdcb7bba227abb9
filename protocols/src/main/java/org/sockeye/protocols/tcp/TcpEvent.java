package org.sockeye.protocols.tcp;

/** What the engine tells the application (through {@link TcpOutput#event}). */
public enum TcpEvent {
    /** Handshake completed: the connection reached ESTABLISHED. */
    CONNECTED,
    /** New in-order data can be read. */
    READABLE,
    /** Send-buffer space was freed after a send would have blocked. */
    WRITABLE,
    /** The peer's FIN arrived after all its data: reads will return end of stream. */
    PEER_FIN,
    /** Our FIN was acknowledged: the peer has every byte we sent (what a lingering close waits for). */
    FIN_ACKED,
    /** The peer reset the connection (ECONNRESET, or ECONNREFUSED in SYN_SENT). */
    RESET,
    /** The connection ended after retransmissions or keep-alive probes went unanswered (ETIMEDOUT). */
    TIMED_OUT,
    /** The connection reached CLOSED and holds no more state; the caller may forget it. */
    CLOSED
}
