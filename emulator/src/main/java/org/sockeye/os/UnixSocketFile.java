package org.sockeye.os;

import java.util.ArrayDeque;
import org.sockeye.protocols.Errno;

/**
 * An AF_UNIX socket (Linux net/unix/af_unix.c), SOCK_STREAM or SOCK_DGRAM: no TCP/IP at all —
 * a send copies the data straight onto the peer's receive queue and wakes it.
 *
 * <ul>
 *   <li>Names are paths in the host's namespace; a path stays taken after its socket is closed
 *       (the file-system node remains) until unlinked, so a second bind gets EADDRINUSE and a
 *       connect ECONNREFUSED, as on Linux.</li>
 *   <li>Stream: connect queues a new server-side socket on the listener at once (no handshake);
 *       with more than {@code backlog} waiting, connect blocks (EAGAIN if non-blocking) until an
 *       accept makes room. Bytes a socket has queued at its peer and the peer has not read count
 *       against its SO_SNDBUF; a full buffer blocks the sender until the reader drains it.</li>
 *   <li>Datagram: message boundaries are kept; a receiver holds at most net.unix.max_dgram_qlen
 *       (10) datagrams, and a sender to a full receiver blocks (or gets EAGAIN).</li>
 *   <li>SCM_RIGHTS: descriptors sent with sendmsg travel as references to their open file
 *       descriptions and are installed in the receiving process (lowest free descriptors) by
 *       recvmsg; a stream read never merges data that carries descriptors with earlier data.</li>
 * </ul>
 */
final class UnixSocketFile extends OpenFile {
    /** net.unix.max_dgram_qlen. */
    static final int MAX_DGRAM_QLEN = 10;
    /** net.core.wmem_default: a socket's SO_SNDBUF unless set. */
    static final int WMEM_DEFAULT = 212_992;
    private static final int[] NO_RIGHTS = new int[0];

    /** Data (and descriptors) queued on a receiver: a stream's bytes or one datagram. */
    private static final class Chunk {
        final UnixSocketFile sender;
        final String from;
        final byte[] data;
        int offset;
        int remaining;
        OpenFile[] rights;

        /** Copies the {@code length} bytes of {@code data} from {@code offset} (the kernel's skb): the sender may reuse its buffer. */
        Chunk(UnixSocketFile sender, byte[] data, int offset, int length, OpenFile[] rights) {
            this.sender = sender;
            this.from = sender.path;
            this.data = data == null ? null : java.util.Arrays.copyOfRange(data, offset, offset + length);
            this.offset = 0;
            this.remaining = length;
            this.rights = rights;
        }
    }

    private final int type;
    private String path;
    private boolean listening;
    private boolean released;
    private int backlog;
    private final ArrayDeque<UnixSocketFile> pending = new ArrayDeque<>();
    private UnixSocketFile peer;
    private final ArrayDeque<Chunk> rx = new ArrayDeque<>();
    private long rxBytes;
    /** Stream: bytes this socket queued at its peer that the peer has not read yet. */
    private long inFlight;
    private int sndbuf = WMEM_DEFAULT;
    private boolean readShut;
    private boolean writeShut;
    /** The peer has closed or shut its writing side: reads end after the queued data. */
    private boolean peerDone;

    UnixSocketFile(Kernel kernel, int type) {
        super(kernel);
        this.type = type;
    }

    static void pair(UnixSocketFile a, UnixSocketFile b) {
        a.peer = b;
        b.peer = a;
    }

    @Override
    int socketType() {
        return type;
    }

    @Override
    boolean isUnix() {
        return true;
    }

    private boolean stream() {
        return type == Sys.SOCK_STREAM;
    }

    // ---------------------------------------------------------------- readiness

    @Override
    int pollMask() {
        if (listening) {
            return pending.isEmpty() ? 0 : Sys.POLLIN;
        }
        int m = 0;
        if (!rx.isEmpty() || readShut || (stream() && peerDone)) {
            m |= Sys.POLLIN;
        }
        if (stream()) {
            if (peer == null) {
                return m | Sys.POLLOUT | Sys.POLLHUP; // unix_poll: an unconnected stream socket
            }
            if (peerDone) {
                m |= Sys.POLLRDHUP;
            }
            if (writeShut || peerGone() || inFlight < sndbuf) {
                m |= Sys.POLLOUT;
            }
            if ((peerDone || readShut) && (writeShut || peerGone())) {
                m |= Sys.POLLHUP;
            }
            return m;
        }
        if (peer == null || peer.released || peer.rx.size() < MAX_DGRAM_QLEN) {
            m |= Sys.POLLOUT;
        }
        return m;
    }

    private boolean peerGone() {
        return peer == null || peer.released;
    }

    // ---------------------------------------------------------------- naming and connecting

    @Override
    int bind(Process p, SockAddr a) {
        if (a == null || a.family() != Sys.AF_UNIX || a.path() == null || a.path().isEmpty()) {
            return (int) err(Errno.EINVAL);
        }
        if (path != null) {
            return (int) err(Errno.EINVAL);
        }
        if (kernel.unixPaths.containsKey(a.path())) {
            return (int) err(Errno.EADDRINUSE);
        }
        path = a.path();
        kernel.unixPaths.put(path, this);
        return 0;
    }

    @Override
    int listen(Process p, int backlog) {
        if (!stream()) {
            return (int) err(Errno.EOPNOTSUPP);
        }
        if (path == null || peer != null) {
            return (int) err(Errno.EINVAL);
        }
        listening = true;
        this.backlog = backlog < 0 || backlog > TcpSocketFile.SOMAXCONN ? TcpSocketFile.SOMAXCONN : backlog;
        return 0;
    }

    /**
     * Why {@code a} names no live socket of this type: 0 if it does, else the negated errno
     * (EINVAL not AF_UNIX, ENOENT no such name, ECONNREFUSED a stale one, EPROTOTYPE another type).
     */
    private long lookupError(SockAddr a) {
        if (a == null || a.family() != Sys.AF_UNIX) {
            return err(Errno.EINVAL);
        }
        UnixSocketFile target = kernel.unixPaths.get(a.path());
        if (target == null) {
            return err(Errno.ENOENT);
        }
        if (target.released) {
            return err(Errno.ECONNREFUSED);
        }
        return target.type != type ? err(Errno.EPROTOTYPE) : 0;
    }

    @Override
    long connect(Process p, Call c) {
        long r = lookupError(c.addr);
        if (r < 0) {
            return r;
        }
        UnixSocketFile target = kernel.unixPaths.get(c.addr.path());
        if (!stream()) {
            peer = target; // a datagram socket's default destination
            return 0;
        }
        if (peer != null) {
            return err(Errno.EISCONN);
        }
        if (!target.listening) {
            return err(Errno.ECONNREFUSED);
        }
        if (target.pending.size() > target.backlog) { // unix_recvq_full: more than backlog waiting
            return c.nonblocking() ? err(Errno.EAGAIN) : BLOCK;
        }
        UnixSocketFile server = new UnixSocketFile(kernel, Sys.SOCK_STREAM);
        server.path = target.path;
        server.sndbuf = target.sndbuf;
        pair(this, server);
        target.pending.add(server);
        target.wakeUp(Sys.POLLIN);
        return 0;
    }

    @Override
    OpenFile waitTarget(Call c) {
        if (c.op == Call.CONNECT && stream() && peer == null) {
            UnixSocketFile target = kernel.unixPaths.get(c.addr.path());
            return target != null ? target : this; // room in the listener's queue
        }
        if (c.op == Call.SEND && !stream()) {
            UnixSocketFile target = destination(c);
            return target != null ? target : this; // room in the receiver's queue
        }
        return this;
    }

    @Override
    long accept(Process p, Call c) {
        if (!listening) {
            return err(Errno.EINVAL);
        }
        if (pending.isEmpty()) {
            return c.nonblocking() ? err(Errno.EAGAIN) : BLOCK;
        }
        if (!p.canOpen()) {
            return err(Errno.EMFILE);
        }
        int fd = p.install(pending.poll());
        wakeUp(Sys.POLLOUT); // a connector waiting for room in the queue
        return fd;
    }

    // ---------------------------------------------------------------- data

    @Override
    long send(Process p, Call c) {
        return stream() ? sendStream(p, c) : sendDatagram(p, c);
    }

    private long sendStream(Process p, Call c) {
        if (peer == null) {
            return err(Errno.ENOTCONN);
        }
        if (writeShut || peer.released || peer.readShut) {
            return c.progress > 0 ? c.progress : err(Errno.EPIPE);
        }
        long space = sndbuf - inFlight;
        if (space <= 0 && c.length > c.progress) {
            if (c.nonblocking()) {
                return c.progress > 0 ? c.progress : err(Errno.EAGAIN);
            }
            return BLOCK;
        }
        int n = (int) Math.min(space, c.length - c.progress);
        OpenFile[] rights = c.progress == 0 ? takeRights(p, c) : null;
        if (rights == BAD_RIGHTS) {
            return err(Errno.EBADF);
        }
        enqueue(peer, new Chunk(this, c.data, (int) c.progress, n, rights));
        inFlight += n;
        c.progress += n;
        if (c.progress == c.length) {
            return c.progress;
        }
        return c.nonblocking() ? c.progress : BLOCK;
    }

    private UnixSocketFile destination(Call c) {
        if (c.msg != null && c.msg.name != null) {
            UnixSocketFile t = kernel.unixPaths.get(c.msg.name.path());
            return t == null || t.released ? null : t;
        }
        return peer;
    }

    private long sendDatagram(Process p, Call c) {
        UnixSocketFile target;
        if (c.msg != null && c.msg.name != null) {
            long r = lookupError(c.msg.name);
            if (r < 0) {
                return r;
            }
            target = kernel.unixPaths.get(c.msg.name.path());
        } else if (peer != null) {
            target = peer;
            if (target.released) {
                return err(Errno.ECONNREFUSED);
            }
        } else {
            return err(Errno.ENOTCONN);
        }
        if (c.length > sndbuf) {
            return err(Errno.EMSGSIZE);
        }
        if (target.rx.size() >= MAX_DGRAM_QLEN) {
            return c.nonblocking() ? err(Errno.EAGAIN) : BLOCK;
        }
        OpenFile[] rights = takeRights(p, c);
        if (rights == BAD_RIGHTS) {
            return err(Errno.EBADF);
        }
        enqueue(target, new Chunk(this, c.data, 0, c.length, rights));
        return c.length;
    }

    private static final OpenFile[] BAD_RIGHTS = new OpenFile[0];

    /** The descriptions behind the descriptors sent with SCM_RIGHTS, each now referenced in flight. */
    private static OpenFile[] takeRights(Process p, Call c) {
        if (c.msg == null || c.msg.rights.length == 0) {
            return null;
        }
        OpenFile[] files = new OpenFile[c.msg.rights.length];
        for (int i = 0; i < files.length; i++) {
            files[i] = p.file(c.msg.rights[i]);
            if (files[i] == null) {
                return BAD_RIGHTS;
            }
        }
        for (OpenFile f : files) {
            f.refs++;
        }
        return files;
    }

    private static void enqueue(UnixSocketFile to, Chunk chunk) {
        to.rx.add(chunk);
        to.rxBytes += chunk.remaining;
        to.wakeUp(Sys.POLLIN);
    }

    @Override
    long recv(Process p, Call c) {
        if (listening) {
            return err(Errno.EINVAL);
        }
        if (rx.isEmpty()) {
            if (readShut || (stream() && (peerDone || peer == null))) {
                return stream() && peer == null && !peerDone ? err(Errno.ENOTCONN) : 0;
            }
            return c.nonblocking() ? err(Errno.EAGAIN) : BLOCK;
        }
        return stream() ? recvStream(p, c) : recvDatagram(p, c);
    }

    private long recvStream(Process p, Call c) {
        int taken = 0;
        MsgHdr m = c.msg;
        if (m != null) {
            m.rights = NO_RIGHTS;
            m.flags = 0;
        }
        while (taken < c.length && !rx.isEmpty()) {
            Chunk ch = rx.peek();
            if (ch.rights != null) {
                if (taken > 0) {
                    break; // unix_stream_read_generic: never merge across passed descriptors
                }
                receiveRights(p, ch, m);
            }
            int n = Math.min(ch.remaining, c.length - taken);
            copy(ch, c.data, taken, n);
            ch.offset += n;
            ch.remaining -= n;
            rxBytes -= n;
            taken += n;
            ch.sender.drained(n);
            if (ch.remaining == 0) {
                rx.poll();
            }
        }
        return taken;
    }

    private long recvDatagram(Process p, Call c) {
        Chunk ch = rx.poll();
        rxBytes -= ch.remaining;
        int n = Math.min(ch.remaining, c.length);
        copy(ch, c.data, 0, n);
        MsgHdr m = c.msg;
        if (m != null) {
            if (ch.from == null) {
                m.name = null;
            } else if (m.name == null || !ch.from.equals(m.name.path())) {
                m.name = SockAddr.unix(ch.from); // a new sender: the same one reuses it
            }
            m.flags = n < ch.remaining ? Sys.MSG_TRUNC : 0;
            m.rights = NO_RIGHTS;
        }
        receiveRights(p, ch, m);
        wakeUp(Sys.POLLOUT); // room for a blocked sender
        return (c.flags & Sys.MSG_TRUNC) != 0 ? ch.remaining : n;
    }

    private static void copy(Chunk ch, byte[] into, int at, int n) {
        if (into == null) {
            return;
        }
        if (ch.data == null) {
            java.util.Arrays.fill(into, at, at + n, (byte) 0);
        } else {
            System.arraycopy(ch.data, ch.offset, into, at, n);
        }
    }

    /**
     * Installs a chunk's passed descriptors in the receiver. Without a message header to take them,
     * or past the descriptor limit, they are closed (Linux sets MSG_CTRUNC).
     */
    private static void receiveRights(Process p, Chunk ch, MsgHdr m) {
        if (ch.rights == null) {
            return;
        }
        OpenFile[] files = ch.rights;
        ch.rights = null;
        int[] fds = new int[files.length];
        int installed = 0;
        for (OpenFile f : files) {
            if (m != null && p.canOpen()) {
                fds[installed++] = p.install(f);
            } else if (m != null) {
                m.flags |= Sys.MSG_CTRUNC;
            }
            if (--f.refs == 0) {
                f.dropped(); // the in-flight reference; install took its own
            }
        }
        if (m != null) {
            m.rights = java.util.Arrays.copyOf(fds, installed);
        }
    }

    /** The peer read {@code n} of the bytes this socket queued: room in the send buffer. */
    private void drained(int n) {
        inFlight -= n;
        wakeUp(Sys.POLLOUT);
    }

    @Override
    int shutdown(int how) {
        if (peer == null && stream()) {
            return (int) err(Errno.ENOTCONN);
        }
        if (how == Sys.SHUT_RD || how == Sys.SHUT_RDWR) {
            readShut = true;
        }
        if ((how == Sys.SHUT_WR || how == Sys.SHUT_RDWR) && !writeShut) {
            writeShut = true;
            if (peer != null) {
                peer.peerDone = true;
                peer.wakeUp(Sys.POLLIN | Sys.POLLRDHUP);
            }
        }
        wakeUp(-1);
        return 0;
    }

    @Override
    void release() {
        released = true;
        for (UnixSocketFile waiting : pending) {
            waiting.released = true; // never accepted: its client sees the peer gone
            if (waiting.peer != null) {
                waiting.peer.peerDone = true;
                waiting.peer.wakeUp(-1);
            }
        }
        pending.clear();
        for (Chunk ch : rx) {
            if (ch.rights != null) {
                for (OpenFile f : ch.rights) {
                    if (--f.refs == 0) {
                        f.dropped();
                    }
                }
            }
            if (stream()) {
                ch.sender.drained(ch.remaining);
            }
        }
        rx.clear();
        rxBytes = 0;
        if (peer != null && stream()) {
            peer.peerDone = true;
            peer.wakeUp(-1);
        }
    }

    // ---------------------------------------------------------------- options and names

    @Override
    int setsockopt(int level, int name, long value) {
        if (level == Sys.SOL_SOCKET && name == Sys.SO_SNDBUF) {
            sndbuf = (int) Math.max(2048, Math.min(value, TcpSocketFile.BUFFER_MAX));
            return 0;
        }
        if (level == Sys.SOL_SOCKET && (name == Sys.SO_RCVBUF || name == Sys.SO_REUSEADDR)) {
            return 0; // a unix stream's receive side is bounded by the sender's buffer
        }
        return (int) err(Errno.ENOPROTOOPT);
    }

    @Override
    long getsockopt(int level, int name) {
        if (level == Sys.SOL_SOCKET && name == Sys.SO_SNDBUF) {
            return 2L * sndbuf;
        }
        if (level == Sys.SOL_SOCKET && name == Sys.SO_ERROR) {
            return 0;
        }
        return super.getsockopt(level, name);
    }

    @Override
    long sendSpace() {
        return stream() ? Math.max(0, sndbuf - inFlight) : Integer.MAX_VALUE;
    }

    @Override
    SockAddr localAddress() {
        return path == null ? SockAddr.unix("") : SockAddr.unix(path);
    }

    @Override
    SockAddr peerAddress() {
        return peer == null ? null : peer.localAddress();
    }
}
