package org.sockeye.pktdrill;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpListener;
import org.sockeye.protocols.tcp.TcpOption;

/** One file descriptor of the host: a TCP socket (listening or connected) or a UDP socket. */
final class FdSocket {
    final boolean udp;
    boolean nonblocking;
    int boundPort;
    /** Per-socket settings (SO_RCVBUF, TCP_CONGESTION) on top of the stack's, taken at connect/listen. */
    TcpConfig config;
    TcpListener listener;
    SimulatedHost.Conn conn;
    /** Options set before there was a connection, applied when it appears (and inherited on accept). */
    final List<int[]> pendingOptions = new ArrayList<>();
    /** UDP: lengths of datagrams received and not yet read. */
    final ArrayDeque<Integer> datagrams = new ArrayDeque<>();
    boolean udpConnected;

    FdSocket(boolean udp, TcpConfig config) {
        this.udp = udp;
        this.config = config;
    }

    void rememberOption(TcpOption o, int value) {
        pendingOptions.add(new int[] {o.ordinal(), value});
    }
}
