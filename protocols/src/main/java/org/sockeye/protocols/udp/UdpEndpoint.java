package org.sockeye.protocols.udp;

import org.sockeye.protocols.Errno;
import org.sockeye.protocols.Packet;

/**
 * Sans-I/O UDP (RFC 768) for one bound socket: turns an application's send into a datagram, or
 * refuses it, and filters arriving datagrams. It holds no clock; the caller passes {@code now}.
 *
 * <p>No fragmentation: like a Linux socket with IP_PMTUDISC_DO (the default for UDP when path MTU
 * discovery is on), a datagram whose IPv4 packet would exceed the path MTU is refused with
 * EMSGSIZE instead of being fragmented.
 */
public final class UdpEndpoint {
    /** Largest UDP payload: 65535 - 20 (IPv4) - 8 (UDP). */
    public static final int MAX_PAYLOAD = 65_507;

    private final int localAddr;
    private final int localPort;
    private long datagramsSent;
    private long datagramsReceived;

    public UdpEndpoint(int localAddr, int localPort) {
        this.localAddr = localAddr;
        this.localPort = localPort;
    }

    public int localAddr() {
        return localAddr;
    }

    public int localPort() {
        return localPort;
    }

    /**
     * Builds the datagram for a send of {@code length} payload bytes into {@code into} (a packet the
     * caller owns), or returns the error that refuses it.
     *
     * @param pathMtu the MTU of the first hop (the route's egress interface), in bytes
     * @param now the current simulated time, written as the datagram's send timestamp
     * @return null on success, else the error (EMSGSIZE, EINVAL)
     */
    public Errno send(Packet into, int dstAddr, int dstPort, int length, int pathMtu, long appSeq, long now) {
        if (length < 0 || dstPort <= 0 || dstPort > 65_535) {
            return Errno.EINVAL;
        }
        if (length > MAX_PAYLOAD || Packet.IPV4_HEADER + Packet.UDP_HEADER + length > pathMtu) {
            return Errno.EMSGSIZE;
        }
        into.protocol = Packet.PROTO_UDP;
        into.srcAddr = localAddr;
        into.srcPort = localPort;
        into.dstAddr = dstAddr;
        into.dstPort = dstPort;
        into.payloadLength = length;
        into.appSeq = appSeq;
        into.appTimestamp = now;
        datagramsSent++;
        return null;
    }

    /** Whether an arriving packet is for this socket (RFC 768: demultiplexed by destination port). */
    public boolean accepts(Packet p) {
        return p.protocol == Packet.PROTO_UDP && p.dstPort == localPort
                && (localAddr == 0 || p.dstAddr == localAddr);
    }

    /** Records an arriving datagram addressed to this socket. */
    public void received(Packet p) {
        datagramsReceived++;
    }

    public long datagramsSent() {
        return datagramsSent;
    }

    public long datagramsReceived() {
        return datagramsReceived;
    }
}
