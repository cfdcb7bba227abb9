package org.sockeye.app.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.apache.commons.math3.random.RandomGenerator;
import org.sockeye.app.AppStats;
import org.sockeye.app.Application;
import org.sockeye.app.Applications;
import org.sockeye.config.HttpClientSpec;
import org.sockeye.os.Kernel;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.protocols.Errno;
import org.sockeye.sim.Event;
import org.sockeye.sim.Time;

/**
 * An HTTP/1.1 load generator. Requests come from {@code concurrency} users that each issue the
 * next request when the last ends (closed loop), or arrive at {@code rate} with exponential gaps
 * (open loop, Poisson). Each request goes to a <em>slot</em>: a process of its own with at most
 * one connection, making blocking calls (socket, connect, send, recv), as a thread per connection
 * would. There are {@code concurrency} slots ({@code pool} in mode pool); a request that finds
 * none free waits in a FIFO queue, and its latency — issued to response complete — counts the
 * wait and any connect.
 *
 * <p>Modes: {@code keep-alive} keeps a slot's connection open for its next request;
 * {@code close} opens a connection per request and closes it after the response, client first, so
 * the client holds TIME_WAIT and spends an ephemeral port per request for 60 s (the request does
 * not ask for "Connection: close": an HTTP library used without a pool behaves like this);
 * {@code pool} is keep-alive with {@code pool} connections shared by all users, the most recently
 * used first. A request on a kept connection that the server has meanwhile closed (idle timeout)
 * is retried once on a new connection before any byte of a response arrived, as HTTP libraries
 * retry idempotent requests. A response saying "Connection: close" is read to the server's FIN
 * before the client closes, so the server, which closes first, holds the TIME_WAIT.
 *
 * <p>Errors are counted by errno name (EADDRNOTAVAIL when no ephemeral port is free,
 * ECONNREFUSED, ECONNRESET, ETIMEDOUT), or: {@code connect-timeout} ({@code connect-timeout}
 * expired), {@code timeout} (no complete response {@code timeout} after the request was issued),
 * {@code closed} (end of stream before the response was complete), {@code bad-response}. A failed
 * request is not retried; a closed-loop user pauses 1 ms after one, so that connects failing at
 * once do not spin.
 *
 * <p>Slow loris ({@code slow}): each of {@code concurrency} slots connects and sends a request
 * head {@code bytes} at a time every {@code interval}, followed by header lines without end
 * ("X-a: b"), so the head never completes; when the server drops it (the next send fails) it
 * connects again. Its row counts connections and errors, never operations.
 *
 * <p>Besides the application's row, a second row {@code <name>/connect} of type
 * {@code http-connect} has one operation per connection established, its latency the connect
 * time (SYN sent to connect returning): SYN retransmissions show as steps at 1 s, 3 s, 7 s.
 */
public final class HttpClient extends Application {
    /** How long a closed-loop user waits after a failed request. */
    static final long ERROR_PAUSE_PS = Time.MS;
    private static final int MAX_HEAD = 16 * 1024;
    private static final int READ_CHUNK = 2048;
    private static final byte[] SLOW_FILLER = "X-a: b\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final HttpClientSpec spec;
    private final AppStats stats;
    private final AppStats connects;
    private final SockAddr server;
    private final byte[] request;
    private final byte[] slowHead;
    private final RandomGenerator arrivals;
    private final double meanGapPs;
    private final Slot[] slots;
    /** Free slots with an open connection (most recently used on top) and without one. */
    private final ArrayDeque<Slot> idleConnected = new ArrayDeque<>();
    private final ArrayDeque<Slot> idleEmpty = new ArrayDeque<>();
    /** Issue times of requests waiting for a slot, in order. */
    private long[] waiting = new long[64];
    private int waitHead;
    private int waitSize;
    private long issued;
    private boolean running;
    private boolean dispatching;
    private final Event arrival = new Event() {
        @Override
        public void run() {
            arrive();
        }
    };

    public HttpClient(HttpClientSpec spec, Applications.Context ctx) {
        super(spec, ctx.network().host(spec.node()));
        this.spec = spec;
        this.stats = ctx.results().register(spec, "http-client");
        this.connects = ctx.results().register(spec, spec.name() + "/connect", "http-connect");
        this.server = SockAddr.inet(ctx.network().host(spec.to().node()).address(), spec.to().port());
        this.request = HttpHead.request("GET", "/", spec.to().toString(), true);
        this.slowHead = ("GET / HTTP/1.1\r\nHost: " + spec.to() + "\r\nUser-Agent: slowloris\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        this.arrivals = ctx.network().random().stream("http/" + spec.name());
        this.meanGapPs = spec.openLoop() ? Time.S / spec.ratePerS() : 0;
        int n = spec.mode() == HttpClientSpec.Mode.POOL && !spec.slow() ? Math.min(spec.pool(), spec.concurrency())
                : spec.concurrency();
        this.slots = new Slot[n];
    }

    @Override
    protected void start() {
        running = true;
        Kernel kernel = Kernel.of(host);
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(kernel.spawn(spec.name()));
            idleEmpty.add(slots[i]);
        }
        if (spec.slow()) {
            for (Slot s : slots) {
                idleEmpty.remove(s);
                s.slowConnect();
            }
        } else if (spec.openLoop()) {
            scheduler.scheduleIn(arrival, gap());
        } else {
            for (int i = 0; i < spec.concurrency(); i++) {
                issue();
            }
        }
    }

    @Override
    protected void stop() {
        running = false;
        scheduler.cancel(arrival);
        for (Slot s : slots) {
            if (s != null) {
                s.p.exit();
            }
        }
    }

    private long gap() {
        return Math.max(1, Math.round(-Math.log(1 - arrivals.nextDouble()) * meanGapPs));
    }

    private void arrive() {
        if (!running) {
            return;
        }
        if (issue()) {
            scheduler.scheduleIn(arrival, gap());
        }
    }

    /** A new request, now, if the budget allows: queued, then dispatched. */
    private boolean issue() {
        if (!running || (spec.requests() > 0 && issued >= spec.requests())) {
            return false;
        }
        issued++;
        if (waitSize == waiting.length) {
            long[] grown = new long[waitSize * 2];
            for (int i = 0; i < waitSize; i++) {
                grown[i] = waiting[(waitHead + i) % waiting.length];
            }
            waiting = grown;
            waitHead = 0;
        }
        waiting[(waitHead + waitSize) % waiting.length] = scheduler.now();
        waitSize++;
        dispatch();
        return true;
    }

    /** Hands waiting requests to free slots (one with a connection first); not re-entered. */
    private void dispatch() {
        if (dispatching) {
            return;
        }
        dispatching = true;
        try {
            while (running && waitSize > 0 && !(idleConnected.isEmpty() && idleEmpty.isEmpty())) {
                Slot s = !idleConnected.isEmpty() ? idleConnected.pop() : idleEmpty.pop();
                long t = waiting[waitHead];
                waitHead = (waitHead + 1) % waiting.length;
                waitSize--;
                s.begin(t);
            }
        } finally {
            dispatching = false;
        }
    }

    /** A slot is done with its request: free it, let a closed-loop user go on, dispatch. */
    private void finished(Slot s, boolean ok) {
        if (!running) {
            return;
        }
        if (s.fd >= 0) {
            idleConnected.push(s);
        } else {
            idleEmpty.push(s);
        }
        if (!spec.openLoop()) {
            if (ok) {
                issue();
            } else {
                scheduler.schedule(scheduler.now() + ERROR_PAUSE_PS, this::issue);
            }
        }
        dispatch();
    }

    /** One process with at most one connection, serving one request at a time. */
    private final class Slot {
        final Process p;
        final HttpHead head = new HttpHead(MAX_HEAD);
        final byte[] buffer = new byte[READ_CHUNK];
        final Resume onConnected = this::connected;
        final Resume onSent = this::sent;
        final Resume onHead = this::headRead;
        final Resume onBody = this::bodyRead;
        final Resume onDripped = this::dripped;
        final Resume onDrained = this::drained;
        int fd = -1;
        long issuedAt;
        long connectStart;
        boolean reused;
        boolean retried;
        long bodyLeft;
        long received;
        /** The response said "Connection: close". */
        boolean serverCloses;
        /** Slow loris: bytes of the endless head sent on this connection. */
        long slowSent;

        Slot(Process p) {
            this.p = p;
        }

        void begin(long issuedAtPs) {
            issuedAt = issuedAtPs;
            retried = false;
            if (spec.timeoutPs() > 0 && p.now() - issuedAt >= spec.timeoutPs()) {
                fail("timeout", false); // waited for a slot past its deadline
                return;
            }
            if (fd < 0) {
                open();
            } else {
                reused = true;
                sendRequest();
            }
        }

        private boolean openSocket() {
            int r = p.socket(Sys.AF_INET, Sys.SOCK_STREAM);
            if (r < 0) {
                stats.error(r);
                return false;
            }
            fd = r;
            p.setsockopt(fd, Sys.IPPROTO_TCP, Sys.TCP_NODELAY, 1); // as curl does
            if (spec.connectTimeoutPs() > 0) {
                p.setsockopt(fd, Sys.SOL_SOCKET, Sys.SO_SNDTIMEO, spec.connectTimeoutPs()); // bounds connect(2)
            }
            connectStart = p.now();
            return true;
        }

        private void open() {
            reused = false;
            if (!openSocket()) {
                finished(this, false);
                return;
            }
            p.connect(fd, server, onConnected);
        }

        /** Connect's result; EINPROGRESS means SO_SNDTIMEO (connect-timeout) expired. */
        private boolean established(long r) {
            if (r < 0) {
                closeConnection();
                if (r == -Errno.EINPROGRESS.code) {
                    stats.error("connect-timeout");
                } else {
                    stats.error(r);
                }
                return false;
            }
            stats.connectionOpened();
            long now = p.now();
            connects.operation(now - connectStart, 0, now);
            return true;
        }

        private void connected(long r) {
            if (!established(r)) {
                finished(this, false);
                return;
            }
            sendRequest();
        }

        private void sendRequest() {
            head.reset();
            received = 0;
            p.send(fd, request, request.length, 0, onSent);
        }

        private void sent(long n) {
            if (n < 0) {
                failOrRetry(n, null);
                return;
            }
            awaitHead();
        }

        /** With a timeout, each recv may wait only for what is left of it (SO_RCVTIMEO). */
        private boolean armTimeout() {
            if (spec.timeoutPs() == 0) {
                return true;
            }
            long left = issuedAt + spec.timeoutPs() - p.now();
            if (left <= 0) {
                fail("timeout", true);
                return false;
            }
            p.setsockopt(fd, Sys.SOL_SOCKET, Sys.SO_RCVTIMEO, left);
            return true;
        }

        private void awaitHead() {
            if (armTimeout()) {
                p.recv(fd, buffer, buffer.length, 0, onHead);
            }
        }

        private void headRead(long n) {
            if (n <= 0) {
                failOrRetry(n, n == 0 ? "closed" : null);
                return;
            }
            received += n;
            int used = head.feed(buffer, 0, (int) n);
            if (head.tooLarge() || (head.complete() && (head.status() < 0))) {
                fail("bad-response", true);
                return;
            }
            if (!head.complete()) {
                awaitHead();
                return;
            }
            long length = head.contentLength();
            serverCloses = !head.keepAlive();
            bodyLeft = length < 0 ? Long.MAX_VALUE : length - (n - used); // no length: to end of stream
            if (bodyLeft <= 0) {
                done();
            } else {
                awaitBody();
            }
        }

        private void awaitBody() {
            if (armTimeout()) {
                p.recv(fd, null, (int) Math.min(bodyLeft, 1 << 30), 0, onBody);
            }
        }

        private void bodyRead(long n) {
            if (n > 0) {
                received += n;
                bodyLeft -= n;
                if (bodyLeft <= 0) {
                    done();
                } else {
                    awaitBody();
                }
            } else if (n == 0 && bodyLeft > Long.MAX_VALUE / 2) {
                serverCloses = false; // the response ended with the connection: its FIN is in
                closeConnection();
                done();
            } else {
                failOrRetry(n, n == 0 ? "closed" : null);
            }
        }

        /**
         * The response is complete. If the server said it closes, read to its FIN first, so that
         * it is the one to close (and to hold the TIME_WAIT); in mode close, the client closes now.
         */
        private void done() {
            long now = p.now();
            stats.operation(now - issuedAt, received, now);
            if (serverCloses) {
                p.recv(fd, null, READ_CHUNK, 0, onDrained);
                return;
            }
            if (spec.mode() == HttpClientSpec.Mode.CLOSE) {
                closeConnection();
            }
            finished(this, true);
        }

        private void drained(long n) {
            if (n > 0) {
                p.recv(fd, null, READ_CHUNK, 0, onDrained);
                return;
            }
            closeConnection();
            finished(this, true);
        }

        /**
         * The request failed (errno {@code r}, or {@code what}): on a kept connection that had
         * answered nothing yet, try once more on a new one (the server closed it meanwhile).
         */
        private void failOrRetry(long r, String what) {
            if (r == -Errno.EAGAIN.code && spec.timeoutPs() > 0) {
                fail("timeout", true);
                return;
            }
            if (reused && !retried && received == 0) {
                retried = true;
                closeConnection();
                open();
                return;
            }
            if (what != null) {
                fail(what, true);
            } else {
                closeConnection();
                stats.error(r);
                finished(this, false);
            }
        }

        private void fail(String what, boolean dropConnection) {
            if (dropConnection) {
                closeConnection();
            }
            stats.error(what);
            finished(this, false);
        }

        private void closeConnection() {
            if (fd >= 0) {
                p.close(fd);
                fd = -1;
            }
        }

        // ------------------------------------------------------------ slow loris

        void slowConnect() {
            if (!running) {
                return;
            }
            if (!openSocket()) {
                p.sleep(spec.slowIntervalPs(), r -> slowConnect());
                return;
            }
            p.connect(fd, server, r -> {
                if (!established(r)) {
                    p.sleep(spec.slowIntervalPs(), x -> slowConnect());
                    return;
                }
                slowSent = 0;
                drip();
            });
        }

        /** The next {@code bytes} of a head that never ends. */
        private void drip() {
            int n = spec.slowBytes();
            byte[] chunk = n <= buffer.length ? buffer : new byte[n];
            for (int i = 0; i < n; i++) {
                long pos = slowSent + i;
                chunk[i] = pos < slowHead.length ? slowHead[(int) pos]
                        : SLOW_FILLER[(int) ((pos - slowHead.length) % SLOW_FILLER.length)];
            }
            p.send(fd, chunk, n, 0, onDripped);
        }

        private void dripped(long n) {
            if (n < 0) {
                stats.error(n); // the server dropped us: connect again
                closeConnection();
                slowConnect();
                return;
            }
            slowSent += n;
            p.sleep(spec.slowIntervalPs(), r -> drip());
        }
    }
}
