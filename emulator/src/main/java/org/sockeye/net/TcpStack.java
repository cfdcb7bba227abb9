package org.sockeye.net;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.sockeye.protocols.Errno;
import org.sockeye.protocols.Ipv4;
import org.sockeye.protocols.Packet;
import org.sockeye.protocols.tcp.ConnectionId;
import org.sockeye.protocols.tcp.FastOpenCache;
import org.sockeye.protocols.tcp.IsnGenerator;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpConnection;
import org.sockeye.protocols.tcp.TcpEvent;
import org.sockeye.protocols.tcp.TcpListener;
import org.sockeye.protocols.tcp.TcpResets;
import org.sockeye.protocols.tcp.TcpSegment;

/**
 * A host's TCP: its configuration (stack profile), the listening ports, the connections by
 * four-tuple, and the Fast Open cookie cache. Arriving segments go to their connection, else to a
 * listener on their port, else draw a RST (RFC 9293 §3.10.7.1).
 *
 * <p>Linux behaviours modelled here: the MSS a connection advertises follows the MTU of its
 * route (loopback's 65536 gives 65495); several listeners may share a port when every one set
 * SO_REUSEPORT, and a SYN then picks one by a hash of its four-tuple (reuseport_select_sock); an
 * ephemeral port is any in ip_local_port_range whose four-tuple is free (TIME_WAIT included: no
 * tcp_tw_reuse); a listener's four-tuple in TIME_WAIT is reopened by a new SYN with a higher
 * sequence number or timestamp (tcp_timewait_state_process, RFC 6191).
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
        private final boolean reusePort;

        TcpServer(TcpListener listener, AcceptHandler handler, boolean reusePort) {
            this.listener = listener;
            this.handler = handler;
            this.reusePort = reusePort;
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
            List<TcpServer> group = listeners.get(listener.localPort());
            if (group != null && group.remove(this)) {
                closedListenerDrops += listener.drops();
                if (group.isEmpty()) {
                    listeners.remove(listener.localPort());
                }
            }
        }
    }

    private static final int IPV4_AND_TCP_HEADERS = 40;
    private static final int MAX_MSS = 65_495;

    private final Host host;
    private final TcpConfig config;
    private final FastOpenCache fastOpenCache = new FastOpenCache();
    private final Int2ObjectOpenHashMap<List<TcpServer>> listeners = new Int2ObjectOpenHashMap<>();
    private final Long2ObjectOpenHashMap<TcpSocket> connections = new Long2ObjectOpenHashMap<>();
    /** Connections (any state, TIME_WAIT included) per local port. */
    private final Int2IntOpenHashMap portUsers = new Int2IntOpenHashMap();
    private int nextEphemeral;
    /** What listeners closed so far dropped (see {@link #listenDrops}). */
    private long closedListenerDrops;

    TcpStack(Host host, TcpConfig config) {
        this.host = host;
        this.config = config;
        this.nextEphemeral = host.ephemeralFirst();
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

    void resetEphemeral() {
        nextEphemeral = host.ephemeralFirst();
    }

    /** Listens on {@code port} with {@code backlog} and the stack's settings; EADDRINUSE if taken. */
    public TcpServer listen(int port, int backlog, AcceptHandler onAcceptable) {
        return listen(config, port, backlog, false, onAcceptable);
    }

    /**
     * Listens on {@code port}. With {@code reusePort} (SO_REUSEPORT) the port may be shared with
     * other listeners that set it too; otherwise a listener, or any connection from that port,
     * makes it EADDRINUSE.
     */
    public TcpServer listen(TcpConfig cfg, int port, int backlog, boolean reusePort, AcceptHandler onAcceptable) {
        List<TcpServer> group = listeners.get(port);
        if (group != null && !(reusePort && group.get(0).reusePort)) {
            throw new SocketException(Errno.EADDRINUSE, "TCP port " + port + " on " + host.name());
        }
        TcpServer s = new TcpServer(new TcpListener(cfg, 0, port, backlog), onAcceptable, reusePort);
        listeners.computeIfAbsent(port, p -> new ArrayList<>()).add(s);
        return s;
    }

    /**
     * SYNs and handshake-completing ACKs that every listener of this host, closed ones included,
     * dropped because its SYN or accept queue was full (Linux's TcpExtListenDrops).
     */
    public long listenDrops() {
        long sum = closedListenerDrops;
        for (List<TcpServer> group : listeners.values()) {
            for (TcpServer s : group) {
                sum += s.listener.drops();
            }
        }
        return sum;
    }

    /** Whether a listener has {@code port}, or a connection uses it locally (bind's EADDRINUSE). */
    public boolean portInUse(int port) {
        return listeners.containsKey(port) || portUsers.get(port) > 0;
    }

    /** Whether a listener has {@code port}. */
    public boolean listening(int port) {
        return listeners.containsKey(port);
    }

    /** Whether listeners on {@code port} all allow sharing it (SO_REUSEPORT), or there are none. */
    public boolean portSharable(int port) {
        List<TcpServer> group = listeners.get(port);
        return group == null || group.get(0).reusePort;
    }

    /** Opens a connection to {@code dstAddr:dstPort} from {@code srcPort} (0: ephemeral); sends the SYN. */
    public TcpSocket connect(int dstAddr, int dstPort, int srcPort, TcpSocket.Handler handler) {
        return connect(config, dstAddr, dstPort, srcPort, 0, handler);
    }

    /**
     * Opens a connection with per-socket settings {@code cfg}; with {@code fastOpenBytes} > 0 and
     * Fast Open on, the first bytes (virtual) ride in the SYN if a cookie is cached (RFC 7413).
     *
     * @throws SocketException ENETUNREACH without a route, EADDRNOTAVAIL when no ephemeral port is
     *     free, EADDRINUSE when the four-tuple exists
     */
    public TcpSocket connect(TcpConfig cfg, int dstAddr, int dstPort, int srcPort, int fastOpenBytes,
            TcpSocket.Handler handler) {
        int localAddr = host.sourceFor(dstAddr);
        if (localAddr == 0) {
            throw new SocketException(Errno.ENETUNREACH, "no route to " + Ipv4.format(dstAddr));
        }
        int port = srcPort != 0 ? srcPort : freeEphemeral(dstAddr, dstPort);
        ConnectionId id = new ConnectionId(localAddr, port, dstAddr, dstPort);
        long k = key(port, dstAddr, dstPort);
        if (connections.containsKey(k)) {
            throw new SocketException(Errno.EADDRINUSE, id.toString());
        }
        TcpSocket s = new TcpSocket(this, id, handler);
        register(k, s);
        long now = host.scheduler().now();
        TcpConfig routed = forRoute(cfg, dstAddr);
        s.attach(TcpConnection.connectFastOpen(routed, id, IsnGenerator.isn(id, now, routed.fastOpenKey()), now,
                fastOpenCache, Math.min(fastOpenBytes, routed.sndbuf()), null, s));
        return s;
    }

    /** {@code cfg} with the MSS the route to {@code peer} allows (Linux: advmss from the route MTU). */
    private TcpConfig forRoute(TcpConfig cfg, int peer) {
        int mss = Math.min(MAX_MSS, host.pathMtu(peer) - IPV4_AND_TCP_HEADERS);
        if (host.owns(peer)) {
            return mss == cfg.mss() ? cfg : cfg.toBuilder().mss(mss).build(); // loopback: the lo MTU decides
        }
        return mss >= cfg.mss() ? cfg : cfg.toBuilder().mss(Math.max(64, mss)).build();
    }

    private int freeEphemeral(int dstAddr, int dstPort) {
        int first = host.ephemeralFirst();
        int last = host.ephemeralLast();
        int span = last - first + 1;
        for (int tries = 0; tries < span; tries++) {
            int p = nextEphemeral;
            nextEphemeral = p >= last || p < first ? first : p + 1;
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
            if (!s.connection().reopensFromTimeWait(p.tcp) || !listeners.containsKey(p.dstPort)) {
                s.deliver(p);
                return;
            }
            s.abort(); // a new SYN ends the TIME-WAIT incarnation; the listener takes it as a new connection
        }
        List<TcpServer> group = listeners.get(p.dstPort);
        if (group != null) {
            TcpServer server = group.size() == 1 ? group.get(0) : group.get(reusePortPick(p, group.size()));
            ConnectionId id = new ConnectionId(p.dstAddr, p.dstPort, p.srcAddr, p.srcPort);
            TcpSocket child = new TcpSocket(this, id, null);
            TcpConfig cfg = forRoute(server.listener.config(), p.srcAddr);
            TcpConnection c = server.listener.onSegment(host.scheduler().now(), id, p.tcp, child, cfg);
            if (c != null) {
                child.attach(c);
                child.setHandler((sock, ev) -> {
                    if (ev == TcpEvent.CONNECTED) {
                        server.handler.acceptable(server);
                    }
                });
                register(k, child);
                if (server.listener.acceptQueueLength() > 0) {
                    server.handler.acceptable(server); // Fast Open: queued from its SYN
                }
            }
            return;
        }
        if (!p.tcp.has(TcpSegment.RST)) {
            // RFC 9293 §3.10.7.1: a segment for a closed port draws a reset.
            TcpSocket replier = new TcpSocket(this, new ConnectionId(p.dstAddr, p.dstPort, p.srcAddr, p.srcPort), null);
            replier.send(TcpResets.replyTo(p.tcp));
        }
    }

    /** The listener of a SO_REUSEPORT group a SYN goes to: by a hash of its four-tuple, stable per flow. */
    private static int reusePortPick(Packet p, int n) {
        long h = (p.srcAddr & 0xffffffffL) * 0x9E3779B97F4A7C15L ^ ((long) p.srcPort << 16 | p.dstPort) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        return (int) (((h >>> 32) * n) >>> 32); // Linux reciprocal_scale
    }

    private void register(long k, TcpSocket s) {
        connections.put(k, s);
        portUsers.addTo(s.id().localPort(), 1);
    }

    void forget(TcpSocket s) {
        ConnectionId id = s.id();
        if (connections.remove(key(id.localPort(), id.remoteAddr(), id.remotePort())) != null
                && portUsers.addTo(id.localPort(), -1) == 1) {
            portUsers.remove(id.localPort());
        }
    }

    private static long key(int localPort, int remoteAddr, int remotePort) {
        return (remoteAddr & 0xffffffffL) << 32 | (long) remotePort << 16 | localPort;
    }
}
