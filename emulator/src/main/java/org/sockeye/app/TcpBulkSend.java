package org.sockeye.app;

import org.sockeye.config.TcpBulkSpec;
import org.sockeye.net.Network;
import org.sockeye.net.TcpSocket;
import org.sockeye.os.PollFd;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.protocols.Errno;
import org.sockeye.protocols.Ipv4;

/**
 * Bulk TCP sender: connects, then keeps the send buffer full — blocking write(2)s of
 * {@code writeSize} bytes, one after another — until {@code bytes} have been written (0: no end),
 * then closes. Like iperf's client or ns-3's BulkSendApplication.
 *
 * <p>The connect is non-blocking so that tracing attaches while the SYN is in flight; poll(2)
 * then waits for the connection, and writing starts once it is established.
 */
public final class TcpBulkSend extends Application {
    private final TcpBulkSpec spec;
    private final int dstAddr;
    private final FlowTable flows;
    private final FlowStats flow;
    private final Resume onWritten = this::wrote;
    private final Resume onConnected = this::established;
    private final PollFd[] connected = {new PollFd(-1, Sys.POLLOUT)};
    private Process process;
    private int fd;
    private TcpSocket socket;
    private java.util.function.Consumer<TcpSocket> onConnect = s -> { };
    private long written;
    private boolean closed;

    public TcpBulkSend(TcpBulkSpec spec, Network net, FlowTable flows) {
        super(spec, net.host(spec.node()));
        this.spec = spec;
        this.dstAddr = net.host(spec.to().node()).address();
        this.flows = flows;
        this.flow = flows.register(spec.name(), "tcp");
        flow.startPs = spec.startPs();
        flow.stopPs = spec.stopPs();
        flow.destination = Ipv4.format(dstAddr) + ":" + spec.to().port();
    }

    @Override
    protected void start() {
        process = spawn();
        fd = process.socket(Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK);
        if (spec.sourcePort() != 0) {
            int r = process.bind(fd, SockAddr.inet(0, spec.sourcePort()));
            if (r < 0) {
                throw new IllegalStateException(name() + ": bind to port " + spec.sourcePort() + ": "
                        + Errno.describe(r));
            }
        }
        process.connect(fd, SockAddr.inet(dstAddr, spec.to().port()), this::connecting);
    }

    /** Called with the socket right after the SYN is sent (tracing attaches here). */
    public void onConnect(java.util.function.Consumer<TcpSocket> c) {
        this.onConnect = c;
    }

    private void connecting(long r) {
        if (r != -Errno.EINPROGRESS.code && r != 0) {
            closed = true;
            return;
        }
        socket = process.tcpConnection(fd);
        flow.source = Ipv4.format(socket.id().localAddr()) + ":" + socket.id().localPort();
        flow.tcpSender = socket.connection();
        flows.bindSource(flow, socket.id().localAddr(), socket.id().localPort());
        onConnect.accept(socket);
        connected[0].fd = fd;
        process.poll(connected, 1, Sys.FOREVER, onConnected);
    }

    private void established(long r) {
        if (process.getsockopt(fd, Sys.SOL_SOCKET, Sys.SO_ERROR) != 0) {
            closed = true; // refused or timed out
            return;
        }
        process.fcntl(fd, Sys.F_SETFL, 0); // blocking from here on
        writeMore();
    }

    private void writeMore() {
        if (closed) {
            return;
        }
        long want = spec.bytes() == 0 ? spec.writeSize() : Math.min(spec.writeSize(), spec.bytes() - written);
        if (want <= 0) {
            process.close(fd);
            closed = true;
            return;
        }
        process.write(fd, (int) want, onWritten);
    }

    private void wrote(long n) {
        if (n <= 0) {
            closed = true; // reset or timed out: the connection is over
            return;
        }
        written += n;
        flow.bytesSent += n;
        writeMore();
    }

    @Override
    protected void stop() {
        if (process != null && !closed) {
            closed = true;
            process.exit();
        }
    }
}
