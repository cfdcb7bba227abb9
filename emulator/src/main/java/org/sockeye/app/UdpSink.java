package org.sockeye.app;

import org.sockeye.config.UdpSinkSpec;
import org.sockeye.net.Network;
import org.sockeye.os.MsgHdr;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.protocols.Errno;

/**
 * Receives datagrams on a port — a process blocked in recvfrom(2), one call per datagram — and
 * accounts each to its flow by source address and port, with its one-way delay.
 */
public final class UdpSink extends Application {
    /** Larger than any UDP payload over IPv4: no datagram is truncated. */
    private static final int MAX_DATAGRAM = 65_536;

    private final UdpSinkSpec spec;
    private final FlowTable flows;
    private final MsgHdr message = new MsgHdr(MAX_DATAGRAM);
    private final Resume onReceived = this::received;
    private Process process;
    private int fd;

    public UdpSink(UdpSinkSpec spec, Network net, FlowTable flows) {
        super(spec, net.host(spec.node()));
        this.spec = spec;
        this.flows = flows;
    }

    @Override
    protected void start() {
        process = spawn();
        fd = process.socket(Sys.AF_INET, Sys.SOCK_DGRAM);
        int r = process.bind(fd, SockAddr.inet(0, spec.port()));
        if (r < 0) {
            throw new IllegalStateException(name() + ": bind to UDP port " + spec.port() + ": " + Errno.describe(r));
        }
        receive();
    }

    private void receive() {
        process.recvmsg(fd, message, 0, onReceived);
    }

    private void received(long n) {
        if (n < 0) {
            return; // the socket was closed
        }
        SockAddr from = message.name;
        flows.bySource(from.address(), from.port(), "udp").received(n, message.appSeq, message.appTimestamp,
                process.now());
        receive();
    }

    @Override
    protected void stop() {
        if (process != null) {
            process.exit();
        }
    }
}
