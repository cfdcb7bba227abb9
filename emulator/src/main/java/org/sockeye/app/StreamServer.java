package org.sockeye.app;

import org.sockeye.config.AppSpec;
import org.sockeye.config.ListenSpec;
import org.sockeye.net.Network;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.protocols.Errno;

/**
 * A single-threaded request–response server over stream sockets, Redis' shape: one process, one
 * {@link EventLoop} (select, poll or epoll), non-blocking sockets. Each readable connection gets
 * one read of up to 16 KiB (Redis' PROTO_IOBUF_LEN); the protocol turns what was read into work
 * on the CPU and replies, which are written at once. A reply the socket cannot take whole waits
 * for POLLOUT, and the connection is not read again until it is gone (back-pressure).
 *
 * <p>Operations (apps.csv): one per reply, with the time from the read that completed its
 * request to the write that completed the reply (the server's own residence time). Errors: a
 * connection the mechanism cannot watch (select and a descriptor of 1024 or more: FD_SETSIZE) is
 * closed at once; a failed system call is counted by its errno; a malformed request
 * ({@code bad-request}) closes its connection.
 */
abstract class StreamServer extends Application {
    /** Redis' PROTO_IOBUF_LEN: the most one read takes. */
    static final int READ_SIZE = 16 * 1024;
    /** RLIMIT_NOFILE raised for a server of many connections (ulimit -n). */
    static final int MAX_FDS = 1 << 20;

    /** What a connection's bytes mean: the echo or key-value protocol. */
    interface Protocol {
        /**
         * Takes {@code n} bytes read ({@code buf} holds them, or is null for a protocol of virtual
         * bytes), queues the replies with {@link Connection#reply}, and returns the CPU time the
         * requests cost, or -1 if the stream is malformed (the connection is then closed).
         */
        long consume(byte[] buf, int n);
    }

    protected final AppStats stats;
    private final ListenSpec listen;
    /** One read buffer for every connection: a single thread reads one at a time. Null: virtual bytes. */
    private final byte[] readBuffer;
    private final Resume onAccepted = this::accepted;
    private Process process;
    private EventLoop loop;
    private int listener;

    protected StreamServer(AppSpec spec, ListenSpec listen, Network net, Applications results, String type,
            boolean realBytes) {
        super(spec, net.host(spec.node()));
        this.listen = listen;
        this.stats = results.register(spec, type);
        this.readBuffer = realBytes ? new byte[READ_SIZE] : null;
    }

    /** The protocol state of a new connection. */
    protected abstract Protocol open(Connection c);

    static EventLoop.Mechanism mechanism(ListenSpec.Io io) {
        return switch (io) {
            case SELECT -> EventLoop.Mechanism.SELECT;
            case POLL -> EventLoop.Mechanism.POLL;
            case EPOLL -> EventLoop.Mechanism.EPOLL;
        };
    }

    @Override
    protected void start() {
        process = spawn();
        process.setMaxFds(MAX_FDS);
        boolean unix = listen.unix();
        listener = process.socket(unix ? Sys.AF_UNIX : Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK);
        if (!unix) {
            process.setsockopt(listener, Sys.SOL_SOCKET, Sys.SO_REUSEADDR, 1);
            process.setsockopt(listener, Sys.IPPROTO_TCP, Sys.TCP_NODELAY, 1); // accepted sockets inherit it
        }
        int r = process.bind(listener, unix ? SockAddr.unix(listen.path()) : SockAddr.inet(0, listen.port()));
        if (r == 0) {
            r = process.listen(listener, listen.backlog());
        }
        if (r < 0) {
            throw new IllegalStateException(name() + ": listen on " + (unix ? "AF_UNIX path " : "TCP port ") + listen
                    + ": " + Errno.describe(r));
        }
        loop = new EventLoop(process, mechanism(listen.io()));
        loop.watch(listener, Sys.POLLIN, (fd, events) -> process.accept(listener, onAccepted));
        loop.start();
    }

    /** Accepts until the queue is empty (EAGAIN: the listener is non-blocking). */
    private void accepted(long r) {
        if (r < 0) {
            if (r != -Errno.EAGAIN.code) {
                stats.error(r);
            }
            loop.done();
            return;
        }
        int fd = (int) r;
        process.fcntl(fd, Sys.F_SETFL, Sys.O_NONBLOCK);
        Connection c = new Connection(fd);
        c.protocol = open(c);
        if (loop.watch(fd, Sys.POLLIN, c)) {
            stats.connectionOpened();
        } else {
            process.close(fd);
            stats.error("FD_SETSIZE");
        }
        process.accept(listener, onAccepted);
    }

    @Override
    protected void stop() {
        if (process != null) {
            loop.stop();
            process.exit();
        }
    }

    /** One accepted connection: read, work, reply; the replies' operations are recorded once written. */
    final class Connection implements EventLoop.Handler {
        private final int fd;
        private final OutputBuffer out = readBuffer != null ? OutputBuffer.real() : OutputBuffer.virtual();
        private final StreamWriter writer;
        private final Resume onRead = this::read;
        private final Resume onComputed = this::computed;
        private Protocol protocol;
        /** Replies queued and not yet written: when their request was read, and their size. */
        private long[] readAt = new long[4];
        private int[] sizes = new int[4];
        private int replies;

        Connection(int fd) {
            this.fd = fd;
            this.writer = new StreamWriter(process, loop, fd, out, Sys.POLLOUT) {
                @Override
                void written() {
                    long now = process.now();
                    for (int i = 0; i < replies; i++) {
                        stats.operation(now - readAt[i], sizes[i], now);
                    }
                    replies = 0;
                }

                @Override
                void failed(long result) {
                    stats.error(result);
                    close();
                }
            };
        }

        @Override
        public void ready(int fd, int events) {
            if (!out.isEmpty()) {
                writer.flush();
            } else {
                process.recv(fd, readBuffer, READ_SIZE, 0, onRead);
            }
        }

        private void computed(long unused) {
            writer.flush();
        }

        private void read(long n) {
            if (n > 0) {
                long cost = protocol.consume(readBuffer, (int) n);
                if (cost < 0) {
                    stats.error("bad-request");
                    close();
                } else if (cost > 0) {
                    process.compute(cost, onComputed);
                } else {
                    writer.flush();
                }
                return;
            }
            if (n == -Errno.EAGAIN.code) {
                loop.done();
                return;
            }
            if (n < 0) {
                stats.error(n);
            }
            close(); // end of stream: the client is done
        }

        /**
         * Queues a reply of {@code length} bytes for the request just read and returns its offset in
         * {@link #replyBytes()} (zeros there until written; unused for virtual bytes).
         */
        int reply(int length) {
            if (replies == readAt.length) {
                readAt = java.util.Arrays.copyOf(readAt, replies * 2);
                sizes = java.util.Arrays.copyOf(sizes, replies * 2);
            }
            readAt[replies] = process.now();
            sizes[replies++] = length;
            return out.append(length);
        }

        /** The output buffer's bytes, after {@link #reply} (it may have grown). */
        byte[] replyBytes() {
            return out.data();
        }

        private void close() {
            loop.unwatch(fd);
            process.close(fd);
            loop.done();
        }
    }
}
