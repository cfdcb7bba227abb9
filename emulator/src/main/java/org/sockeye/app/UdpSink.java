package org.sockeye.app;

import org.sockeye.config.UdpSinkSpec;
import org.sockeye.net.Network;
import org.sockeye.net.UdpSocket;
import org.sockeye.protocols.Packet;

/** Receives datagrams on a port and accounts them to their flows (by source address and port). */
public final class UdpSink extends Application {
    private final UdpSinkSpec spec;
    private final FlowTable flows;
    private UdpSocket socket;

    public UdpSink(UdpSinkSpec spec, Network net, FlowTable flows) {
        super(spec, net.host(spec.node()));
        this.spec = spec;
        this.flows = flows;
    }

    @Override
    protected void start() {
        socket = host.bindUdp(spec.port(), this::datagram);
    }

    private void datagram(Packet p, long now) {
        flows.bySource(p.srcAddr, p.srcPort, "udp").received(p.payloadLength, p.appSeq, p.appTimestamp, now);
    }

    @Override
    protected void stop() {
        if (socket != null) {
            socket.close();
        }
    }
}
