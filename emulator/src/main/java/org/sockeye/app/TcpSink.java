package org.sockeye.app;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import org.sockeye.config.TcpSinkSpec;
import org.sockeye.net.Network;
import org.sockeye.os.EpollEvent;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.protocols.Errno;

/**
 * TCP server that accepts every connection on its port and reads everything as it arrives,
 * accounting the bytes to the sending flow (by the peer's address and port); it closes its side
 * when the peer finishes. One process with an epoll loop over non-blocking sockets, as iperf3's
 * or any event-driven server.
 */
public final class TcpSink extends Application {
    private static final int READ_CHUNK = 1 << 30;
    private static final int MAX_EVENTS = 64;
    private static final long LISTENER = -1;
    private static final int FAST_OPEN_QUEUE = 1024;

    private final TcpSinkSpec spec;
    private final FlowTable flows;
    private final EpollEvent[] events = new EpollEvent[MAX_EVENTS];
    private final Resume onEvents = this::events;
    private final Resume onAccepted = this::accepted;
    private final Resume onRead = this::read;
    private Process process;
    private int listener;
    private int epoll;
    private int ready;
    private int next;
    /** The connection being drained (fd), or -1. */
    private int draining = -1;
    private FlowStats drainingFlow;
    /** Each open connection's flow, by descriptor (looked up at its first data). */
    private final Int2ObjectOpenHashMap<FlowStats> flowOf = new Int2ObjectOpenHashMap<>();

    public TcpSink(TcpSinkSpec spec, Network net, FlowTable flows) {
        super(spec, net.host(spec.node()));
        this.spec = spec;
        this.flows = flows;
        for (int i = 0; i < MAX_EVENTS; i++) {
            events[i] = new EpollEvent();
        }
    }

    @Override
    protected void start() {
        process = spawn();
        process.setMaxFds(1 << 20); // a sink for any number of flows (ulimit -n raised)
        listener = process.socket(Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK);
        // Server Fast Open, as the stack profile's fast-open setting allows (Linux needs the option).
        process.setsockopt(listener, Sys.IPPROTO_TCP, Sys.TCP_FASTOPEN, FAST_OPEN_QUEUE);
        int r = process.bind(listener, SockAddr.inet(0, spec.port()));
        if (r == 0) {
            r = process.listen(listener, spec.backlog());
        }
        if (r < 0) {
            throw new IllegalStateException(name() + ": listen on TCP port " + spec.port() + ": " + Errno.describe(r));
        }
        epoll = process.epollCreate();
        process.epollCtl(epoll, Sys.EPOLL_CTL_ADD, listener, Sys.EPOLLIN, LISTENER);
        waitForEvents();
    }

    private void waitForEvents() {
        process.epollWait(epoll, events, MAX_EVENTS, Sys.FOREVER, onEvents);
    }

    private void events(long n) {
        ready = (int) Math.max(0, n);
        next = 0;
        handleNext();
    }

    /** Handles the ready events one at a time (each accept and read is a system call), then waits again. */
    private void handleNext() {
        if (next >= ready) {
            waitForEvents();
            return;
        }
        EpollEvent e = events[next++];
        if (e.data == LISTENER) {
            process.accept(listener, onAccepted);
            return;
        }
        draining = (int) e.data;
        drainingFlow = flowOf.get(draining);
        if (drainingFlow == null) { // the connection's first data: find its flow once
            SockAddr peer = process.getpeername(draining);
            if (peer != null) {
                drainingFlow = flows.bySource(peer.address(), peer.port(), "tcp");
                flowOf.put(draining, drainingFlow);
            }
        }
        process.read(draining, READ_CHUNK, onRead);
    }

    /** Accepts until the queue is empty (EAGAIN: the listener is non-blocking). */
    private void accepted(long fd) {
        if (fd >= 0) {
            process.fcntl((int) fd, Sys.F_SETFL, Sys.O_NONBLOCK);
            process.epollCtl(epoll, Sys.EPOLL_CTL_ADD, (int) fd, Sys.EPOLLIN | Sys.EPOLLRDHUP, fd);
            process.accept(listener, onAccepted);
            return;
        }
        handleNext();
    }

    /** Reads until the connection has nothing more (EAGAIN); end of stream or an error closes it. */
    private void read(long n) {
        if (n > 0) {
            if (drainingFlow != null) {
                drainingFlow.streamed(n);
            }
            process.read(draining, READ_CHUNK, onRead);
            return;
        }
        if (n != -Errno.EAGAIN.code) {
            process.close(draining);
            flowOf.remove(draining);
        }
        draining = -1;
        handleNext();
    }

    @Override
    protected void stop() {
        if (process != null) {
            process.exit();
        }
    }
}
