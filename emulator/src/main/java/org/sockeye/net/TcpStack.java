package org.sockeye.net;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import org.sockeye.protocols.Errno;
import org.sockeye.protocols.Packet;
import org.sockeye.protocols.tcp.ConnectionId;
import org.sockeye.protocols.tcp.FastOpenCache;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpConnection;
import org.sockeye.protocols.tcp.TcpListener;
import org.sockeye.protocols.tcp.TcpResets;

/**
 * A host's TCP: its configuration (stack profile), the listening ports, the connections by
 * four-tuple, and the Fast Open cookie cache. Arriving segments go to their connection, else to a
 * listener on their port, else draw a RST (RFC 9293 §3.10.7.1).
 */
public final class TcpStack {
    /** Told when a listener has a connection ready to accept. */
    @FunctionalInterface
    public interface AcceptHandler {
        void acceptable(TcpServer server);
    }

    /** A listening socket as the application sees it. */
    public final class TcpServer {
        private final TcpListener listener;
        private final AcceptHandler handler;

        TcpServer(TcpListener listener, AcceptHandler handler) {
            this.listener = listener;
            this.handler = handler;
        }

        public TcpListener listener() {
            return listener;
        }

        /** The oldest established connection not yet accepted, with {@code h} as its handler, or null. */
        public TcpSocket accept(TcpSocket.Handler h) {
            TcpConnection c = listener.accept();
            if (c == null) {
                return null;
            }
            TcpSocket s = connections.get(key(c.id().localPort(), c.id().remoteAddr(), c.id().remotePort()));
            s.setHandler(h);
            return s;
        }

        public void close() {
            listeners.remove(listener.localPort());
        }
    }

    private final Host host;
    private final TcpConfig config;
    private final FastOpenCache fastOpenCache = new FastOpenCache();
    private final Int2ObjectOpenHashMap<TcpServer> listeners = new Int2ObjectOpenHashMap<>();
    private final Long2ObjectOpenHashMap<TcpSocket> connections = new Long2ObjectOpenHashMap<>();
    private int nextEphemeral = Host.EPHEMERAL_FIRST;

    TcpStack(Host host, TcpConfig config) {
        this.host = host;
        this.config = config;
    }

    public Host host() {
        return host;
    }

    public TcpConfig config() {
        return config;
    }

    public FastOpenCache fastOpenCache() {
        return fastOpenCache;
    }

    /** Listens on {@code port} with {@code backlog}; EADDRINUSE if taken. */
    public TcpServer listen(int port, int backlog, AcceptHandler onAcceptable) {
        if (listeners.containsKey(port)) {
            throw new SocketException(Errno.EADDRINUSE, "TCP port " + port + " on " + host.name());
        }
        TcpServer s = new TcpServer(new TcpListener(config, 0, port, backlog), onAcceptable);
        listeners.put(port, s);
        return s;
    }

    /** Opens a connection to {@code dstAddr:dstPort} from {@code srcPort} (0: ephemeral); sends the SYN. */
    public TcpSocket connect(int dstAddr, int dstPort, int srcPort, TcpSocket.Handler handler) {
        Interface out = host.owns(dstAddr) ? null : host.route(dstAddr);
        if (!host.owns(dstAddr) && out == null) {
            throw new SocketException(Errno.ENETUNREACH, "no route to " + org.sockeye.protocols.Ipv4.format(dstAddr));
        }
        int localAddr = out == null ? dstAddr : out.address();
        int port = srcPort != 0 ? srcPort : freeEphemeral(dstAddr, dstPort);
        ConnectionId id = new ConnectionId(localAddr, port, dstAddr, dstPort);
        long k = key(port, dstAddr, dstPort);
        if (connections.containsKey(k)) {
            throw new SocketException(Errno.EADDRINUSE, id.toString());
        }
        TcpSocket s = new TcpSocket(this, id, handler);
        connections.put(k, s);
        s.attach(TcpConnection.connectFastOpen(config, id, org.sockeye.protocols.tcp.IsnGenerator.isn(id,
                host.scheduler().now(), config.fastOpenKey()), host.scheduler().now(), fastOpenCache, 0, null, s));
        return s;
    }

    private int freeEphemeral(int dstAddr, int dstPort) {
        int span = Host.EPHEMERAL_LAST - Host.EPHEMERAL_FIRST + 1;
        for (int tries = 0; tries < span; tries++) {
            int p = nextEphemeral;
            nextEphemeral = p == Host.EPHEMERAL_LAST ? Host.EPHEMERAL_FIRST : p + 1;
            if (!connections.containsKey(key(p, dstAddr, dstPort)) && !listeners.containsKey(p)) {
                return p;
            }
        }
        throw new SocketException(Errno.EADDRNOTAVAIL, "no free ephemeral port on " + host.name());
    }

    void receive(Packet p) {
        long k = key(p.dstPort, p.srcAddr, p.srcPort);
        TcpSocket s = connections.get(k);
        if (s != null) {
            s.deliver(p);
            return;
        }
        TcpServer server = listeners.get(p.dstPort);
        if (server != null) {
            ConnectionId id = new ConnectionId(p.dstAddr, p.dstPort, p.srcAddr, p.srcPort);
            TcpSocket child = new TcpSocket(this, id, null);
            TcpConnection c = server.listener.onSegment(host.scheduler().now(), id, p.tcp, child);
            if (c != null) {
                child.attach(c);
                child.setHandler((sock, ev) -> {
                    if (ev == org.sockeye.protocols.tcp.TcpEvent.CONNECTED) {
                        server.handler.acceptable(server);
                    }
                });
                connections.put(k, child);
                if (server.listener.acceptQueueLength() > 0) {
                    server.handler.acceptable(server); // Fast Open: queued from its SYN
                }
            }
            return;
        }
        if (!p.tcp.has(org.sockeye.protocols.tcp.TcpSegment.RST)) {
            // RFC 9293 §3.10.7.1: a segment for a closed port draws a reset.
            TcpSocket replier = new TcpSocket(this, new ConnectionId(p.dstAddr, p.dstPort, p.srcAddr, p.srcPort), null);
            replier.send(TcpResets.replyTo(p.tcp));
        }
    }

    void forget(TcpSocket s) {
        ConnectionId id = s.id();
        connections.remove(key(id.localPort(), id.remoteAddr(), id.remotePort()));
    }

    private static long key(int localPort, int remoteAddr, int remotePort) {
        return (remoteAddr & 0xffffffffL) << 32 | (long) remotePort << 16 | localPort;
    }
}
