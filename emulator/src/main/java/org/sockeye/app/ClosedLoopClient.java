package org.sockeye.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.sockeye.config.AppSpec;
import org.sockeye.config.ConnectSpec;
import org.sockeye.config.KeepaliveSpec;
import org.sockeye.config.PeriodSpec;
import org.sockeye.net.Host;
import org.sockeye.net.Network;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.protocols.Errno;

/**
 * A closed-loop load generator over stream sockets (redis-benchmark's shape): one process, one
 * epoll {@link EventLoop}, {@code connections} non-blocking connections, each keeping
 * {@code window} requests in flight — a response that completes is replaced by a new request at
 * once, or after a think time. Requests are written whole (a partial write waits for POLLOUT)
 * and responses parsed whatever the read boundaries, by the protocol's {@link Session}.
 *
 * <p>Start-up: every connection is opened first (non-blocking connects, all at once); once all
 * are established or failed, the {@code idle} connections are opened, 64 at a time (each batch
 * once the previous one has connected), and are then left silent; only then does traffic start, so
 * that latencies are those of the steady state.
 *
 * <p>Latency: from the moment a request is queued for writing to the moment its response has
 * been read whole; {@code bytes} counts request and response. A connection that fails (refused,
 * reset, timed out, closed by the server) counts an error, is closed and is not reopened; the
 * time and error of each failure are kept ({@link #failures()}). When the request limit is
 * reached, connections stay open and watched, so a later failure (a keep-alive timeout) is seen.
 */
public abstract class ClosedLoopClient extends Application {
    /** A read takes up to 16 KiB, as redis-benchmark's. */
    static final int READ_SIZE = 16 * 1024;
    static final int MAX_FDS = 1 << 20;
    /** Idle connections are opened this many at a time, each batch once the last has connected. */
    static final int IDLE_BATCH = 64;
    private static final int CONNECTING = 0;
    private static final int OPEN = 1;
    private static final int CLOSED = 2;

    /** One connection failure: when, and the errno name (or EOF, bad-response). */
    public record Failure(long atPs, String error) {
    }

    /** What a connection's bytes mean: the protocol's requests and responses. */
    interface Session {
        /** Appends the next request to {@code out} and returns its size in bytes. */
        int request(OutputBuffer out);

        /**
         * Takes {@code n} bytes read ({@code buf}, or null for virtual bytes), calling
         * {@link Connection#completed} for each response read whole; false if they are malformed.
         */
        boolean consume(byte[] buf, int n);
    }

    protected final AppStats stats;
    protected final RandomGenerator random;
    private final ConnectSpec connect;
    private final int window;
    private final long perConnection;
    private final long total;
    private final PeriodSpec think;
    private final int idleTarget;
    private final SockAddr address;
    private final boolean realBytes;
    private final byte[] readBuffer;
    private final List<Connection> connections = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final EventLoop.Handler idleHandler = this::idleConnected;
    private Process process;
    private EventLoop loop;
    private int connecting;
    /** Idle connections whose connect was issued, and of those the ones still in their handshake. */
    private int idleStarted;
    private int idlePending;
    private long issued;

    /**
     * @param window        requests in flight per connection
     * @param perConnection requests per connection, 0 for no limit
     * @param total         requests over all connections, 0 for no limit
     * @param stream        the name of the random stream (sizes, think times, operations)
     */
    protected ClosedLoopClient(AppSpec spec, ConnectSpec connect, Network net, Applications results, String type,
            int window, long perConnection, long total, PeriodSpec think, int idle, boolean realBytes, String stream) {
        super(spec, net.host(spec.node()));
        this.connect = connect;
        this.window = window;
        this.perConnection = perConnection;
        this.total = total;
        this.think = think;
        this.idleTarget = idle;
        this.realBytes = realBytes;
        this.readBuffer = realBytes ? new byte[READ_SIZE] : null;
        this.stats = results.register(spec, type);
        this.random = net.random().stream(stream);
        if (connect.unix()) {
            this.address = SockAddr.unix(connect.path());
        } else {
            int dst = connect.loopback() ? Host.LOOPBACK : net.host(connect.to().node()).address();
            this.address = SockAddr.inet(dst, connect.to().port());
        }
    }

    /** The protocol state of a new connection. */
    protected abstract Session open(Connection c);

    /** Every connection failure so far, in order. */
    public List<Failure> failures() {
        return Collections.unmodifiableList(failures);
    }

    public AppStats stats() {
        return stats;
    }

    @Override
    protected void start() {
        process = spawn();
        process.setMaxFds(MAX_FDS);
        loop = new EventLoop(process, EventLoop.Mechanism.EPOLL);
        connecting = connect.connections();
        loop.timer(process.now(), () -> openConnection(0));
        loop.start();
    }

    @Override
    protected void stop() {
        if (process != null) {
            loop.stop();
            process.exit();
        }
    }

    /** socket(2) with the connection options; a negated errno if it failed. */
    private int socket() {
        int fd = process.socket(connect.unix() ? Sys.AF_UNIX : Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK);
        if (fd < 0 || connect.unix()) {
            return fd;
        }
        if (connect.nodelay()) {
            process.setsockopt(fd, Sys.IPPROTO_TCP, Sys.TCP_NODELAY, 1);
        }
        KeepaliveSpec k = connect.keepalive();
        if (k != null) {
            process.setsockopt(fd, Sys.SOL_SOCKET, Sys.SO_KEEPALIVE, 1);
            process.setsockopt(fd, Sys.IPPROTO_TCP, Sys.TCP_KEEPIDLE, k.idleS());
            process.setsockopt(fd, Sys.IPPROTO_TCP, Sys.TCP_KEEPINTVL, k.intervalS());
            process.setsockopt(fd, Sys.IPPROTO_TCP, Sys.TCP_KEEPCNT, k.count());
        }
        return fd;
    }

    /** Opens connection {@code i}, then the next: one loop task issues every connect. */
    private void openConnection(int i) {
        Connection c = new Connection();
        connections.add(c);
        c.fd = socket();
        if (c.fd < 0) {
            c.fail(Errno.describe(c.fd));
            next(i);
            return;
        }
        process.connect(c.fd, address, r -> {
            if (r == -Errno.EINPROGRESS.code) {
                loop.watch(c.fd, Sys.POLLOUT, c);
            } else if (r < 0) {
                c.fail(Errno.describe(r));
            } else {
                loop.watch(c.fd, Sys.POLLIN, c); // AF_UNIX: connected at once
                c.established();
            }
            next(i);
        });
    }

    private void next(int i) {
        if (i + 1 < connect.connections()) {
            openConnection(i + 1);
        } else {
            loop.done();
        }
    }

    /** Every connection is established or failed: open the idle ones, or start. */
    private void connectingDone() {
        if (idleTarget > 0) {
            loop.timer(process.now(), this::openIdleBatch);
        } else {
            startTraffic();
        }
    }

    /** A loop task: connects for the next batch of idle connections. */
    private void openIdleBatch() {
        connectIdle(Math.min(IDLE_BATCH, idleTarget - idleStarted));
    }

    /** Issues {@code left} more non-blocking connects, then waits for their handshakes. */
    private void connectIdle(int left) {
        if (left == 0) {
            if (idlePending == 0) {
                idleBatchDone();
            } else {
                loop.done();
            }
            return;
        }
        int fd = socket();
        if (fd < 0) {
            stats.error(fd); // out of descriptors: the rest are not attempted
            idleStarted = idleTarget;
            connectIdle(0);
            return;
        }
        idleStarted++;
        process.connect(fd, address, r -> {
            if (r == -Errno.EINPROGRESS.code) {
                loop.watch(fd, Sys.POLLOUT, idleHandler);
                idlePending++;
            } else {
                idleResult(fd, r);
            }
            connectIdle(left - 1);
        });
    }

    /** An idle connection's handshake ended: it stays open and silent, no longer watched. */
    private void idleConnected(int fd, int events) {
        loop.unwatch(fd);
        idlePending--;
        idleResult(fd, -process.getsockopt(fd, Sys.SOL_SOCKET, Sys.SO_ERROR));
        if (idlePending == 0) {
            idleBatchDone();
        } else {
            loop.done();
        }
    }

    private void idleResult(int fd, long r) {
        if (r < 0) {
            stats.error(r);
            process.close(fd);
        } else {
            stats.connectionOpened();
        }
    }

    /** A batch of idle connections is set up: the next, or traffic once they all are. */
    private void idleBatchDone() {
        if (idleStarted < idleTarget) {
            openIdleBatch();
            return;
        }
        startTraffic();
        loop.done();
    }

    private void startTraffic() {
        long now = process.now();
        for (Connection c : connections) {
            if (c.state == OPEN) {
                loop.timer(now, c.sendTask);
            }
        }
    }

    private boolean mayIssue(Connection c) {
        return (perConnection == 0 || c.issued < perConnection) && (total == 0 || issued < total);
    }

    /** A think time: fixed, or exponential with the given mean. */
    private long thinkPs() {
        if (think.distribution() == PeriodSpec.Distribution.FIXED) {
            return think.meanPs();
        }
        return Math.round(-Math.log(1 - random.nextDouble()) * think.meanPs());
    }

    /** One connection and its requests in flight (a ring of their issue times and sizes). */
    final class Connection implements EventLoop.Handler {
        private int fd = -1;
        private int state = CONNECTING;
        private final OutputBuffer out = realBytes ? OutputBuffer.real() : OutputBuffer.virtual();
        private final Session session = open(this);
        private final long[] issuedAt = new long[window];
        private final int[] requestBytes = new int[window];
        private int head;
        private int inFlight;
        private long issued;
        private final Resume onRead = this::read;
        private final Runnable sendTask = this::sendTask;
        private StreamWriter writer;

        @Override
        public void ready(int fd, int events) {
            if (state == CONNECTING) {
                long err = process.getsockopt(fd, Sys.SOL_SOCKET, Sys.SO_ERROR);
                if (err != 0) {
                    fail(Errno.describe(-err));
                } else {
                    loop.modify(fd, Sys.POLLIN);
                    established();
                }
                loop.done();
            } else if (!out.isEmpty() && (events & Sys.POLLOUT) != 0) {
                writer.flush();
            } else {
                process.recv(fd, readBuffer, READ_SIZE, 0, onRead);
            }
        }

        private void established() {
            state = OPEN;
            stats.connectionOpened();
            writer = new StreamWriter(process, loop, fd, out, Sys.POLLIN | Sys.POLLOUT) {
                @Override
                void failed(long result) {
                    fail(Errno.describe(result));
                    loop.done();
                }
            };
            if (--connecting == 0) {
                connectingDone();
            }
        }

        /** The connection failed: counted, recorded and closed (the loop task goes on). */
        private void fail(String error) {
            stats.error(error);
            failures.add(new Failure(process.now(), error));
            boolean wasConnecting = state == CONNECTING;
            state = CLOSED;
            if (fd >= 0) {
                loop.unwatch(fd);
                process.close(fd);
            }
            if (wasConnecting && --connecting == 0) {
                connectingDone();
            }
        }

        /** A loop task: fill the window and write. */
        private void sendTask() {
            if (state != OPEN) {
                loop.done();
                return;
            }
            long now = process.now();
            while (inFlight < window && mayIssue(this)) {
                int slot = (head + inFlight) % window;
                issuedAt[slot] = now;
                requestBytes[slot] = session.request(out);
                inFlight++;
                issued++;
                ClosedLoopClient.this.issued++;
            }
            writer.flush();
        }

        private void read(long n) {
            if (n == -Errno.EAGAIN.code) {
                loop.done();
                return;
            }
            if (n <= 0) {
                fail(n == 0 ? "EOF" : Errno.describe(n));
                loop.done();
                return;
            }
            int before = inFlight;
            if (!session.consume(readBuffer, (int) n)) {
                fail("bad-response");
                loop.done();
                return;
            }
            int completed = before - inFlight;
            if (think == null) {
                sendTask();
                return;
            }
            long now = process.now();
            for (int i = 0; i < completed; i++) {
                loop.timer(now + thinkPs(), sendTask);
            }
            loop.done();
        }

        /** The oldest request's size: the echo protocol's response is as long. */
        int oldestRequestBytes() {
            return inFlight == 0 ? 0 : requestBytes[head];
        }

        int inFlight() {
            return inFlight;
        }

        /** The oldest request in flight has its response, {@code responseBytes} long. */
        void completed(int responseBytes) {
            long now = process.now();
            stats.operation(now - issuedAt[head], (long) requestBytes[head] + responseBytes, now);
            head = (head + 1) % window;
            inFlight--;
        }
    }
}
