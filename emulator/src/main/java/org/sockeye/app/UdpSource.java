package org.sockeye.app;

import org.apache.commons.math3.random.RandomGenerator;
import org.sockeye.config.AppSpec;
import org.sockeye.config.PeriodSpec;
import org.sockeye.config.UdpCbrSpec;
import org.sockeye.config.UdpOnOffSpec;
import org.sockeye.net.Network;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.protocols.Errno;
import org.sockeye.protocols.Ipv4;
import org.sockeye.sim.Event;

/**
 * A UDP sender at a constant payload rate: always on ({@code udp-cbr}), or alternating on and off
 * periods ({@code udp-onoff}, like ns-3's OnOffApplication: silent while off, the pacing restarts
 * when the next on period begins).
 *
 * <p>Datagrams of {@code size} bytes leave every {@code size·8/rate} seconds; the interval is
 * kept exact over time with an integer remainder, so a 3 Mb/s source sends exactly 3 Mb/s whatever
 * the rounding of each gap. Each is one sendto(2) by the application's process; a process still in
 * its previous sendto when the next is due (a CPU-bound sender) makes the due ones back to back,
 * so a slow core caps the rate instead of queueing without end.
 */
public final class UdpSource extends Application {
    private final int size;
    private final long intervalWhole;
    private final long intervalRemainder;
    private final long rateBps;
    private final PeriodSpec on;
    private final PeriodSpec off;
    private final RandomGenerator periods;
    private final int dstAddr;
    private final int dstPort;
    private final int sourcePort;
    private final FlowTable flowTable;
    private final FlowStats flow;

    private final SockAddr destination;
    private final Resume onSent = this::sent;
    private Process process;
    private int fd;
    private int due;
    private long remainderAcc;
    private long seq;
    private boolean running;
    private boolean isOn;
    private Errno lastError;
    private long sendErrors;

    private final Event sendNext = new Event() {
        @Override
        public void run() {
            sendOne();
        }
    };
    private final Event toggle = new Event() {
        @Override
        public void run() {
            togglePeriod();
        }
    };

    public UdpSource(AppSpec spec, Network net, FlowTable flows) {
        super(spec, net.host(spec.node()));
        if (spec instanceof UdpCbrSpec c) {
            this.size = c.sizeBytes();
            this.rateBps = c.rateBps();
            this.on = null;
            this.off = null;
            this.sourcePort = c.sourcePort();
            this.dstAddr = net.host(c.to().node()).address();
            this.dstPort = c.to().port();
        } else if (spec instanceof UdpOnOffSpec o) {
            this.size = o.sizeBytes();
            this.rateBps = o.rateBps();
            this.on = o.on();
            this.off = o.off();
            this.sourcePort = o.sourcePort();
            this.dstAddr = net.host(o.to().node()).address();
            this.dstPort = o.to().port();
        } else {
            throw new IllegalArgumentException("not a UDP source: " + spec);
        }
        long bits = (long) size * 8 * 1_000_000_000_000L;
        this.intervalWhole = bits / rateBps;
        this.intervalRemainder = bits % rateBps;
        this.periods = on == null ? null : net.random().stream("onoff/" + spec.name());
        this.destination = SockAddr.inet(dstAddr, dstPort);
        this.flowTable = flows;
        this.flow = flows.register(spec.name(), "udp");
        flow.startPs = spec.startPs();
        flow.stopPs = spec.stopPs();
        flow.destination = Ipv4.format(dstAddr) + ":" + dstPort;
    }

    @Override
    protected void start() {
        process = spawn();
        fd = process.socket(Sys.AF_INET, Sys.SOCK_DGRAM);
        int bound = process.bind(fd, SockAddr.inet(0, sourcePort));
        if (bound < 0) {
            throw new IllegalStateException(name() + ": bind to UDP port " + sourcePort + ": " + Errno.describe(bound));
        }
        int port = process.getsockname(fd).port();
        int srcAddr = host.sourceFor(dstAddr) != 0 ? host.sourceFor(dstAddr) : host.address();
        flow.source = Ipv4.format(srcAddr) + ":" + port;
        flowTable.bindSource(flow, srcAddr, port);
        running = true;
        if (on == null) {
            isOn = true;
            sendOne();
        } else {
            togglePeriod();
        }
    }

    @Override
    protected void stop() {
        running = false;
        scheduler.cancel(sendNext);
        scheduler.cancel(toggle);
    }

    private void togglePeriod() {
        if (!running) {
            return;
        }
        isOn = !isOn;
        scheduler.scheduleIn(toggle, draw(isOn ? on : off));
        if (isOn) {
            remainderAcc = 0;
            sendOne();
        } else {
            scheduler.cancel(sendNext);
        }
    }

    private long draw(PeriodSpec p) {
        if (p.distribution() == PeriodSpec.Distribution.FIXED) {
            return p.meanPs();
        }
        // Inverse transform of the exponential distribution; 1 - u keeps log's argument in (0, 1].
        return Math.round(-Math.log(1 - periods.nextDouble()) * p.meanPs());
    }

    private void sendOne() {
        if (!running || !isOn) {
            return;
        }
        due++;
        if (!process.busy()) {
            sendDue();
        }
        long gap = intervalWhole;
        remainderAcc += intervalRemainder;
        if (remainderAcc >= rateBps) {
            remainderAcc -= rateBps;
            gap++;
        }
        scheduler.scheduleIn(sendNext, gap);
    }

    private void sendDue() {
        if (due > 0 && running) {
            due--;
            process.sendto(fd, size, 0, destination, seq, onSent);
        }
    }

    private void sent(long r) {
        if (r >= 0) {
            seq++;
            flow.packetsSent++;
            flow.bytesSent += size;
        } else {
            sendErrors++;
            lastError = Errno.of((int) -r);
        }
        sendDue();
    }

    /** Sends refused by the socket (EMSGSIZE, EHOSTUNREACH), and the last such error. */
    public long sendErrors() {
        return sendErrors;
    }

    public Errno lastError() {
        return lastError;
    }
}
