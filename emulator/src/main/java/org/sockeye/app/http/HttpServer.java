package org.sockeye.app.http;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.sockeye.app.AppStats;
import org.sockeye.app.Application;
import org.sockeye.app.Applications;
import org.sockeye.app.EventLoop;
import org.sockeye.config.HttpServerSpec;
import org.sockeye.os.Kernel;
import org.sockeye.os.MsgHdr;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.protocols.Errno;

/**
 * An HTTP/1.1 server in nginx's shape: {@code workers} single-threaded processes, each pinned to
 * a core (worker i on core i mod cores) and running an {@link EventLoop} over non-blocking
 * sockets. Every request, once its head is complete, costs the worker {@code service-time}, then
 * gets a 200 response: a real header with Content-Length and a body of virtual bytes.
 *
 * <p>Listeners: with {@code reuseport} each worker opens its own SO_REUSEPORT listener and the
 * kernel spreads connections over them by a hash of the four-tuple. Without it worker 0 opens the
 * one listener and passes it to the others over AF_UNIX with SCM_RIGHTS (as a master process's
 * listener reaches nginx's workers); all of them then watch the same accept queue, every one is
 * woken by a new connection and one wins the accept (the others get EAGAIN).
 *
 * <p>Limits: a worker with {@code max-connections} open stops watching its listener, so further
 * connections wait in the accept queue (then the SYN queue, then are dropped) until one closes,
 * as Apache does at MaxRequestWorkers; nothing is accepted and then refused. A connection whose
 * request head is not complete {@code header-timeout} after it was accepted (for a later request
 * on a keep-alive connection: after its first byte) is closed (nginx's client_header_timeout,
 * Apache's RequestReadTimeout), as is a keep-alive connection idle for {@code idle-timeout}.
 * Without keep-alive, or when the request says "Connection: close", the server closes after the
 * response (it holds the TIME_WAIT). A request head over 8 KiB closes the connection.
 *
 * <p>{@code accept-delay} and {@code service-time} are CPU time of the worker on a host with
 * {@code cpu:}; on a host without it the worker is simply busy (asleep) that long.
 */
public final class HttpServer extends Application {
    /** Largest request head (nginx's large_client_header_buffers: 8 KiB per line). */
    static final int MAX_HEAD = 8 * 1024;
    private static final int READ_CHUNK = 4096;

    private final HttpServerSpec spec;
    private final AppStats stats;
    private final RandomGenerator sizes;
    private final boolean machine;
    private final List<Worker> workers = new ArrayList<>();

    public HttpServer(HttpServerSpec spec, Applications.Context ctx) {
        super(spec, ctx.network().host(spec.node()));
        this.spec = spec;
        this.stats = ctx.results().register(spec, "http-server");
        this.sizes = ctx.network().random().stream("http/" + spec.name());
        this.machine = host.machine() != null;
    }

    /** Connections each worker accepted, in worker order. */
    public long[] acceptedPerWorker() {
        long[] a = new long[workers.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = workers.get(i).accepted;
        }
        return a;
    }

    @Override
    protected void start() {
        Kernel kernel = Kernel.of(host);
        int cores = host.machine() == null ? 1 : host.machine().coreCount();
        for (int i = 0; i < spec.workers(); i++) {
            Process p = kernel.spawn(spec.name(), i % cores);
            p.setMaxFds(spec.maxConnections() + 16);
            workers.add(new Worker(i, p));
        }
        if (spec.reusePort() || spec.workers() == 1) {
            for (Worker w : workers) {
                w.serve(listen(w.p));
            }
            return;
        }
        shareListener(listen(workers.get(0).p));
    }

    /** A non-blocking listener on the port; a failure is the experiment's error. */
    private int listen(Process p) {
        int fd = p.socket(Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK);
        p.setsockopt(fd, Sys.SOL_SOCKET, Sys.SO_REUSEADDR, 1); // as nginx does
        if (spec.reusePort()) {
            p.setsockopt(fd, Sys.SOL_SOCKET, Sys.SO_REUSEPORT, 1);
        }
        int r = p.bind(fd, SockAddr.inet(0, spec.port()));
        if (r == 0) {
            r = p.listen(fd, spec.backlog());
        }
        if (r < 0) {
            throw new IllegalStateException(name() + ": listen on TCP port " + spec.port() + ": " + Errno.describe(r));
        }
        return fd;
    }

    /** Worker 0 sends its listener to every other worker over AF_UNIX (SCM_RIGHTS), then all serve. */
    private void shareListener(int listener) {
        for (int i = 1; i < workers.size(); i++) {
            Worker w = workers.get(i);
            int u = w.p.socket(Sys.AF_UNIX, Sys.SOCK_DGRAM);
            w.p.bind(u, SockAddr.unix(path(i)));
            MsgHdr m = new MsgHdr(1);
            m.data = new byte[1];
            w.p.recvmsg(u, m, 0, r -> {
                w.p.close(u);
                w.p.unlink(path(w.index));
                if (r < 0 || m.rights.length != 1) {
                    throw new IllegalStateException(name() + ": worker " + w.index + " got no listener: "
                            + Errno.describe(r));
                }
                w.serve(m.rights[0]);
            });
        }
        Worker first = workers.get(0);
        int u = first.p.socket(Sys.AF_UNIX, Sys.SOCK_DGRAM);
        sendListener(first, u, listener, 1);
    }

    private void sendListener(Worker first, int u, int listener, int to) {
        if (to == workers.size()) {
            first.p.close(u);
            first.serve(listener);
            return;
        }
        MsgHdr m = new MsgHdr(1);
        m.data = new byte[1];
        m.name = SockAddr.unix(path(to));
        m.rights = new int[] {listener};
        first.p.sendmsg(u, m, 0, r -> sendListener(first, u, listener, to + 1));
    }

    private String path(int worker) {
        return "/run/sockeye-http/" + spec.name() + "." + worker;
    }

    @Override
    protected void stop() {
        for (Worker w : workers) {
            w.p.exit();
        }
    }

    /** One worker process: its loop, its listener, its connections. */
    private final class Worker {
        final int index;
        final Process p;
        final EventLoop loop;
        final byte[] scratch = new byte[READ_CHUNK];
        final Int2ObjectOpenHashMap<Connection> connections = new Int2ObjectOpenHashMap<>();
        final EventLoop.Handler onAcceptable = (fd, ev) -> acceptOne();
        final EventLoop.Handler onConnection = this::connectionReady;
        int listener;
        boolean watchingListener;
        long accepted;

        Worker(int index, Process p) {
            this.index = index;
            this.p = p;
            this.loop = new EventLoop(p, EventLoop.Mechanism.valueOf(spec.io().name()));
        }

        void serve(int listenerFd) {
            listener = listenerFd;
            watchListener();
            loop.start();
        }

        private void watchListener() {
            if (!watchingListener && connections.size() < spec.maxConnections()) {
                watchingListener = loop.watch(listener, Sys.POLLIN, onAcceptable);
            }
        }

        /** One accept per readiness report (nginx's multi_accept off). */
        private void acceptOne() {
            if (connections.size() >= spec.maxConnections()) {
                loop.unwatch(listener); // the rest wait in the accept queue
                watchingListener = false;
                loop.done();
                return;
            }
            p.accept(listener, r -> {
                if (r < 0) {
                    if (r != -Errno.EAGAIN.code) { // EAGAIN: another worker took it
                        stats.error(r);
                    }
                    loop.done();
                    return;
                }
                int fd = (int) r;
                accepted++;
                stats.connectionOpened();
                p.fcntl(fd, Sys.F_SETFL, Sys.O_NONBLOCK);
                p.setsockopt(fd, Sys.IPPROTO_TCP, Sys.TCP_NODELAY, 1); // nginx's tcp_nodelay on
                Connection c = new Connection(fd);
                connections.put(fd, c);
                if (connections.size() >= spec.maxConnections()) {
                    loop.unwatch(listener); // at the limit: the rest wait in the accept queue
                    watchingListener = false;
                }
                busy(spec.acceptDelayPs(), () -> {
                    if (!loop.watch(fd, Sys.POLLIN, onConnection)) {
                        stats.error("fd-setsize"); // select cannot watch descriptors from 1024 on
                        close(c);
                    } else {
                        c.headerDeadline(spec.headerTimeoutPs());
                    }
                    loop.done();
                });
            });
        }

        /** The worker is busy for {@code ps}: CPU time on a machine, else simply time. */
        private void busy(long ps, Runnable then) {
            if (ps <= 0) {
                then.run();
            } else if (machine) {
                p.compute(ps, r -> then.run());
            } else {
                p.sleep(ps, r -> then.run());
            }
        }

        private void connectionReady(int fd, int events) {
            Connection c = connections.get(fd);
            if (c.bodyLeft >= 0) {
                c.write();
            } else {
                p.recv(fd, scratch, scratch.length, 0, c.onRead);
            }
        }

        private void close(Connection c) {
            loop.cancel(c.timer);
            loop.unwatch(c.fd);
            p.close(c.fd);
            connections.remove(c.fd);
            watchListener();
        }

        /** A connection and its request in progress. */
        private final class Connection {
            final int fd;
            final HttpHead head = new HttpHead(MAX_HEAD);
            final Resume onRead = this::read;
            final Resume onSent = this::sent;
            EventLoop.Timer timer;
            /** Bytes read past the last request's head (pipelined), to parse after its response. */
            byte[] pending;
            int pendingLength;
            /** Response in progress: head bytes still to send and body bytes after them; -1: none. */
            byte[] responseHead;
            int headSent;
            long bodyLeft = -1;
            long responseBytes;
            boolean closeAfter;
            long requestAt;
            /** Between requests on a keep-alive connection (the idle timeout runs). */
            boolean idle;

            Connection(int fd) {
                this.fd = fd;
            }

            void headerDeadline(long timeoutPs) {
                deadline(timeoutPs, "header-timeout");
            }

            private void deadline(long timeoutPs, String what) {
                loop.cancel(timer);
                timer = null;
                if (timeoutPs > 0) {
                    timer = loop.timer(p.now() + timeoutPs, () -> {
                        if (what != null) {
                            stats.error(what);
                        }
                        close(this);
                        loop.done();
                    });
                }
            }

            private void read(long n) {
                if (n == -Errno.EAGAIN.code) {
                    loop.done();
                    return;
                }
                if (n <= 0) {
                    if (n < 0) {
                        stats.error(n);
                    }
                    close(this); // end of stream or reset
                    loop.done();
                    return;
                }
                take(scratch, 0, (int) n);
            }

            /** Parses {@code n} bytes; serves the request when its head is complete. */
            private void take(byte[] b, int off, int n) {
                if (idle) {
                    idle = false;
                    headerDeadline(spec.headerTimeoutPs()); // from the first byte of a later request
                }
                int used = head.feed(b, off, n);
                if (head.tooLarge() || (head.complete() && !head.isRequest())) {
                    stats.error(head.tooLarge() ? "header-too-large" : "bad-request");
                    close(this);
                    loop.done();
                    return;
                }
                if (!head.complete()) {
                    loop.done();
                    return;
                }
                if (used < n) {
                    keep(b, off + used, n - used);
                }
                loop.cancel(timer);
                timer = null;
                requestAt = p.now();
                closeAfter = !spec.keepAlive() || !head.keepAlive();
                loop.modify(fd, Sys.POLLOUT); // nothing more is read until the response is out
                busy(spec.serviceTimePs(), () -> {
                    long size = spec.responseSize().draw(sizes, 0, Integer.MAX_VALUE);
                    responseHead = HttpHead.response(size, !closeAfter);
                    headSent = 0;
                    bodyLeft = size;
                    responseBytes = responseHead.length + size;
                    write();
                });
            }

            private void keep(byte[] b, int off, int n) {
                byte[] rest = new byte[pendingLength + n];
                if (pending != null) {
                    System.arraycopy(pending, 0, rest, 0, pendingLength);
                }
                System.arraycopy(b, off, rest, pendingLength, n);
                pending = rest;
                pendingLength = rest.length;
            }

            /** Sends what remains of the response; the head with MSG_MORE so it shares a segment with the body. */
            void write() {
                if (headSent < responseHead.length) {
                    byte[] h = headSent == 0 ? responseHead
                            : Arrays.copyOfRange(responseHead, headSent, responseHead.length);
                    p.send(fd, h, h.length, bodyLeft > 0 ? Sys.MSG_MORE : 0, onSent);
                } else {
                    p.send(fd, (int) Math.min(bodyLeft, 1 << 30), 0, onSent);
                }
            }

            private void sent(long n) {
                if (n == -Errno.EAGAIN.code) {
                    loop.done(); // the send buffer is full: POLLOUT will resume
                    return;
                }
                if (n < 0) {
                    stats.error(n);
                    close(this);
                    loop.done();
                    return;
                }
                if (headSent < responseHead.length) {
                    headSent += (int) n;
                } else {
                    bodyLeft -= n;
                }
                if (headSent < responseHead.length || bodyLeft > 0) {
                    write();
                    return;
                }
                responded();
            }

            private void responded() {
                long now = p.now();
                stats.operation(now - requestAt, responseBytes, now);
                bodyLeft = -1;
                responseHead = null;
                head.reset();
                if (closeAfter) {
                    close(this);
                    loop.done();
                    return;
                }
                loop.modify(fd, Sys.POLLIN);
                idle = true;
                deadline(spec.idleTimeoutPs(), null);
                if (pendingLength > 0) {
                    byte[] b = pending;
                    int n = pendingLength;
                    pending = null;
                    pendingLength = 0;
                    take(b, 0, n); // a pipelined request already read
                    return;
                }
                loop.done();
            }
        }
    }
}
