package org.sockeye.pktdrill;

import org.sockeye.protocols.tcp.TcpSegment;

/**
 * A packet the simulated host sent: a TCP segment (with the ISS of its connection, to print and
 * compare sequence numbers relative to it, as packetdrill does) or a UDP datagram of {@code udpLength}.
 */
record SentPacket(long time, TcpSegment tcp, int localIss, int udpLength) {
    static SentPacket udp(long time, int length) {
        return new SentPacket(time, null, 0, length);
    }

    boolean isUdp() {
        return tcp == null;
    }
}
