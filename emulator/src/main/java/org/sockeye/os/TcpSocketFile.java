package org.sockeye.os;

import org.sockeye.net.SocketException;
import org.sockeye.net.TcpSocket;
import org.sockeye.net.TcpStack;
import org.sockeye.protocols.Errno;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpConnection;
import org.sockeye.protocols.tcp.TcpEvent;
import org.sockeye.protocols.tcp.TcpOption;
import org.sockeye.protocols.tcp.TcpState;
import org.sockeye.sim.Time;

/**
 * An AF_INET SOCK_STREAM socket: unconnected, listening (a {@link TcpStack.TcpServer}) or a
 * connection (a {@link TcpSocket} driving the sans-I/O engine). Engine events become readiness:
 * READABLE and PEER_FIN wake readers, WRITABLE and CONNECTED wake writers, a reset or timeout
 * wakes everyone with the error pending (reported once, by the next call or SO_ERROR, then
 * end-of-stream, as Linux's sock_error).
 *
 * <p>Linux details: SO_RCVBUF and SO_SNDBUF are capped at net.core.rmem_max / wmem_max (212992)
 * and read back doubled (the kernel's bookkeeping overhead), while the window and send buffer the
 * engine uses are the value asked for; an accepted socket inherits its listener's options; a
 * listener closed with connections still in its accept queue resets them; SO_LINGER with a zero
 * timeout makes close send a RST (no TIME_WAIT); with a positive timeout a blocking
 * {@link Process#close(int, Resume)} sends the FIN and waits until it is acknowledged (all data
 * delivered) or the timeout passes (EWOULDBLOCK), as Linux's tcp_close does.
 */
final class TcpSocketFile extends OpenFile implements TcpSocket.Handler, TcpStack.AcceptHandler {
    /** net.core.rmem_max and wmem_max defaults: the most SO_RCVBUF/SO_SNDBUF can ask for. */
    static final int BUFFER_MAX = 212_992;
    /** net.core.somaxconn (Linux 5.4 and later): listen()'s backlog is capped here. */
    static final int SOMAXCONN = 4096;

    private final TcpStack tcp;
    private int boundPort;
    private boolean reserved;
    private TcpStack.TcpServer server;
    private TcpSocket sock;
    private Errno pendingError;
    private boolean readShut;
    private boolean writeShut;
    private boolean everConnected;

    // options, kept to apply when a connection exists and to pass on to accepted sockets
    private boolean reuseAddr;
    private boolean reusePort;
    private boolean keepalive;
    private int keepIdle;
    private int keepIntvl;
    private int keepCnt;
    private boolean nodelay;
    private boolean cork;
    private boolean quickack;
    private int rcvbuf;
    private int sndbuf;
    private int maxSeg;
    private int lingerSeconds = -1;
    private int fastOpenQueue;

    TcpSocketFile(Kernel kernel) {
        super(kernel);
        this.tcp = kernel.host().tcp();
    }

    /** A connection just accepted on {@code listener}: inherits its options (Linux clones the listener). */
    private TcpSocketFile(TcpSocketFile listener, TcpSocket accepted) {
        this(listener.kernel);
        reuseAddr = listener.reuseAddr;
        keepalive = listener.keepalive;
        keepIdle = listener.keepIdle;
        keepIntvl = listener.keepIntvl;
        keepCnt = listener.keepCnt;
        nodelay = listener.nodelay;
        cork = listener.cork;
        rcvbuf = listener.rcvbuf;
        sndbuf = listener.sndbuf;
        maxSeg = listener.maxSeg;
        lingerSeconds = listener.lingerSeconds;
        rcvTimeoutPs = listener.rcvTimeoutPs;
        sndTimeoutPs = listener.sndTimeoutPs;
        sock = accepted;
        everConnected = true;
        accepted.setHandler(this);
        applyOptions();
    }

    @Override
    int socketType() {
        return Sys.SOCK_STREAM;
    }

    /** The connection, or null: for tracing and tests. */
    TcpSocket connection() {
        return sock;
    }

    // ---------------------------------------------------------------- readiness

    @Override
    int pollMask() {
        if (server != null) {
            return server.listener().acceptQueueLength() > 0 ? Sys.POLLIN : 0;
        }
        if (sock == null) {
            return Sys.POLLOUT | Sys.POLLHUP | (pendingError != null ? Sys.POLLERR : 0); // tcp_poll: TCP_CLOSE
        }
        TcpConnection c = sock.connection();
        TcpState st = c.state();
        int m = pendingError != null ? Sys.POLLERR : 0;
        if (st == TcpState.SYN_SENT || st == TcpState.SYN_RECEIVED) {
            return m;
        }
        boolean peerDone = peerFinished(st) || c.error() != null;
        if (c.readable() > 0 || peerDone || readShut) {
            m |= Sys.POLLIN;
        }
        if (peerDone) {
            m |= Sys.POLLRDHUP;
        }
        if (c.writable() > 0 || writeShut || c.error() != null) {
            m |= Sys.POLLOUT; // a write would not block (it may fail)
        }
        if (st == TcpState.CLOSED || ((peerDone || readShut) && (writeShut || !st.canSend()))) {
            m |= Sys.POLLHUP;
        }
        return m;
    }

    private static boolean peerFinished(TcpState st) {
        return st == TcpState.CLOSE_WAIT || st == TcpState.LAST_ACK || st == TcpState.CLOSING
                || st == TcpState.TIME_WAIT;
    }

    @Override
    public void onEvent(TcpSocket s, TcpEvent e) {
        switch (e) {
            case CONNECTED -> {
                everConnected = true;
                wakeUp(Sys.POLLOUT);
            }
            case READABLE -> wakeUp(Sys.POLLIN);
            case WRITABLE -> wakeUp(Sys.POLLOUT);
            case PEER_FIN -> wakeUp(Sys.POLLIN | Sys.POLLRDHUP);
            case FIN_ACKED -> wakeUp(Sys.POLLOUT); // a lingering close may return
            case RESET -> {
                pendingError = everConnected ? Errno.ECONNRESET : Errno.ECONNREFUSED;
                wakeUp(-1);
            }
            case TIMED_OUT -> {
                pendingError = Errno.ETIMEDOUT;
                wakeUp(-1);
            }
            case CLOSED -> wakeUp(-1);
        }
    }

    @Override
    public void acceptable(TcpStack.TcpServer s) {
        wakeUp(Sys.POLLIN);
    }

    // ---------------------------------------------------------------- calls

    @Override
    int bind(Process p, SockAddr a) {
        if (boundPort != 0 || sock != null || server != null) {
            return (int) err(Errno.EINVAL);
        }
        if (a == null || a.family() != Sys.AF_INET) {
            return (int) err(Errno.EAFNOSUPPORT);
        }
        if (a.address() != 0 && !kernel.host().owns(a.address())) {
            return (int) err(Errno.EADDRNOTAVAIL);
        }
        int port = a.port() != 0 ? a.port() : freePort();
        if (port == 0 || conflicts(port)) {
            return (int) err(Errno.EADDRINUSE);
        }
        boundPort = port;
        reserve(true);
        return 0;
    }

    /**
     * Linux's bind conflicts: a listener unless all share with SO_REUSEPORT; another bound
     * socket likewise; a connection from the port (TIME_WAIT included) unless SO_REUSEADDR or
     * SO_REUSEPORT is set.
     */
    private boolean conflicts(int port) {
        int bound = kernel.tcpBound.get(port);
        if (bound > 0 && !(reusePort && bound == kernel.tcpBoundShared.get(port))) {
            return true;
        }
        if (tcp.listening(port)) {
            return !(reusePort && tcp.portSharable(port));
        }
        return tcp.portInUse(port) && !(reuseAddr || reusePort);
    }

    private int freePort() {
        var h = kernel.host();
        for (int port = h.ephemeralFirst(); port <= h.ephemeralLast(); port++) {
            if (!tcp.portInUse(port) && kernel.tcpBound.get(port) == 0) {
                return port;
            }
        }
        return 0;
    }

    private void reserve(boolean on) {
        if (on == reserved || boundPort == 0) {
            return;
        }
        reserved = on;
        int delta = on ? 1 : -1;
        if (kernel.tcpBound.addTo(boundPort, delta) + delta <= 0) {
            kernel.tcpBound.remove(boundPort);
        }
        if (reusePort && kernel.tcpBoundShared.addTo(boundPort, delta) + delta <= 0) {
            kernel.tcpBoundShared.remove(boundPort);
        }
    }

    @Override
    int listen(Process p, int backlog) {
        if (sock != null) {
            return (int) err(Errno.EINVAL);
        }
        if (server != null) {
            return 0;
        }
        if (boundPort == 0) {
            boundPort = freePort(); // Linux autobinds a listener to an ephemeral port
            if (boundPort == 0) {
                return (int) err(Errno.EADDRINUSE);
            }
        }
        int b = backlog < 0 || backlog > SOMAXCONN ? SOMAXCONN : backlog;
        reserve(false);
        try {
            server = tcp.listen(config(true), boundPort, b, reusePort, this);
        } catch (SocketException e) {
            reserve(true);
            return -e.errno().code;
        }
        return 0;
    }

    @Override
    long accept(Process p, Call c) {
        if (server == null) {
            return err(Errno.EINVAL);
        }
        if (server.listener().acceptQueueLength() == 0) {
            return c.nonblocking() ? err(Errno.EAGAIN) : BLOCK;
        }
        if (!p.canOpen()) {
            return err(Errno.EMFILE); // the connection stays queued, as in Linux
        }
        TcpSocket s = server.accept(null);
        return p.install(new TcpSocketFile(this, s));
    }

    @Override
    long connect(Process p, Call c) {
        if (server != null) {
            return err(Errno.EISCONN);
        }
        if (sock != null) {
            TcpState st = sock.connection().state();
            boolean pending = st == TcpState.SYN_SENT || st == TcpState.SYN_RECEIVED;
            if (c.retry) {
                if (pendingError != null) {
                    return takeError();
                }
                if (st == TcpState.CLOSED) {
                    return err(Errno.ECONNREFUSED);
                }
                return pending ? BLOCK : 0;
            }
            if (pending) {
                return err(Errno.EALREADY);
            }
            if (st != TcpState.CLOSED || everConnected) {
                return err(Errno.EISCONN);
            }
        }
        SockAddr a = c.addr;
        if (a == null || a.family() != Sys.AF_INET) {
            return err(Errno.EAFNOSUPPORT);
        }
        long r = open(a, 0);
        if (r < 0) {
            return r;
        }
        return c.nonblocking() ? err(Errno.EINPROGRESS) : BLOCK;
    }

    /** Starts the handshake to {@code a}, with {@code fastOpenBytes} in the SYN if Fast Open allows. */
    private long open(SockAddr a, int fastOpenBytes) {
        pendingError = null;
        try {
            reserve(false);
            sock = tcp.connect(config(false), a.address(), a.port(), boundPort, fastOpenBytes, this);
        } catch (SocketException e) {
            reserve(true);
            return -e.errno().code;
        }
        boundPort = sock.id().localPort();
        applyOptions();
        return 0;
    }

    @Override
    long send(Process p, Call c) {
        if (server != null) {
            return err(Errno.ENOTCONN);
        }
        if (sock == null) {
            if ((c.flags & Sys.MSG_FASTOPEN) != 0 && c.msg != null && c.msg.name != null) {
                // RFC 7413 client: sendto(MSG_FASTOPEN) connects with the first data in the SYN.
                long r = open(c.msg.name, c.length);
                if (r < 0) {
                    return r;
                }
                c.progress = Math.min(c.length, config(false).sndbuf()); // queued; the SYN carries what fits
                return c.progress;
            }
            return err(Errno.EPIPE);
        }
        if (pendingError != null) {
            return takeError();
        }
        if (writeShut) {
            return err(Errno.EPIPE);
        }
        int remaining = (int) (c.length - c.progress);
        if (remaining == 0) {
            return c.progress;
        }
        byte[] data = c.data;
        if (data != null && c.progress > 0) {
            data = java.util.Arrays.copyOfRange(data, (int) c.progress, c.length); // rare: a blocking send resumed
        }
        int n = sock.send(data, remaining, c.flags & TcpConnection.MSG_MORE);
        if (n < 0) {
            return c.progress > 0 ? c.progress : n;
        }
        c.progress += n;
        if (c.progress == c.length) {
            return c.progress;
        }
        if (c.nonblocking()) {
            return c.progress > 0 ? c.progress : err(Errno.EAGAIN);
        }
        return BLOCK;
    }

    @Override
    long recv(Process p, Call c) {
        if (sock == null || server != null) {
            return err(Errno.ENOTCONN);
        }
        if (pendingError != null) {
            return takeError();
        }
        if (readShut) {
            return 0;
        }
        int n = sock.read(c.data, c.length);
        if (n > 0) {
            return n;
        }
        if (n == TcpConnection.EOF || n < 0 || c.length == 0) {
            return 0; // end of stream (after a reported error too)
        }
        TcpState st = sock.connection().state();
        if (st == TcpState.CLOSED) {
            return 0;
        }
        return c.nonblocking() ? err(Errno.EAGAIN) : BLOCK;
    }

    private long takeError() {
        Errno e = pendingError;
        pendingError = null;
        return err(e);
    }

    @Override
    int shutdown(int how) {
        if (sock == null) {
            return (int) err(Errno.ENOTCONN);
        }
        if (how == Sys.SHUT_RD || how == Sys.SHUT_RDWR) {
            readShut = true;
        }
        if (how == Sys.SHUT_WR || how == Sys.SHUT_RDWR) {
            writeShut = true;
            sock.shutdownWrite();
        }
        wakeUp(-1);
        return 0;
    }

    /** Whether closing must wait: SO_LINGER with a timeout, and our FIN not acknowledged yet. */
    @Override
    boolean lingers() {
        if (lingerSeconds <= 0 || sock == null) {
            return false;
        }
        TcpState st = sock.connection().state();
        return st == TcpState.ESTABLISHED || st == TcpState.CLOSE_WAIT || st == TcpState.FIN_WAIT_1
                || st == TcpState.CLOSING || st == TcpState.LAST_ACK || st == TcpState.SYN_RECEIVED;
    }

    @Override
    long lingerPs() {
        return lingerSeconds * Time.S;
    }

    /** A lingering close begins: the FIN follows the queued data; the descriptor stays until it is acked. */
    @Override
    void startClosing() {
        sock.close();
    }

    @Override
    void release() {
        reserve(false);
        if (server != null) {
            server.close();
            TcpSocket queued;
            while ((queued = server.accept(null)) != null) {
                queued.abort(); // Linux inet_csk_listen_stop: unaccepted connections are reset
            }
            server = null;
        }
        if (sock != null) {
            sock.setHandler(null); // the kernel finishes the connection on its own
            if (lingerSeconds == 0) {
                sock.abort();
            } else {
                sock.close();
            }
        }
    }

    // ---------------------------------------------------------------- options

    @Override
    int setsockopt(int level, int name, long value) {
        int v = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
        boolean on = value != 0;
        if (level == Sys.SOL_SOCKET) {
            switch (name) {
                case Sys.SO_REUSEADDR -> reuseAddr = on;
                case Sys.SO_REUSEPORT -> reusePort = on;
                case Sys.SO_KEEPALIVE -> {
                    keepalive = on;
                    applyOption(TcpOption.KEEPALIVE, on ? 1 : 0);
                }
                case Sys.SO_RCVBUF -> rcvbuf = clampBuffer(v);
                case Sys.SO_SNDBUF -> sndbuf = clampBuffer(v);
                case Sys.SO_LINGER -> lingerSeconds = v < 0 ? -1 : v;
                default -> {
                    return (int) err(Errno.ENOPROTOOPT);
                }
            }
            return 0;
        }
        if (level != Sys.IPPROTO_TCP) {
            return (int) err(Errno.ENOPROTOOPT);
        }
        switch (name) {
            case Sys.TCP_NODELAY -> {
                nodelay = on;
                applyOption(TcpOption.NODELAY, on ? 1 : 0);
            }
            case Sys.TCP_CORK -> {
                cork = on;
                applyOption(TcpOption.CORK, on ? 1 : 0);
            }
            case Sys.TCP_QUICKACK -> {
                quickack = on;
                applyOption(TcpOption.QUICKACK, on ? 1 : 0);
            }
            case Sys.TCP_KEEPIDLE, Sys.TCP_KEEPINTVL, Sys.TCP_KEEPCNT -> {
                if (v < 1 || v > 32_767) {
                    return (int) err(Errno.EINVAL); // Linux: MAX_TCP_KEEPIDLE / KEEPINTVL / KEEPCNT bounds
                }
                if (name == Sys.TCP_KEEPIDLE) {
                    keepIdle = v;
                    applyOption(TcpOption.KEEPIDLE, v);
                } else if (name == Sys.TCP_KEEPINTVL) {
                    keepIntvl = v;
                    applyOption(TcpOption.KEEPINTVL, v);
                } else {
                    keepCnt = v;
                    applyOption(TcpOption.KEEPCNT, v);
                }
            }
            case Sys.TCP_MAXSEG -> {
                if (v < 88 || v > 65_495) {
                    return (int) err(Errno.EINVAL);
                }
                maxSeg = v;
            }
            case Sys.TCP_FASTOPEN -> fastOpenQueue = Math.max(0, v);
            default -> {
                return (int) err(Errno.ENOPROTOOPT);
            }
        }
        return 0;
    }

    @Override
    long getsockopt(int level, int name) {
        if (level == Sys.SOL_SOCKET) {
            return switch (name) {
                case Sys.SO_ERROR -> pendingError == null ? 0 : -takeError();
                case Sys.SO_REUSEADDR -> reuseAddr ? 1 : 0;
                case Sys.SO_REUSEPORT -> reusePort ? 1 : 0;
                case Sys.SO_KEEPALIVE -> keepalive ? 1 : 0;
                case Sys.SO_RCVBUF -> 2L * (rcvbuf != 0 ? rcvbuf : tcp.config().rcvbuf());
                case Sys.SO_SNDBUF -> 2L * (sndbuf != 0 ? sndbuf : tcp.config().sndbuf());
                case Sys.SO_LINGER -> lingerSeconds;
                default -> super.getsockopt(level, name);
            };
        }
        if (level == Sys.IPPROTO_TCP) {
            TcpConfig cfg = tcp.config();
            return switch (name) {
                case Sys.TCP_NODELAY -> nodelay ? 1 : 0;
                case Sys.TCP_CORK -> cork ? 1 : 0;
                case Sys.TCP_QUICKACK -> quickack ? 1 : 0;
                case Sys.TCP_KEEPIDLE -> keepIdle != 0 ? keepIdle : cfg.keepaliveIdle() / Time.S;
                case Sys.TCP_KEEPINTVL -> keepIntvl != 0 ? keepIntvl : cfg.keepaliveInterval() / Time.S;
                case Sys.TCP_KEEPCNT -> keepCnt != 0 ? keepCnt : cfg.keepaliveCount();
                case Sys.TCP_MAXSEG -> sock != null ? sock.connection().info().sndMss() : cfg.mss();
                case Sys.TCP_FASTOPEN -> fastOpenQueue;
                default -> err(Errno.ENOPROTOOPT);
            };
        }
        return err(Errno.ENOPROTOOPT);
    }

    private static int clampBuffer(int v) {
        return Math.max(1152, Math.min(v, BUFFER_MAX)); // SOCK_MIN_RCVBUF / 2 ... rmem_max
    }

    /**
     * The engine settings of this socket: the host's stack profile with its buffer and MSS
     * options. A listener does server Fast Open only with TCP_FASTOPEN set (Linux); a client uses
     * the profile's setting (sendto with MSG_FASTOPEN).
     */
    private TcpConfig config(boolean forListener) {
        TcpConfig base = tcp.config();
        boolean fastOpen = base.fastOpen() && (!forListener || fastOpenQueue > 0);
        if (rcvbuf == 0 && sndbuf == 0 && maxSeg == 0 && fastOpen == base.fastOpen()) {
            return base;
        }
        TcpConfig.Builder b = base.toBuilder().fastOpen(fastOpen);
        if (rcvbuf != 0) {
            b.rcvbuf(rcvbuf);
        }
        if (sndbuf != 0) {
            b.sndbuf(sndbuf);
        }
        if (maxSeg != 0) {
            b.mss(Math.min(maxSeg, base.mss()));
        }
        return b.build();
    }

    private void applyOption(TcpOption o, int value) {
        if (sock != null && sock.connection().state() != TcpState.CLOSED) {
            sock.setOption(o, value);
        }
    }

    /** Options set before the connection existed (or inherited) take effect on it now. */
    private void applyOptions() {
        if (keepIdle != 0) {
            applyOption(TcpOption.KEEPIDLE, keepIdle);
        }
        if (keepIntvl != 0) {
            applyOption(TcpOption.KEEPINTVL, keepIntvl);
        }
        if (keepCnt != 0) {
            applyOption(TcpOption.KEEPCNT, keepCnt);
        }
        if (keepalive) {
            applyOption(TcpOption.KEEPALIVE, 1);
        }
        if (nodelay) {
            applyOption(TcpOption.NODELAY, 1);
        }
        if (cork) {
            applyOption(TcpOption.CORK, 1);
        }
    }

    @Override
    long sendSpace() {
        return sock == null ? 0 : sock.connection().writable();
    }

    @Override
    SockAddr localAddress() {
        if (sock != null) {
            return SockAddr.inet(sock.id().localAddr(), sock.id().localPort());
        }
        return SockAddr.inet(0, boundPort);
    }

    @Override
    SockAddr peerAddress() {
        return sock == null ? null : SockAddr.inet(sock.id().remoteAddr(), sock.id().remotePort());
    }
}
