package org.sockeye.net;

import org.sockeye.protocols.Errno;
import org.sockeye.protocols.Packet;
import org.sockeye.protocols.udp.UdpEndpoint;

/** A bound UDP socket on a host: the emulator's driver of the sans-I/O {@link UdpEndpoint}. */
public final class UdpSocket {
    /** Called for every datagram delivered to the socket. */
    @FunctionalInterface
    public interface Receiver {
        void datagram(Packet p, long now);
    }

    private final Host host;
    private final UdpEndpoint endpoint;
    private final Receiver receiver;

    UdpSocket(Host host, int port, Receiver receiver) {
        this.host = host;
        this.endpoint = new UdpEndpoint(0, port);
        this.receiver = receiver;
    }

    public int port() {
        return endpoint.localPort();
    }

    public Host host() {
        return host;
    }

    /**
     * Sends a datagram of {@code length} payload bytes. Returns null on success, or the error:
     * EMSGSIZE when the IPv4 packet would exceed the MTU of the egress interface (no
     * fragmentation), EHOSTUNREACH when there is no route.
     */
    public Errno sendTo(int dstAddr, int dstPort, int length, long appSeq) {
        int mtu = host.pathMtu(dstAddr);
        if (mtu == 0) {
            return Errno.EHOSTUNREACH;
        }
        Packet p = host.newPacket();
        Errno err = endpoint.send(p, dstAddr, dstPort, length, mtu, appSeq, host.scheduler().now());
        if (err != null) {
            return err;
        }
        p.srcAddr = host.owns(dstAddr) ? dstAddr : host.route(dstAddr).address();
        host.output(p);
        return null;
    }

    void deliver(Packet p) {
        endpoint.received(p);
        receiver.datagram(p, host.scheduler().now());
    }

    public void close() {
        host.unbindUdp(port());
    }
}
