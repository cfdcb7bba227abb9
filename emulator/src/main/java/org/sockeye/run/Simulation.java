package org.sockeye.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sockeye.app.AppStats;
import org.sockeye.app.Application;
import org.sockeye.app.Applications;
import org.sockeye.app.FlowStats;
import org.sockeye.app.FlowTable;
import org.sockeye.app.TcpBulkSend;
import org.sockeye.config.AppSpec;
import org.sockeye.config.ExperimentSpec;
import org.sockeye.config.RecordSpec;
import org.sockeye.net.Channel;
import org.sockeye.net.Host;
import org.sockeye.net.Machine;
import org.sockeye.net.Node;
import org.sockeye.net.Link;
import org.sockeye.net.Network;
import org.sockeye.net.NetworkBuilder;
import org.sockeye.protocols.tcp.TcpInfo;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;

/**
 * One experiment, built and ready to run: the network, its applications and the recorder,
 * all on one scheduler. Knows nothing of files beyond the time-series sink it is given.
 */
public final class Simulation {
    /** Events run between two progress reports (and wall-clock checks). */
    private static final long CHUNK_EVENTS = 1L << 20;

    private final ExperimentSpec spec;
    private final Scheduler scheduler = new Scheduler();
    private final Network network;
    private final FlowTable flows = new FlowTable();
    private final List<Application> applications = new ArrayList<>();
    private final Applications appResults = new Applications();
    private final Recorder recorder;

    /** Reports simulated progress while a run goes on. */
    @FunctionalInterface
    public interface Progress {
        void update(long simulatedPs, long totalPs, long events);

        Progress NONE = (s, t, e) -> { };
    }

    public Simulation(ExperimentSpec spec, TimeSeriesCsvWriter series) {
        this.spec = spec;
        this.network = NetworkBuilder.build(spec.nodes(), spec.links(), scheduler, new RandomStreams(spec.seed()));
        Applications.Context ctx = new Applications.Context(network, flows, appResults);
        for (AppSpec a : spec.applications()) {
            applications.add(Applications.create(a, ctx));
        }
        this.recorder = new Recorder(scheduler, spec.record().intervalPs(), spec.durationPs(), series);
        addProbes(spec.record());
        addTcpTracers(spec.record(), series);
        for (AppStats a : appResults.stats()) {
            if (spec.record().wants("latency", a.application)) {
                a.recordLatencies(series);
            }
        }
    }

    private void addProbes(RecordSpec record) {
        for (Link link : network.links()) {
            for (Channel c : List.of(link.aToB(), link.bToA())) {
                String subject = c.name();
                if (record.wants("queue", link.name())) {
                    recorder.add(Probe.level("queue", subject, () -> c.queuedPackets()));
                }
                if (record.wants("queue-bytes", link.name())) {
                    recorder.add(Probe.level("queue-bytes", subject, () -> c.queuedBytes()));
                }
                if (record.wants("throughput", link.name())) {
                    recorder.add(Probe.bitRate("throughput", subject, () -> c.stats().bytesSent));
                }
                if (record.wants("drops", link.name())) {
                    recorder.add(Probe.level("drops", subject, () -> c.stats().drops()));
                }
            }
        }
        addHostProbes(record);
        flows.all().forEach(f -> {
            if (record.wants("goodput", f.name)) {
                recorder.add(Probe.bitRate("goodput", f.name, () -> f.bytesReceived));
            }
            if (!f.protocol.equals("tcp")) {
                return;
            }
            // Sampled TCP state; cwnd and ssthresh are traced on every change instead (TcpTracer).
            sampleTcp(record, f, "srtt", i -> i.rttUs() / 1e6);
            sampleTcp(record, f, "rto", i -> i.rtoUs() / 1e6);
            sampleTcp(record, f, "inflight", i -> i.unackedBytes());
            sampleTcp(record, f, "rwnd", i -> i.sndWnd());
            sampleTcp(record, f, "retransmits", i -> i.totalRetrans());
        });
    }

    private void addHostProbes(RecordSpec record) {
        for (Node n : network.nodes()) {
            if (!(n instanceof Host h)) {
                continue;
            }
            Machine m = h.machine();
            if (record.wants("cpu", h.name())) {
                recorder.add(m == null ? Probe.level("cpu", h.name(), () -> 0)
                        : Probe.utilisation("cpu", h.name(), m.cpu().cores(), m::busyPs));
            }
            if (record.wants("interrupts", h.name())) {
                recorder.add(Probe.level("interrupts", h.name(), () -> m == null ? 0 : m.interrupts()));
            }
            if (record.wants("softirq", h.name())) {
                recorder.add(m == null ? Probe.level("softirq", h.name(), () -> 0)
                        : Probe.utilisation("softirq", h.name(), m.cpu().cores(), now -> m.softirqPs()));
            }
            if (record.wants("context-switches", h.name())) {
                org.sockeye.os.Kernel k = org.sockeye.os.Kernel.of(h);
                recorder.add(Probe.level("context-switches", h.name(), k::contextSwitches));
            }
        }
    }

    private void sampleTcp(RecordSpec record, FlowStats f, String series,
            java.util.function.ToDoubleFunction<TcpInfo> read) {
        if (!record.wants(series, f.name)) {
            return;
        }
        recorder.add(Probe.of(series, f.name,
                (now, interval) -> f.tcpSender == null ? Double.NaN : read.applyAsDouble(f.tcpSender.info())));
    }

    private void addTcpTracers(RecordSpec record, TimeSeriesCsvWriter series) {
        for (Application a : applications) {
            if (a instanceof TcpBulkSend bulk) {
                String name = bulk.name();
                boolean cwnd = record.wants("cwnd", name);
                boolean ssthresh = record.wants("ssthresh", name) || cwnd;
                boolean rtx = record.wants("retransmit", name) || cwnd;
                boolean seq = record.wants("sequence", name);
                if (cwnd || ssthresh || rtx || seq) {
                    TcpTracer t = new TcpTracer(name, series, cwnd, ssthresh, rtx, seq);
                    bulk.onConnect(t::attach);
                }
            }
        }
    }

    public Network network() {
        return network;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public FlowTable flows() {
        return flows;
    }

    /** What the applications that measure operations measured (apps.csv). */
    public List<AppStats> appStats() {
        return appResults.stats();
    }

    public List<Application> applications() {
        return Collections.unmodifiableList(applications);
    }

    /** Runs to the experiment's duration (or an empty queue), reporting progress between chunks. */
    public Scheduler.StopReason run(Progress progress) {
        for (Application a : applications) {
            a.install();
        }
        spec.nodes().stream().filter(n -> n.downPs() != org.sockeye.config.NodeSpec.NEVER).forEach(n ->
                scheduler.schedule(n.downPs(), () -> network.node(n.name()).setDown(true))); // down: a crash
        recorder.start();
        long end = spec.durationPs();
        Scheduler.StopReason reason;
        do {
            reason = scheduler.run(end, CHUNK_EVENTS);
            progress.update(scheduler.now(), end, scheduler.executed());
        } while (reason == Scheduler.StopReason.EVENT_BUDGET);
        for (FlowStats f : flows.all()) {
            if (f.tcpSender != null) {
                TcpInfo info = f.tcpSender.info();
                f.retransmissions = info.totalRetrans();
                f.timeouts = info.timeouts();
            }
        }
        return reason;
    }
}
