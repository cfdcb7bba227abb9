package org.sockeye.pktdrill;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.sockeye.protocols.Ipv4;
import org.sockeye.protocols.tcp.ConnectionId;
import org.sockeye.protocols.tcp.FastOpenCache;
import org.sockeye.protocols.tcp.IsnGenerator;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpConnection;
import org.sockeye.protocols.tcp.TcpEvent;
import org.sockeye.protocols.tcp.TcpListener;
import org.sockeye.protocols.tcp.TcpOutput;
import org.sockeye.protocols.tcp.TcpResets;
import org.sockeye.protocols.tcp.TcpSegment;
import org.sockeye.protocols.tcp.TcpTimer;

/**
 * The host under test: a private clock, a timer queue, the TCP connections and listeners by port,
 * and the queue of packets it sent that the script has not matched yet. The script is the only
 * other party, so there is no network: {@code <} lines are handed straight to {@link #inject}.
 *
 * <p>Addresses follow packetdrill: the host is {@value #LOCAL_NAME}, the script's remote end
 * {@value #REMOTE_NAME}. Timers are a lazy queue (one small entry per arm, which the engine's own
 * deadline check makes safe to fire late or stale): a test tool, not a hot path.
 */
final class SimulatedHost {
    static final String LOCAL_NAME = "192.168.0.1";
    static final String REMOTE_NAME = "192.0.2.1";
    static final int LOCAL_ADDR = Ipv4.parse(LOCAL_NAME);
    static final int REMOTE_ADDR = Ipv4.parse(REMOTE_NAME);
    /** packetdrill binds the socket under test to port 8080 and connects to port 8080. */
    static final int SCRIPT_PORT = 8080;
    /** The remote port of passively opened connections. */
    static final int REMOTE_PORT = 40000;
    private static final int EPHEMERAL_FIRST = 50000;

    private record TimerEntry(long deadline, long order, Conn conn, TcpTimer timer) {
    }

    /** One connection's {@link TcpOutput}: sends into the outbound queue, arms the timer queue. */
    final class Conn implements TcpOutput {
        final ConnectionId id;
        TcpConnection tcp;
        private boolean forgotten;
        /** Segments a listener's child sends before it is attached here (its SYN-ACK): ISS unknown yet. */
        private java.util.List<TcpSegment> early;

        Conn(ConnectionId id) {
            this.id = id;
        }

        @Override
        public void send(TcpSegment segment) {
            if (tcp == null) {
                if (early == null) {
                    early = new java.util.ArrayList<>();
                }
                early.add(segment);
                return;
            }
            if (segment.hasTimestamps && this == current) {
                lastTsVal = segment.tsVal;
            }
            outbound.add(new SentPacket(now, segment, tcp.iss(), 0));
        }

        void attach(TcpConnection t) {
            tcp = t;
            if (early != null) {
                early.forEach(this::send);
                early = null;
            }
        }

        @Override
        public void setTimer(TcpTimer timer, long deadlinePs) {
            timers.add(new TimerEntry(deadlinePs, timerOrder++, this, timer));
        }

        @Override
        public void cancelTimer(TcpTimer timer) {
            // Lazy: the engine ignores expiries of cancelled timers.
        }

        @Override
        public void event(TcpEvent event) {
            if (event == TcpEvent.CLOSED && !forgotten) {
                forgotten = true;
                connections.remove(key(id.localPort(), id.remotePort()), this);
            }
        }
    }

    private final PriorityQueue<TimerEntry> timers = new PriorityQueue<>(
            (a, b) -> a.deadline != b.deadline ? Long.compare(a.deadline, b.deadline) : Long.compare(a.order, b.order));
    private final ArrayDeque<SentPacket> outbound = new ArrayDeque<>();
    private final Map<Integer, Conn> connections = new HashMap<>();
    private final Map<Integer, TcpListener> listeners = new HashMap<>();
    private final FastOpenCache fastOpenCache = new FastOpenCache();
    private long now;
    private long timerOrder;
    private long wakeup = Long.MAX_VALUE;
    private int nextEphemeral = EPHEMERAL_FIRST;
    /** The four-tuple {@code <} lines address: the latest connection the script opened. */
    private int currentLocalPort = SCRIPT_PORT;
    private int currentRemotePort = REMOTE_PORT;
    private int currentIss;
    private Conn current;
    /** The last TSval the host sent on the current connection: what a real peer would echo. */
    private int lastTsVal;
    private Runnable afterStep = () -> { };

    long now() {
        return now;
    }

    /** Called after every engine step (a segment, a timer, a system call) to retry a blocked call. */
    void afterEveryStep(Runnable r) {
        afterStep = r;
    }

    ArrayDeque<SentPacket> outbound() {
        return outbound;
    }

    FastOpenCache fastOpenCache() {
        return fastOpenCache;
    }

    /** The connection {@code %{ }%} blocks read: the latest one on the current four-tuple. */
    Conn current() {
        return current;
    }

    /** A wake-up for a call with a timeout (poll): {@link #advanceTo} stops there. */
    void setWakeup(long at) {
        wakeup = at;
    }

    // ------------------------------------------------------------------ time

    /** Fires every timer due up to {@code t}, then sets the clock to {@code t} (never backwards). */
    void advanceTo(long t) {
        while (true) {
            TimerEntry e = timers.peek();
            long next = Math.min(e == null ? Long.MAX_VALUE : e.deadline, wakeup);
            if (next > t) {
                break;
            }
            fireNext();
        }
        now = Math.max(now, t);
    }

    /**
     * Fires timers in order until the host has sent something or the next timer lies after
     * {@code limit}; returns whether the outbound queue holds a packet.
     */
    boolean runUntilSent(long limit) {
        while (outbound.isEmpty()) {
            TimerEntry e = timers.peek();
            long next = Math.min(e == null ? Long.MAX_VALUE : e.deadline, wakeup);
            if (next > limit) {
                break;
            }
            fireNext();
        }
        return !outbound.isEmpty();
    }

    private void fireNext() {
        TimerEntry e = timers.peek();
        if (wakeup != Long.MAX_VALUE && (e == null || wakeup <= e.deadline)) {
            now = Math.max(now, wakeup);
            wakeup = Long.MAX_VALUE;
            afterStep.run();
            return;
        }
        timers.poll();
        now = Math.max(now, e.deadline);
        if (e.conn.tcp != null && !e.conn.forgotten) {
            e.conn.tcp.onTimer(now, e.timer, e.conn);
            afterStep.run();
        }
    }

    // ------------------------------------------------------------------ opening

    TcpListener listen(TcpConfig cfg, int port, int backlog) {
        TcpListener l = new TcpListener(cfg, LOCAL_ADDR, port, backlog);
        listeners.put(port, l);
        currentLocalPort = port;
        currentRemotePort = REMOTE_PORT;
        return l;
    }

    void closeListener(TcpListener l) {
        listeners.remove(l.localPort(), l);
        for (TcpConnection c = l.accept(); c != null; c = l.accept()) {
            c.abort(now, connections.get(key(c.id().localPort(), c.id().remotePort()))); // Linux: RST to unaccepted children
        }
    }

    /** Active open (with Fast Open data when {@code fastOpenLength} &gt; 0 and a cookie is cached). */
    Conn connect(TcpConfig cfg, int localPort, boolean fastOpen, int fastOpenLength) {
        int port = localPort != 0 ? localPort : nextEphemeral++;
        ConnectionId id = new ConnectionId(LOCAL_ADDR, port, REMOTE_ADDR, SCRIPT_PORT);
        Conn c = new Conn(id);
        int iss = IsnGenerator.isn(id, now, cfg.fastOpenKey());
        currentLocalPort = port;
        currentRemotePort = SCRIPT_PORT;
        currentIss = iss;
        current = c;
        connections.put(key(port, SCRIPT_PORT), c);
        c.attach(TcpConnection.connectFastOpen(cfg, id, iss, now, fastOpen ? fastOpenCache : null,
                fastOpenLength, null, c));
        afterStep.run();
        return c;
    }

    Conn connectionOf(TcpConnection tcp) {
        return connections.get(key(tcp.id().localPort(), tcp.id().remotePort()));
    }

    // ------------------------------------------------------------------ inbound

    /**
     * Delivers a {@code <} segment. Its sequence numbers are the script's own (absolute); its ack,
     * SACK edges are relative to the host's ISS; a nonzero TS ecr is replaced by the host's latest
     * TSval (a well-behaved peer's echo).
     */
    void inject(TcpSegment seg) {
        seg.srcPort = currentRemotePort;
        seg.dstPort = currentLocalPort;
        seg.ack += currentIss;
        for (int i = 0; i < 2 * seg.sackCount; i++) {
            seg.sackBlocks[i] += currentIss;
        }
        if (seg.hasTimestamps && seg.tsEcr != 0) {
            seg.tsEcr = lastTsVal;
        }
        int k = key(currentLocalPort, currentRemotePort);
        Conn c = connections.get(k);
        if (c != null) {
            c.tcp.onSegment(now, seg, c);
        } else {
            TcpListener l = listeners.get(currentLocalPort);
            if (l != null) {
                ConnectionId id = new ConnectionId(LOCAL_ADDR, currentLocalPort, REMOTE_ADDR, currentRemotePort);
                Conn child = new Conn(id);
                TcpConnection t = l.onSegment(now, id, seg, child);
                if (t != null) {
                    connections.put(k, child);
                    current = child;
                    currentIss = t.iss();
                    child.attach(t);
                } else if (child.early != null) {
                    child.early.forEach(r -> outbound.add(new SentPacket(now, r, currentIss, 0))); // a RST
                }
            } else {
                TcpSegment rst = TcpResets.replyTo(seg); // RFC 9293 §3.10.7.1: nobody here
                if (rst != null) {
                    outbound.add(new SentPacket(now, rst, currentIss, 0));
                }
            }
        }
        afterStep.run();
    }

    void sendUdp(int length) {
        outbound.add(SentPacket.udp(now, length));
    }

    private static int key(int localPort, int remotePort) {
        return localPort << 16 | remotePort;
    }
}
