package org.sockeye.protocols.tcp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Test-only harness: TCP engines on two or more hosts joined by a channel with one-way delay and
 * seeded loss, duplication and reordering, driven by a small (time, action) priority queue. Not the
 * emulator: just enough to exercise the engines end to end.
 */
final class TestNet {
    static final long US = 1_000_000L;
    static final long MS = 1_000_000_000L;
    static final long S = 1_000_000_000_000L;

    private record Action(long time, long order, Runnable run) {
    }

    private final PriorityQueue<Action> queue = new PriorityQueue<>((x, y) -> x.time != y.time
            ? Long.compare(x.time, y.time) : Long.compare(x.order, y.order));
    private final Random random;
    private long order;
    long now;

    /** One-way delay, and channel impairments applied to every segment. */
    long delay = 10 * MS;
    double loss;
    double duplication;
    double reordering;
    /** Encode every segment to wire bytes and decode it again on delivery. */
    boolean throughCodec;
    /** Link rate in bits per second each way; 0 means infinite (no serialization delay). */
    long bitsPerSecond;
    private final Map<Integer, Long> linkFreeAt = new HashMap<>();
    /**
     * Drop-tail limit, in packets, of each host's outgoing link queue when {@link #bitsPerSecond} is
     * set (the packet being serialized counts); 0 means unbounded.
     */
    int queueLimit;
    private final Map<Integer, java.util.ArrayDeque<Long>> queued = new HashMap<>();
    /** Segments dropped by a full queue. */
    int queueDrops;
    /** When each segment (first copy) reached its destination. */
    final Map<TcpSegment, Long> arrivals = new java.util.IdentityHashMap<>();

    /** Segments for which this returns true are dropped (tests target specific losses). */
    Predicate<Sent> dropIf = s -> false;

    final List<Sent> log = new ArrayList<>();
    private final Map<ConnectionId, Endpoint> connections = new HashMap<>();
    private final Map<Long, TcpListener> listeners = new HashMap<>();
    private final Map<Long, Consumer<Endpoint>> acceptHooks = new HashMap<>();

    TestNet(long seed) {
        random = new Random(seed);
    }

    /** A segment as it left a host. */
    record Sent(long time, int srcAddr, int dstAddr, TcpSegment seg) {
        boolean isData() {
            return seg.payloadLength > 0;
        }
    }

    void at(long time, Runnable r) {
        queue.add(new Action(time, order++, r));
    }

    /** Runs actions until the queue is empty or {@code limit} is passed. */
    void runUntil(long limit) {
        while (!queue.isEmpty() && queue.peek().time <= limit) {
            Action a = queue.poll();
            now = a.time;
            a.run.run();
        }
        now = Math.max(now, limit);
    }

    void run() {
        runUntil(Long.MAX_VALUE / 2);
    }

    TcpListener listen(int addr, int port, TcpConfig cfg, int backlog, Consumer<Endpoint> onAccept) {
        TcpListener l = new TcpListener(cfg, addr, port, backlog);
        listeners.put(key(addr, port), l);
        acceptHooks.put(key(addr, port), onAccept);
        return l;
    }

    Endpoint connect(int from, int fromPort, int to, int toPort, TcpConfig cfg) {
        Endpoint e = new Endpoint(new ConnectionId(from, fromPort, to, toPort));
        connections.put(e.id, e);
        e.conn = TcpConnection.connect(cfg, e.id, 1000 + fromPort, now, e);
        return e;
    }

    Endpoint connectFastOpen(int from, int fromPort, int to, int toPort, TcpConfig cfg, FastOpenCache cache,
            int len, byte[] data) {
        Endpoint e = new Endpoint(new ConnectionId(from, fromPort, to, toPort));
        connections.put(e.id, e);
        e.conn = TcpConnection.connectFastOpen(cfg, e.id, 1000 + fromPort, now, cache, len, data, e);
        return e;
    }

    private static long key(int addr, int port) {
        return (long) addr << 16 | port;
    }

    private void transmit(Endpoint from, TcpSegment seg) {
        Sent sent = new Sent(now, from.id.localAddr(), from.id.remoteAddr(), seg);
        log.add(sent);
        if (dropIf.test(sent) || random.nextDouble() < loss) {
            return;
        }
        int copies = random.nextDouble() < duplication ? 2 : 1;
        long departure = now;
        if (bitsPerSecond > 0 && queueLimit > 0) {
            java.util.ArrayDeque<Long> q = queued.computeIfAbsent(sent.srcAddr, k -> new java.util.ArrayDeque<>());
            while (!q.isEmpty() && q.peekFirst() <= now) {
                q.pollFirst();
            }
            if (q.size() >= queueLimit) {
                queueDrops++;
                return;
            }
        }
        if (bitsPerSecond > 0) {
            long bits = 8L * (40 + seg.optionsLength() + seg.payloadLength);
            departure = Math.max(now, linkFreeAt.getOrDefault(sent.srcAddr, 0L)) + bits * S / bitsPerSecond;
            linkFreeAt.put(sent.srcAddr, departure);
            if (queueLimit > 0) {
                queued.get(sent.srcAddr).addLast(departure);
            }
        }
        for (int i = 0; i < copies; i++) {
            long d = departure - now + delay;
            if (random.nextDouble() < reordering) {
                d += (long) (random.nextDouble() * 2 * delay);
            }
            TcpSegment delivered = throughCodec ? viaWire(seg, sent) : seg;
            at(now + d, () -> deliver(sent.dstAddr, sent.srcAddr, delivered));
        }
    }

    private static TcpSegment viaWire(TcpSegment seg, Sent sent) {
        byte[] wire = new byte[TcpSegmentCodec.encodedLength(seg)];
        TcpSegmentCodec.encode(seg, sent.srcAddr, sent.dstAddr, wire, 0);
        if (TcpSegmentCodec.checksum(sent.srcAddr, sent.dstAddr, wire, 0, wire.length) != 0) {
            throw new AssertionError("bad checksum for " + seg);
        }
        TcpSegment back = TcpSegmentCodec.decode(wire, 0, wire.length);
        if (seg.payload == null) {
            back.payload = null; // keep virtual payloads virtual
        }
        return back;
    }

    private void deliver(int dstAddr, int srcAddr, TcpSegment seg) {
        arrivals.putIfAbsent(seg, now);
        ConnectionId id = new ConnectionId(dstAddr, seg.dstPort, srcAddr, seg.srcPort);
        Endpoint e = connections.get(id);
        if (e != null) {
            e.segmentsIn++;
            e.conn.onSegment(now, seg, e);
            return;
        }
        TcpListener l = listeners.get(key(dstAddr, seg.dstPort));
        if (l == null) {
            TcpSegment rst = TcpResets.replyTo(seg);
            if (rst != null) {
                Endpoint ghost = new Endpoint(id);
                transmit(ghost, rst);
            }
            return;
        }
        Endpoint child = new Endpoint(id);
        TcpConnection c = l.onSegment(now, id, seg, child);
        if (c != null) {
            child.conn = c;
            connections.put(id, child);
            child.accepted = acceptHooks.get(key(dstAddr, seg.dstPort));
            if (l.acceptQueueLength() > 0) {
                drainAccept(l, child.accepted);
            }
        }
    }

    private void drainAccept(TcpListener l, Consumer<Endpoint> hook) {
        if (hook == null) {
            return; // the test accepts by hand
        }
        TcpConnection c;
        while ((c = l.accept()) != null) {
            Endpoint e = connections.get(c.id());
            hook.accept(e);
        }
    }

    /** A connection's view of the world: its {@link TcpOutput}, plus what the test observes. */
    final class Endpoint implements TcpOutput {
        final ConnectionId id;
        TcpConnection conn;
        final List<TcpEvent> events = new ArrayList<>();
        final List<Long> eventTimes = new ArrayList<>();
        final Map<TcpTimer, Long> timers = new HashMap<>();
        Consumer<TcpEvent> onEvent = ev -> {
        };
        Consumer<Endpoint> accepted;
        int segmentsIn;

        Endpoint(ConnectionId id) {
            this.id = id;
        }

        @Override
        public void send(TcpSegment segment) {
            transmit(this, segment);
        }

        @Override
        public void setTimer(TcpTimer timer, long deadlinePs) {
            if (deadlinePs < now) {
                throw new AssertionError("timer " + timer + " armed in the past");
            }
            timers.put(timer, deadlinePs);
            at(deadlinePs, () -> {
                Long d = timers.get(timer);
                if (d != null && d == deadlinePs) {
                    timers.remove(timer);
                    conn.onTimer(now, timer, this);
                }
            });
        }

        @Override
        public void cancelTimer(TcpTimer timer) {
            timers.remove(timer);
        }

        @Override
        public void event(TcpEvent event) {
            events.add(event);
            eventTimes.add(now);
            if (event == TcpEvent.CONNECTED && conn != null && conn.listener() != null) {
                TestNet.this.at(now, () -> drainAccept(conn.listener(), accepted));
            }
            onEvent.accept(event);
        }

        long firstTime(TcpEvent ev) {
            int i = events.indexOf(ev);
            return i < 0 ? -1 : eventTimes.get(i);
        }

        int send(int len, byte[] data) {
            return conn.send(now, len, data, 0, this);
        }

        int read(int max, byte[] into) {
            return conn.read(now, max, into, this);
        }

        void close() {
            conn.close(now, this);
        }

        void shutdown() {
            conn.shutdownWrite(now, this);
        }

        void set(TcpOption opt, int v) {
            conn.setOption(now, opt, v, this);
        }

        TcpState state() {
            return conn.state();
        }
    }

    /** The harness endpoint of a connection the test accepted by hand. */
    Endpoint endpointOf(TcpConnection c) {
        return connections.get(c.id());
    }

    Endpoint endpoint(ConnectionId id) {
        return connections.get(id);
    }

    /** Delivers a hand-made segment to {@code e} at the current time. */
    void inject(Endpoint e, TcpSegment seg) {
        e.conn.onSegment(now, seg, e);
    }

    /** Data segments sent from {@code addr}, in order. */
    List<Sent> dataFrom(int addr) {
        List<Sent> r = new ArrayList<>();
        for (Sent s : log) {
            if (s.srcAddr == addr && s.isData()) {
                r.add(s);
            }
        }
        return r;
    }

    List<Sent> from(int addr) {
        List<Sent> r = new ArrayList<>();
        for (Sent s : log) {
            if (s.srcAddr == addr) {
                r.add(s);
            }
        }
        return r;
    }
}
