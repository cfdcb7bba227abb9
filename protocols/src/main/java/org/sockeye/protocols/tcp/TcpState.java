package org.sockeye.protocols.tcp;

/** The eleven connection states of RFC 9293 §3.3.2. */
public enum TcpState {
    CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK,
    TIME_WAIT;

    /** States in which the peer may still send us data (RFC 9293 §3.10.7.4, step seven). */
    public boolean canReceiveData() {
        return this == ESTABLISHED || this == FIN_WAIT_1 || this == FIN_WAIT_2 || this == SYN_RECEIVED;
    }

    /** States in which the application may still queue data to send. */
    public boolean canSend() {
        return this == ESTABLISHED || this == CLOSE_WAIT || this == SYN_SENT || this == SYN_RECEIVED;
    }
}
