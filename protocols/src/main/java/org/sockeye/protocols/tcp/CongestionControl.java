package org.sockeye.protocols.tcp;

/**
 * A congestion-control algorithm for one connection: owns cwnd and ssthresh (bytes). The connection
 * detects losses and runs loss recovery (RFC 5681 §3.2, RFC 6582, RFC 6675); the algorithm decides
 * how the window grows on ACKs and how far it falls on a loss. Add one by implementing this (usually
 * via {@link RenoFamily}) and registering it in {@link CongestionControls}.
 */
public interface CongestionControl {
    /** Registry name, as in Linux's tcp_congestion_control. */
    String name();

    /** Called once when the sender MSS is known (handshake done). */
    void init(int smss, int initialCwnd, boolean slowStartByteCount);

    int cwnd();

    int ssthresh();

    /** Sets cwnd directly: used by the connection's fast-recovery window inflation and deflation. */
    void setCwnd(int bytes);

    /** New data was cumulatively acknowledged while not in loss recovery. */
    void onAck(long now, int ackedBytes, long srttPs);

    /** Loss detected by duplicate ACKs or SACK: set ssthresh (cwnd is then set by the connection). */
    void onCongestionEvent(long now, int flightSize);

    /** Retransmission timeout (RFC 5681 §3.1 eq. 4 and loss window). {@code first} for the first expiry. */
    void onTimeout(long now, int flightSize, boolean first);

    /** Reno (RFC 5681 §3.2 step 6) leaves fast recovery on any new ACK; NewReno waits for "recover". */
    default boolean partialAckEndsRecovery() {
        return false;
    }
}
