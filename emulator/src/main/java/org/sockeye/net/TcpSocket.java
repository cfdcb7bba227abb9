package org.sockeye.net;

import org.sockeye.protocols.Packet;
import org.sockeye.protocols.tcp.ConnectionId;
import org.sockeye.protocols.tcp.TcpConnection;
import org.sockeye.protocols.tcp.TcpEvent;
import org.sockeye.protocols.tcp.TcpOutput;
import org.sockeye.protocols.tcp.TcpSegment;
import org.sockeye.protocols.tcp.TcpTimer;
import org.sockeye.sim.Event;
import org.sockeye.sim.Scheduler;

/**
 * The emulator's driver of one sans-I/O {@link TcpConnection}: it wraps the segments the engine
 * emits in IPv4 packets and sends them from the host, keeps one reusable scheduler event per TCP
 * timer (re-arming moves it in place, no allocation), feeds arriving segments and expiring timers
 * back to the engine, and passes the engine's events to the application.
 */
public final class TcpSocket implements TcpOutput {
    /** The application's side: told of every engine event on this connection. */
    @FunctionalInterface
    public interface Handler {
        void onEvent(TcpSocket socket, TcpEvent event);
    }

    private static final TcpTimer[] TIMERS = TcpTimer.values();

    private final TcpStack stack;
    private final Host host;
    private final Scheduler scheduler;
    private final ConnectionId id;
    private final TimerEvent[] timers = new TimerEvent[TIMERS.length];
    private TcpConnection connection;
    private Handler handler;
    private SegmentObserver observer;

    /** Observes segments sent and received on this connection (recording, captures of state). */
    public interface SegmentObserver {
        void sent(TcpSocket s, TcpSegment seg, long now);

        void received(TcpSocket s, TcpSegment seg, long now);

        /** After the engine handled an arriving segment or a timer (its state may have changed). */
        void processed(TcpSocket s, long now);
    }

    TcpSocket(TcpStack stack, ConnectionId id, Handler handler) {
        this.stack = stack;
        this.host = stack.host();
        this.scheduler = host.scheduler();
        this.id = id;
        this.handler = handler;
    }

    void attach(TcpConnection c) {
        this.connection = c;
    }

    public TcpConnection connection() {
        return connection;
    }

    public ConnectionId id() {
        return id;
    }

    public Host host() {
        return host;
    }

    public void setHandler(Handler h) {
        this.handler = h;
    }

    public void observe(SegmentObserver o) {
        this.observer = o;
    }

    // ---------------------------------------------------------------- application calls

    /** Writes up to {@code length} virtual bytes; returns bytes accepted, or a negated errno. */
    public int send(int length, int flags) {
        return connection.send(scheduler.now(), length, null, flags, this);
    }

    /** Writes the first {@code length} bytes of {@code data} (null: virtual bytes); as {@link #send(int, int)}. */
    public int send(byte[] data, int length, int flags) {
        return connection.send(scheduler.now(), length, data, flags, this);
    }

    /** Reads up to {@code max} bytes (virtual); returns bytes read, 0, EOF (-1) or a negated errno. */
    public int read(int max) {
        return connection.read(scheduler.now(), max, null, this);
    }

    /** Reads up to {@code max} bytes into {@code into} (null: discard); as {@link #read(int)}. */
    public int read(byte[] into, int max) {
        return connection.read(scheduler.now(), max, into, this);
    }

    /** setsockopt of a TCP-level option the engine handles (may send: NODELAY pushes, QUICKACK acks). */
    public void setOption(org.sockeye.protocols.tcp.TcpOption option, int value) {
        connection.setOption(scheduler.now(), option, value, this);
    }

    public void shutdownWrite() {
        connection.shutdownWrite(scheduler.now(), this);
    }

    public void close() {
        connection.close(scheduler.now(), this);
    }

    public void abort() {
        connection.abort(scheduler.now(), this);
    }

    // ---------------------------------------------------------------- engine input

    void deliver(Packet p) {
        if (observer != null) {
            observer.received(this, p.tcp, scheduler.now());
        }
        connection.onSegment(scheduler.now(), p.tcp, this);
        if (observer != null) {
            observer.processed(this, scheduler.now());
        }
    }

    // ---------------------------------------------------------------- TcpOutput

    @Override
    public void send(TcpSegment seg) {
        Packet p = host.newPacket();
        p.protocol = Packet.PROTO_TCP;
        p.srcAddr = id.localAddr();
        p.dstAddr = id.remoteAddr();
        p.srcPort = seg.srcPort;
        p.dstPort = seg.dstPort;
        p.tcp = seg;
        p.payloadLength = seg.payloadLength;
        p.payload = seg.payload;
        if (observer != null) {
            observer.sent(this, seg, scheduler.now());
        }
        host.output(p);
    }

    @Override
    public void setTimer(TcpTimer timer, long deadlinePs) {
        TimerEvent e = timers[timer.ordinal()];
        if (e == null) {
            e = new TimerEvent(timer);
            timers[timer.ordinal()] = e;
        }
        scheduler.schedule(e, Math.max(deadlinePs, scheduler.now()));
    }

    @Override
    public void cancelTimer(TcpTimer timer) {
        TimerEvent e = timers[timer.ordinal()];
        if (e != null) {
            scheduler.cancel(e);
        }
    }

    @Override
    public void event(TcpEvent event) {
        if (event == TcpEvent.CLOSED) {
            for (TimerEvent e : timers) {
                if (e != null) {
                    scheduler.cancel(e);
                }
            }
            stack.forget(this);
        }
        if (handler != null) {
            handler.onEvent(this, event);
        }
    }

    private final class TimerEvent extends Event {
        private final TcpTimer timer;

        TimerEvent(TcpTimer timer) {
            this.timer = timer;
        }

        @Override
        public void run() {
            if (connection != null) {
                connection.onTimer(scheduler.now(), timer, TcpSocket.this);
                if (observer != null) {
                    observer.processed(TcpSocket.this, scheduler.now());
                }
            }
        }
    }

    @Override
    public String toString() {
        return host.name() + " " + id;
    }
}
