package org.sockeye.app;

import org.sockeye.config.TcpBulkSpec;
import org.sockeye.net.Network;
import org.sockeye.net.TcpSocket;
import org.sockeye.protocols.Ipv4;
import org.sockeye.protocols.tcp.TcpEvent;

/**
 * Bulk TCP sender: connects, then keeps the send buffer full — writing {@code writeSize} bytes at
 * a time whenever the connection accepts more — until {@code bytes} have been written (0: no end),
 * then closes. Like iperf's client or ns-3's BulkSendApplication.
 */
public final class TcpBulkSend extends Application {
    private final TcpBulkSpec spec;
    private final int dstAddr;
    private final FlowTable flows;
    private final FlowStats flow;
    private TcpSocket socket;
    private java.util.function.Consumer<TcpSocket> onConnect = s -> { };
    private long written;
    private boolean closed;

    public TcpBulkSend(TcpBulkSpec spec, Network net, FlowTable flows) {
        super(spec, net.host(spec.node()));
        this.spec = spec;
        this.dstAddr = net.host(spec.to().node()).address();
        this.flows = flows;
        this.flow = flows.register(spec.name(), "tcp");
        flow.startPs = spec.startPs();
        flow.stopPs = spec.stopPs();
        flow.destination = Ipv4.format(dstAddr) + ":" + spec.to().port();
    }

    @Override
    protected void start() {
        socket = host.tcp().connect(dstAddr, spec.to().port(), spec.sourcePort(), this::onEvent);
        flow.source = Ipv4.format(socket.id().localAddr()) + ":" + socket.id().localPort();
        flow.tcpSender = socket.connection();
        flows.bindSource(flow, socket.id().localAddr(), socket.id().localPort());
        onConnect.accept(socket);
    }

    /** Called with the socket right after the SYN is sent (tracing attaches here). */
    public void onConnect(java.util.function.Consumer<TcpSocket> c) {
        this.onConnect = c;
    }

    private void onEvent(TcpSocket s, TcpEvent e) {
        switch (e) {
            case CONNECTED, WRITABLE -> fill();
            case RESET, TIMED_OUT -> closed = true;
            default -> { }
        }
    }

    private void fill() {
        while (!closed) {
            long want = spec.bytes() == 0 ? spec.writeSize() : Math.min(spec.writeSize(), spec.bytes() - written);
            if (want <= 0) {
                socket.close();
                closed = true;
                return;
            }
            int n = socket.send((int) want, 0);
            if (n <= 0) {
                return; // buffer full: WRITABLE follows; or an error, reported as an event
            }
            written += n;
            flow.bytesSent += n;
        }
    }

    @Override
    protected void stop() {
        if (socket != null && !closed) {
            closed = true;
            socket.close();
        }
    }
}
