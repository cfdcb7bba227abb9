package org.sockeye.app;

import org.sockeye.config.TcpSinkSpec;
import org.sockeye.net.Network;
import org.sockeye.net.TcpSocket;
import org.sockeye.net.TcpStack;
import org.sockeye.protocols.tcp.TcpEvent;

/**
 * TCP server that accepts every connection on its port and reads everything as it arrives,
 * accounting the bytes to the sending flow (by the peer's address and port). Closes its side when
 * the peer finishes.
 */
public final class TcpSink extends Application {
    private static final int READ_CHUNK = 1 << 30;

    private final TcpSinkSpec spec;
    private final FlowTable flows;
    private TcpStack.TcpServer server;

    public TcpSink(TcpSinkSpec spec, Network net, FlowTable flows) {
        super(spec, net.host(spec.node()));
        this.spec = spec;
        this.flows = flows;
    }

    @Override
    protected void start() {
        server = host.tcp().listen(spec.port(), spec.backlog(), this::acceptAll);
    }

    private void acceptAll(TcpStack.TcpServer s) {
        TcpSocket c;
        while ((c = s.accept(this::onEvent)) != null) {
            drain(c); // Fast Open data may already be waiting
        }
    }

    private void onEvent(TcpSocket s, TcpEvent e) {
        switch (e) {
            case READABLE -> drain(s);
            case PEER_FIN -> {
                drain(s);
                s.close();
            }
            default -> { }
        }
    }

    private void drain(TcpSocket s) {
        FlowStats f = flows.bySource(s.id().remoteAddr(), s.id().remotePort(), "tcp");
        int n;
        while ((n = s.read(READ_CHUNK)) > 0) {
            f.streamed(n);
        }
    }

    @Override
    protected void stop() {
        if (server != null) {
            server.close();
        }
    }
}
