package org.sockeye.pktdrill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sockeye.protocols.Errno;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpConnection;
import org.sockeye.protocols.tcp.TcpOption;
import org.sockeye.protocols.tcp.TcpState;

/**
 * The system calls a script may make, with Linux's results, on top of {@link SimulatedHost}. Each
 * call returns an attempt that the runner retries after every engine step while it reports
 * {@link CallResult#BLOCKED} (only blocking sockets block; non-blocking ones answer EAGAIN).
 */
final class SocketCalls {
    static final int O_RDWR = 0x2;
    static final int O_NONBLOCK = 0x800;
    static final int MSG_FASTOPEN = 0x20000000;
    static final int POLLIN = 0x1;
    static final int POLLOUT = 0x4;
    static final int POLLERR = 0x8;
    static final int POLLHUP = 0x10;
    static final int POLLRDHUP = 0x2000;
    private static final Map<String, Integer> POLL_BITS = Map.of("POLLIN", POLLIN, "POLLOUT", POLLOUT,
            "POLLERR", POLLERR, "POLLHUP", POLLHUP, "POLLRDHUP", POLLRDHUP, "POLLRDNORM", 0x40, "POLLWRNORM", 0x100,
            "POLLPRI", 0x2, "POLLNVAL", 0x20);
    private static final Map<String, TcpOption> TCP_OPTIONS = Map.of("TCP_NODELAY", TcpOption.NODELAY,
            "TCP_CORK", TcpOption.CORK, "TCP_QUICKACK", TcpOption.QUICKACK, "SO_KEEPALIVE", TcpOption.KEEPALIVE,
            "TCP_KEEPIDLE", TcpOption.KEEPIDLE, "TCP_KEEPINTVL", TcpOption.KEEPINTVL, "TCP_KEEPCNT", TcpOption.KEEPCNT);
    private static final Pattern POLLFD = Pattern.compile("\\{([^}]*)\\}");

    private final SimulatedHost host;
    private final Map<Integer, FdSocket> fds = new TreeMap<>();
    private final Consumer<String> warn;
    private TcpConfig stackConfig;

    SocketCalls(SimulatedHost host, TcpConfig stackConfig, Consumer<String> warn) {
        this.host = host;
        this.stackConfig = stackConfig;
        this.warn = warn;
    }

    void setStackConfig(TcpConfig c) {
        stackConfig = c;
    }

    TcpConfig stackConfig() {
        return stackConfig;
    }

    /** Starts {@code e}; the returned attempt is called at once and again while it blocks. */
    Supplier<CallResult> start(ScriptEvent.Syscall e) throws ScriptException {
        Args a = new Args(e);
        return switch (e.name()) {
            case "socket" -> socket(a);
            case "bind" -> withSocket(a, s -> {
                s.boundPort = SimulatedHost.SCRIPT_PORT;
                return CallResult.ok(0);
            });
            case "listen" -> listen(a);
            case "accept", "accept4" -> accept(a);
            case "connect" -> connect(a);
            case "write", "send" -> write(a, e.name().equals("send") ? a.flags(3) : 0);
            case "sendto" -> sendto(a);
            case "read", "recv", "recvfrom" -> read(a);
            case "shutdown" -> shutdown(a);
            case "close" -> close(a);
            case "setsockopt" -> setsockopt(a);
            case "getsockopt" -> getsockopt(a);
            case "fcntl" -> fcntl(a);
            case "poll" -> poll(a);
            default -> throw a.error("unsupported system call '" + e.name() + "'");
        };
    }

    /** The connection behind {@code fd}, or null. */
    SimulatedHost.Conn connOf(int fd) {
        FdSocket s = fds.get(fd);
        return s == null ? null : s.conn;
    }

    // ------------------------------------------------------------------ calls

    private Supplier<CallResult> socket(Args a) throws ScriptException {
        String type = a.raw(1);
        boolean udp = type.contains("SOCK_DGRAM");
        if (!udp && !type.contains("SOCK_STREAM")) {
            throw a.error("socket type must be SOCK_STREAM or SOCK_DGRAM");
        }
        FdSocket s = new FdSocket(udp, stackConfig);
        s.nonblocking = type.contains("SOCK_NONBLOCK");
        return () -> CallResult.ok(allocate(s));
    }

    private int allocate(FdSocket s) {
        int fd = 3; // 0-2 are stdio, as in packetdrill
        while (fds.containsKey(fd)) {
            fd++;
        }
        fds.put(fd, s);
        return fd;
    }

    private Supplier<CallResult> listen(Args a) throws ScriptException {
        int backlog = a.integer(1);
        return withSocket(a, s -> {
            if (s.udp) {
                return CallResult.error(Errno.EOPNOTSUPP);
            }
            s.listener = host.listen(s.config, s.boundPort != 0 ? s.boundPort : SimulatedHost.SCRIPT_PORT, backlog);
            return CallResult.ok(0);
        });
    }

    private Supplier<CallResult> accept(Args a) throws ScriptException {
        return withSocket(a, s -> {
            if (s.listener == null) {
                return CallResult.error(Errno.EINVAL);
            }
            TcpConnection c = s.listener.accept();
            if (c == null) {
                return s.nonblocking ? CallResult.error(Errno.EAGAIN) : CallResult.BLOCKED;
            }
            FdSocket child = new FdSocket(false, s.config);
            child.conn = host.connectionOf(c);
            for (int[] o : s.pendingOptions) {
                child.pendingOptions.add(o); // Linux: accepted sockets inherit the listener's options
            }
            applyPending(child);
            return CallResult.ok(allocate(child));
        });
    }

    private Supplier<CallResult> connect(Args a) throws ScriptException {
        int fd = a.integer(0);
        boolean[] started = {false};
        return () -> {
            FdSocket s = fds.get(fd);
            if (s == null) {
                return CallResult.error(Errno.EBADF);
            }
            if (s.udp) {
                s.udpConnected = true;
                return CallResult.ok(0);
            }
            if (s.conn == null) {
                s.conn = host.connect(s.config, s.boundPort, false, 0);
                applyPending(s);
                started[0] = true;
            }
            return connectResult(s, started[0]);
        };
    }

    private CallResult connectResult(FdSocket s, boolean justStarted) {
        TcpConnection c = s.conn.tcp;
        if (c.error() != null) {
            return CallResult.error(c.error());
        }
        if (c.state() == TcpState.SYN_SENT || c.state() == TcpState.SYN_RECEIVED) {
            if (s.nonblocking) {
                return CallResult.error(justStarted ? Errno.EINPROGRESS : Errno.EALREADY);
            }
            return CallResult.BLOCKED;
        }
        return justStarted || c.state() != TcpState.CLOSED ? CallResult.ok(0) : CallResult.error(Errno.ECONNABORTED);
    }

    private Supplier<CallResult> write(Args a, int flags) throws ScriptException {
        int len = a.integer(2);
        return sendData(a, len, flags);
    }

    private Supplier<CallResult> sendData(Args a, int len, int flags) throws ScriptException {
        int[] done = {0};
        return withSocket(a, s -> {
            if (s.udp) {
                if (!s.udpConnected) {
                    return CallResult.error(Errno.ENOTCONN); // Linux says EDESTADDRREQ, which Errno lacks
                }
                host.sendUdp(len);
                return CallResult.ok(len);
            }
            if (s.conn == null) {
                return CallResult.error(Errno.EPIPE); // Linux: write on an unconnected stream socket
            }
            int n = s.conn.tcp.send(host.now(), len - done[0], null, flags & TcpConnection.MSG_MORE, s.conn);
            if (n < 0) {
                return done[0] > 0 ? CallResult.ok(done[0]) : CallResult.error(errno(-n));
            }
            done[0] += n;
            if (done[0] == len) {
                return CallResult.ok(len);
            }
            if (s.nonblocking) {
                return done[0] > 0 ? CallResult.ok(done[0]) : CallResult.error(Errno.EAGAIN);
            }
            return CallResult.BLOCKED; // Linux: a blocking write waits until all of it is queued
        });
    }

    private Supplier<CallResult> sendto(Args a) throws ScriptException {
        int len = a.integer(2);
        int flags = a.flags(3);
        int fd = a.integer(0);
        FdSocket s = fds.get(fd);
        if (s != null && !s.udp && s.conn == null && (flags & MSG_FASTOPEN) != 0) {
            return () -> {
                // RFC 7413 §4.1: data rides in the SYN only with a cached cookie; else a cookie request goes out.
                boolean cookie = host.fastOpenCache().get(SimulatedHost.REMOTE_ADDR) != null
                        && s.config.fastOpen();
                s.conn = host.connect(s.config, s.boundPort, true, cookie ? len : 0);
                applyPending(s);
                return cookie ? CallResult.ok(len) : CallResult.error(Errno.EINPROGRESS);
            };
        }
        if (s != null && s.udp) {
            return () -> {
                host.sendUdp(len);
                return CallResult.ok(len);
            };
        }
        return sendData(a, len, flags);
    }

    private Supplier<CallResult> read(Args a) throws ScriptException {
        int len = a.integer(2);
        return withSocket(a, s -> {
            if (s.udp) {
                Integer d = s.datagrams.poll();
                if (d == null) {
                    return s.nonblocking ? CallResult.error(Errno.EAGAIN) : CallResult.BLOCKED;
                }
                return CallResult.ok(Math.min(d, len));
            }
            if (s.conn == null) {
                return CallResult.error(Errno.ENOTCONN);
            }
            int n = s.conn.tcp.read(host.now(), len, null, s.conn);
            if (n == TcpConnection.EOF) {
                return CallResult.ok(0);
            }
            if (n < 0) {
                return CallResult.error(errno(-n));
            }
            if (n == 0) {
                if (s.conn.tcp.state() == TcpState.SYN_SENT && s.nonblocking) {
                    return CallResult.error(Errno.EAGAIN);
                }
                return s.nonblocking ? CallResult.error(Errno.EAGAIN) : CallResult.BLOCKED;
            }
            return CallResult.ok(n);
        });
    }

    private Supplier<CallResult> shutdown(Args a) throws ScriptException {
        String how = a.raw(1);
        return withSocket(a, s -> {
            if (s.conn == null) {
                return CallResult.error(Errno.ENOTCONN);
            }
            if (how.equals("SHUT_WR") || how.equals("SHUT_RDWR") || how.equals("1") || how.equals("2")) {
                s.conn.tcp.shutdownWrite(host.now(), s.conn);
            }
            return CallResult.ok(0);
        });
    }

    private Supplier<CallResult> close(Args a) throws ScriptException {
        int fd = a.integer(0);
        return () -> {
            FdSocket s = fds.remove(fd);
            if (s == null) {
                return CallResult.error(Errno.EBADF);
            }
            if (s.listener != null) {
                host.closeListener(s.listener);
            }
            if (s.conn != null) {
                s.conn.tcp.close(host.now(), s.conn);
            }
            return CallResult.ok(0);
        };
    }

    private Supplier<CallResult> setsockopt(Args a) throws ScriptException {
        String name = a.raw(2);
        String value = a.raw(3);
        return withSocket(a, s -> {
            TcpOption opt = TCP_OPTIONS.get(name);
            if (opt != null) {
                int v = intValue(value);
                if (s.conn != null) {
                    s.conn.tcp.setOption(host.now(), opt, v, s.conn);
                } else {
                    s.rememberOption(opt, v);
                }
                return CallResult.ok(0);
            }
            switch (name) {
                case "SO_REUSEADDR", "SO_REUSEPORT", "TCP_FASTOPEN" -> {
                    // Nothing to model: one host, one port; Fast Open is the fast-open setting.
                }
                // Linux doubles SO_RCVBUF/SO_SNDBUF to leave room for its bookkeeping (socket(7)).
                case "SO_RCVBUF" -> s.config = s.config.with("rcvbuf", Integer.toString(2 * intValue(value)));
                case "SO_SNDBUF" -> s.config = s.config.with("sndbuf", Integer.toString(2 * intValue(value)));
                case "TCP_CONGESTION" -> s.config = s.config.with("congestion-control",
                        Sysctls.congestionControl(value.replace("\"", "")));
                default -> warn.accept("setsockopt " + name + " is not modelled; returning 0");
            }
            return CallResult.ok(0);
        });
    }

    private Supplier<CallResult> getsockopt(Args a) throws ScriptException {
        String name = a.raw(2);
        String expected = a.raw(3);
        return withSocket(a, s -> {
            long actual;
            switch (name) {
                case "SO_ERROR" -> {
                    Errno e = s.conn == null ? null : s.conn.tcp.error();
                    actual = e == null ? 0 : e.code;
                }
                case "SO_TYPE" -> actual = s.udp ? 2 : 1;
                default -> {
                    warn.accept("getsockopt " + name + " is not modelled; its value is not checked");
                    return CallResult.ok(0);
                }
            }
            if (!expected.equals("...") && intValue(expected) != actual) {
                return CallResult.ok(0).withMismatch(name + ": expected " + expected + ", actual [" + actual + "]");
            }
            return CallResult.ok(0);
        });
    }

    private Supplier<CallResult> fcntl(Args a) throws ScriptException {
        String cmd = a.raw(1);
        if (cmd.equals("F_SETFL")) {
            int flags = a.flags(2);
            return withSocket(a, s -> {
                s.nonblocking = (flags & O_NONBLOCK) != 0;
                return CallResult.ok(0);
            });
        }
        if (cmd.equals("F_GETFL")) {
            return withSocket(a, s -> CallResult.ok(O_RDWR | (s.nonblocking ? O_NONBLOCK : 0)));
        }
        throw a.error("fcntl supports F_SETFL and F_GETFL, not " + cmd);
    }

    private Supplier<CallResult> poll(Args a) throws ScriptException {
        List<int[]> entries = new ArrayList<>(); // fd, events, expected revents (-1: unchecked)
        Matcher m = POLLFD.matcher(a.raw(0));
        while (m.find()) {
            int fd = -1;
            int events = 0;
            int revents = -1;
            for (String kv : m.group(1).split(",")) {
                String[] p = kv.split("=", 2);
                if (p.length != 2) {
                    throw a.error("poll entries look like {fd=4, events=POLLIN, revents=POLLIN}");
                }
                String v = p[1].strip();
                switch (p[0].strip()) {
                    case "fd" -> fd = Integer.parseInt(v);
                    case "events" -> events = pollBits(a, v);
                    case "revents" -> revents = pollBits(a, v);
                    default -> throw a.error("unknown poll field '" + p[0].strip() + "'");
                }
            }
            entries.add(new int[] {fd, events, revents});
        }
        int timeoutMs = a.integer(2);
        long deadline = host.now() + timeoutMs * 1_000_000_000L;
        if (timeoutMs > 0) {
            host.setWakeup(deadline);
        }
        return () -> {
            int ready = 0;
            StringBuilder mismatch = new StringBuilder();
            for (int[] e : entries) {
                int rev = revents(e[0]) & (e[1] | POLLERR | POLLHUP | 0x20);
                if (rev != 0) {
                    ready++;
                }
                if (e[2] >= 0 && rev != e[2]) {
                    mismatch.append("fd ").append(e[0]).append(" revents: expected ").append(pollNames(e[2]))
                            .append(", actual ").append(pollNames(rev)).append("; ");
                }
            }
            if (ready == 0 && timeoutMs != 0 && (timeoutMs < 0 || host.now() < deadline)) {
                return CallResult.BLOCKED;
            }
            CallResult r = CallResult.ok(ready);
            return mismatch.length() == 0 ? r : r.withMismatch(mismatch.toString().strip());
        };
    }

    /** Linux tcp_poll's answer for one descriptor. */
    private int revents(int fd) {
        FdSocket s = fds.get(fd);
        if (s == null) {
            return 0x20; // POLLNVAL
        }
        if (s.udp) {
            return POLLOUT | (s.datagrams.isEmpty() ? 0 : POLLIN);
        }
        if (s.listener != null) {
            return s.listener.acceptQueueLength() > 0 ? POLLIN : 0;
        }
        if (s.conn == null) {
            return POLLOUT | POLLHUP; // Linux: an unconnected TCP socket reports POLLOUT|POLLHUP
        }
        TcpConnection c = s.conn.tcp;
        int r = 0;
        if (c.error() != null) {
            r |= POLLERR;
        }
        // The peer's FIN has been received in exactly these states (RFC 9293 §3.10.7.4, eighth).
        boolean finReceived = c.state() == TcpState.CLOSE_WAIT || c.state() == TcpState.LAST_ACK
                || c.state() == TcpState.CLOSING || c.state() == TcpState.TIME_WAIT;
        boolean peerDone = c.readable() == 0 && finReceived;
        if (c.readable() > 0 || peerDone || c.error() != null) {
            r |= POLLIN;
        }
        if (peerDone) {
            r |= POLLRDHUP;
        }
        if (c.state() == TcpState.CLOSED || (peerDone && c.writable() == 0)) {
            r |= POLLHUP;
        }
        if (c.writable() > 0 && c.state() != TcpState.SYN_SENT && c.state() != TcpState.SYN_RECEIVED) {
            r |= POLLOUT;
        }
        return r;
    }

    private static int pollBits(Args a, String v) throws ScriptException {
        int bits = 0;
        for (String n : v.split("\\|")) {
            String t = n.strip();
            if (t.equals("0")) {
                continue;
            }
            Integer b = POLL_BITS.get(t);
            if (b == null) {
                throw a.error("unknown poll flag '" + t + "'");
            }
            bits |= b;
        }
        return bits;
    }

    private static String pollNames(int bits) {
        if (bits == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : new TreeMap<>(POLL_BITS).entrySet()) {
            if ((bits & e.getValue()) != 0 && e.getValue() != 0x40 && e.getValue() != 0x100) {
                sb.append(sb.length() == 0 ? "" : "|").append(e.getKey());
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ helpers

    /** A received datagram for the latest UDP socket. */
    boolean deliverUdp(int length) {
        FdSocket latest = null;
        for (FdSocket s : fds.values()) {
            if (s.udp) {
                latest = s;
            }
        }
        if (latest == null) {
            return false;
        }
        latest.datagrams.add(length);
        return true;
    }

    private void applyPending(FdSocket s) {
        for (int[] o : s.pendingOptions) {
            s.conn.tcp.setOption(host.now(), TcpOption.values()[o[0]], o[1], s.conn);
        }
    }

    private Supplier<CallResult> withSocket(Args a, java.util.function.Function<FdSocket, CallResult> body)
            throws ScriptException {
        int fd = a.integer(0);
        return () -> {
            FdSocket s = fds.get(fd);
            return s == null ? CallResult.error(Errno.EBADF) : body.apply(s);
        };
    }

    private static Errno errno(int code) {
        for (Errno e : Errno.values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalStateException("unknown errno " + code);
    }

    private static int intValue(String v) {
        String t = v.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1).strip();
        }
        for (Errno e : Errno.values()) {
            if (e.name().equals(t)) {
                return e.code;
            }
        }
        return Integer.decode(t);
    }

    /** A call's arguments with errors that point at the script line. */
    private static final class Args {
        private final ScriptEvent.Syscall e;

        Args(ScriptEvent.Syscall e) {
            this.e = e;
        }

        String raw(int i) throws ScriptException {
            if (i >= e.args().size()) {
                throw error(e.name() + " needs at least " + (i + 1) + " arguments");
            }
            return e.args().get(i);
        }

        int integer(int i) throws ScriptException {
            String r = raw(i);
            try {
                return Integer.decode(r);
            } catch (NumberFormatException x) {
                throw error("argument " + (i + 1) + " of " + e.name() + " must be a number, got '" + r + "'");
            }
        }

        int flags(int i) throws ScriptException {
            int f = 0;
            for (String n : raw(i).split("\\|")) {
                String t = n.strip();
                f |= switch (t) {
                    case "0" -> 0;
                    case "MSG_FASTOPEN" -> MSG_FASTOPEN;
                    case "MSG_MORE" -> TcpConnection.MSG_MORE;
                    case "MSG_DONTWAIT" -> 0x40;
                    case "O_RDWR" -> O_RDWR;
                    case "O_NONBLOCK" -> O_NONBLOCK;
                    default -> {
                        try {
                            yield Integer.decode(t);
                        } catch (NumberFormatException x) {
                            throw error("unknown flag '" + t + "'");
                        }
                    }
                };
            }
            return f;
        }

        ScriptException error(String message) {
            return new ScriptException(e.line(), e.text(), message);
        }
    }
}
