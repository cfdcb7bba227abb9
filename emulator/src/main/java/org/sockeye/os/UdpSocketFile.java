package org.sockeye.os;

import org.sockeye.net.Host;
import org.sockeye.net.SocketException;
import org.sockeye.net.UdpSocket;
import org.sockeye.protocols.Errno;
import org.sockeye.protocols.Packet;

/**
 * An AF_INET SOCK_DGRAM socket over the host's UDP: bound on first use (bind, connect or the
 * first send picks an ephemeral port, as Linux autobinds), with a receive queue bounded by
 * SO_RCVBUF (default net.core.rmem_default, 212992 bytes of payload here; Linux counts each
 * datagram's truesize, somewhat more). Datagrams arriving to a full queue are dropped and
 * counted (Linux's UDP RcvbufErrors). A connected socket sends to its peer by default and takes
 * datagrams only from it.
 */
final class UdpSocketFile extends OpenFile implements UdpSocket.Receiver {
    static final int RMEM_DEFAULT = 212_992;

    private final Host host;
    private UdpSocket sock;
    private SockAddr peer;
    private int rcvbuf = RMEM_DEFAULT;
    private Packet[] queue = new Packet[16];
    private int head;
    private int size;
    private long queuedBytes;
    private long drops;

    UdpSocketFile(Kernel kernel) {
        super(kernel);
        this.host = kernel.host();
    }

    @Override
    int socketType() {
        return Sys.SOCK_DGRAM;
    }

    /** Datagrams dropped because the receive queue was full. */
    long drops() {
        return drops;
    }

    @Override
    int pollMask() {
        return (size > 0 ? Sys.POLLIN : 0) | Sys.POLLOUT;
    }

    @Override
    int bind(Process p, SockAddr a) {
        if (sock != null) {
            return (int) err(Errno.EINVAL);
        }
        if (a == null || a.family() != Sys.AF_INET) {
            return (int) err(Errno.EAFNOSUPPORT);
        }
        if (a.address() != 0 && !host.owns(a.address())) {
            return (int) err(Errno.EADDRNOTAVAIL);
        }
        return open(a.port());
    }

    private int open(int port) {
        try {
            sock = host.bindUdp(port, this);
            return 0;
        } catch (SocketException e) {
            return -e.errno().code;
        }
    }

    @Override
    long connect(Process p, Call c) {
        if (c.addr == null || c.addr.family() != Sys.AF_INET) {
            return err(Errno.EAFNOSUPPORT);
        }
        if (sock == null) {
            int r = open(0);
            if (r < 0) {
                return r;
            }
        }
        peer = c.addr;
        return 0;
    }

    @Override
    long send(Process p, Call c) {
        SockAddr to = c.msg != null && c.msg.name != null ? c.msg.name : peer;
        if (to == null) {
            return err(Errno.EDESTADDRREQ);
        }
        if (sock == null) {
            int r = open(0);
            if (r < 0) {
                return r;
            }
        }
        Errno e = sock.sendTo(to.address(), to.port(), c.length, c.msg != null ? c.msg.appSeq : 0);
        return e == null ? c.length : err(e);
    }

    @Override
    long recv(Process p, Call c) {
        if (size == 0) {
            return c.nonblocking() ? err(Errno.EAGAIN) : BLOCK;
        }
        Packet d = queue[head];
        queue[head] = null;
        head = (head + 1) & (queue.length - 1);
        size--;
        queuedBytes -= d.payloadLength;
        int n = Math.min(d.payloadLength, c.length);
        MsgHdr m = c.msg;
        if (m != null) {
            if (m.name == null || m.name.address() != d.srcAddr || m.name.port() != d.srcPort) {
                m.name = SockAddr.inet(d.srcAddr, d.srcPort); // a new sender: the same one reuses it
            }
            m.appSeq = d.appSeq;
            m.appTimestamp = d.appTimestamp;
            m.flags = n < d.payloadLength ? Sys.MSG_TRUNC : 0;
            m.rights = NO_RIGHTS;
        }
        // MSG_TRUNC asks for the datagram's real length even when it was cut (Linux udp_recvmsg).
        return (c.flags & Sys.MSG_TRUNC) != 0 ? d.payloadLength : n;
    }

    private static final int[] NO_RIGHTS = new int[0];

    @Override
    public void datagram(Packet p, long now) {
        if (peer != null && (p.srcAddr != peer.address() || p.srcPort != peer.port())) {
            return; // a connected UDP socket takes datagrams from its peer only
        }
        if (queuedBytes + p.payloadLength > rcvbuf) {
            drops++;
            return;
        }
        if (size == queue.length) {
            grow();
        }
        queue[(head + size) & (queue.length - 1)] = p;
        size++;
        queuedBytes += p.payloadLength;
        wakeUp(Sys.POLLIN);
    }

    private void grow() {
        Packet[] q = new Packet[queue.length * 2];
        for (int i = 0; i < size; i++) {
            q[i] = queue[(head + i) & (queue.length - 1)];
        }
        queue = q;
        head = 0;
    }

    @Override
    int setsockopt(int level, int name, long value) {
        if (level != Sys.SOL_SOCKET) {
            return (int) err(Errno.ENOPROTOOPT);
        }
        switch (name) {
            case Sys.SO_RCVBUF -> rcvbuf = (int) Math.max(1152, Math.min(value, TcpSocketFile.BUFFER_MAX));
            case Sys.SO_SNDBUF, Sys.SO_REUSEADDR -> { } // UDP sends are not buffered here
            default -> {
                return (int) err(Errno.ENOPROTOOPT);
            }
        }
        return 0;
    }

    @Override
    long getsockopt(int level, int name) {
        if (level == Sys.SOL_SOCKET && name == Sys.SO_RCVBUF) {
            return 2L * rcvbuf;
        }
        if (level == Sys.SOL_SOCKET && name == Sys.SO_ERROR) {
            return 0; // ICMP errors are not modelled
        }
        return super.getsockopt(level, name);
    }

    @Override
    SockAddr localAddress() {
        return SockAddr.inet(0, sock == null ? 0 : sock.port());
    }

    @Override
    SockAddr peerAddress() {
        return peer;
    }

    @Override
    long sendSpace() {
        return Integer.MAX_VALUE;
    }

    @Override
    void release() {
        if (sock != null) {
            sock.close();
            sock = null;
        }
    }
}
