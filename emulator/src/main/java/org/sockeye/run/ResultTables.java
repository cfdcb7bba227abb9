package org.sockeye.run;

import java.util.List;
import org.sockeye.app.AppStats;
import org.sockeye.app.FlowStats;
import org.sockeye.net.Channel;
import org.sockeye.net.Host;
import org.sockeye.net.Machine;
import org.sockeye.net.Node;
import org.sockeye.net.Link;
import org.sockeye.net.Network;
import org.sockeye.os.Kernel;
import org.sockeye.reports.Table;
import org.sockeye.sim.Time;

/** Turns a finished simulation's counters into the tables of flows.csv, links.csv, hosts.csv and apps.csv. */
public final class ResultTables {
    private ResultTables() {
    }

    public static Table flows(List<FlowStats> flows, long durationPs) {
        Table t = new Table("flow", "application", "protocol", "source", "destination", "start_s", "end_s",
                "bytes", "packets", "throughput_bps", "sent_packets", "lost_packets", "loss_rate",
                "delay_mean_s", "delay_min_s", "delay_max_s", "jitter_s", "retransmissions", "timeouts");
        for (FlowStats f : flows) {
            long start = f.startPs;
            long end = f.stopPs == 0 ? durationPs : Math.min(f.stopPs, durationPs);
            double seconds = Time.toSeconds(end - start);
            boolean anyDelay = f.packetsReceived > 0;
            t.addRow(f.name, f.name, f.protocol, f.source, f.destination, Time.toSeconds(start),
                    Time.toSeconds(end), f.bytesReceived, f.packetsReceived,
                    seconds > 0 ? f.bytesReceived * 8 / seconds : 0.0, f.packetsSent, f.lost(), f.lossRate(),
                    anyDelay ? f.meanDelayPs() / Time.S : Double.NaN,
                    anyDelay ? Time.toSeconds(f.delayMinPs) : Double.NaN,
                    anyDelay ? Time.toSeconds(f.delayMaxPs) : Double.NaN,
                    anyDelay ? f.jitterPs / Time.S : Double.NaN, f.retransmissions, f.timeouts);
        }
        return t;
    }

    public static Table links(Network net, long durationPs) {
        Table t = new Table("link", "direction", "from", "to", "rate_bps", "delay_s", "packets_sent",
                "bytes_sent", "drops", "drop_bytes", "queue_drops", "loss_drops", "queue_max_packets",
                "queue_mean_packets", "queue_max_bytes", "utilisation");
        for (Link l : net.links()) {
            for (Channel c : List.of(l.aToB(), l.bToA())) {
                var s = c.stats();
                double capacityBits = c.rateBps() * Time.toSeconds(durationPs);
                t.addRow(l.name(), c.from().node().name() + "->" + c.to().node().name(),
                        c.from().node().name(), c.to().node().name(), c.rateBps(), Time.toSeconds(c.delayPs()),
                        s.packetsSent, s.bytesSent, s.drops(), s.dropBytes(), s.queueDrops, s.lossDrops,
                        c.queue().maxPackets(), c.queue().meanPackets(durationPs), c.queue().maxBytes(),
                        capacityBits > 0 ? s.bytesSent * 8 / capacityBits : 0.0);
            }
        }
        return t;
    }

    /**
     * One row per host: its cores, CPU utilisation (busy time over cores x duration), softirq
     * time, interrupts, receive-ring drops, packets its stack sent and received, system calls,
     * context switches and listen drops (SYNs and ACKs its listeners' full queues dropped). Hosts not
     * modelled as machines report one core and zero CPU.
     */
    public static Table hosts(Network net, long durationPs) {
        Table t = new Table("host", "cores", "cpu_utilisation", "softirq_s", "interrupts", "rx_ring_drops",
                "packets_tx", "packets_rx", "syscalls", "context_switches", "listen_drops");
        for (Node n : net.nodes()) {
            if (n instanceof Host h) {
                Machine m = h.machine();
                Kernel k = Kernel.of(h);
                t.addRow(h.name(), m == null ? 1 : m.cpu().cores(), m == null ? 0.0 : m.utilisation(durationPs),
                        m == null ? 0.0 : Time.toSeconds(m.softirqPs()), m == null ? 0 : m.interrupts(),
                        m == null ? 0 : m.rxRingDrops(), h.packetsSent(), h.packetsReceived(), k.syscalls(),
                        k.contextSwitches(), h.tcp().listenDrops());
            }
        }
        return t;
    }

    /**
     * One row per application that measures operations: count and rate, bytes, connections
     * opened, errors (total, and by errno), and latency mean, percentiles (nearest rank) and maximum.
     */
    public static Table apps(List<AppStats> apps, long durationPs) {
        Table t = new Table("application", "type", "node", "operations", "ops_per_s", "bytes", "connections",
                "errors", "error_detail", "latency_mean_s", "latency_p50_s", "latency_p90_s", "latency_p99_s",
                "latency_p999_s", "latency_max_s");
        for (AppStats a : apps) {
            boolean any = a.operations() > 0;
            t.addRow(a.name, a.type, a.node, a.operations(), a.operationsPerSecond(durationPs), a.bytes(),
                    a.connections(), a.errors(), a.errorDetail(), any ? a.meanLatencyPs() / Time.S : Double.NaN,
                    seconds(a, 0.5), seconds(a, 0.9), seconds(a, 0.99), seconds(a, 0.999), seconds(a, 1.0));
        }
        return t;
    }

    private static double seconds(AppStats a, double q) {
        long ps = a.latencyPercentilePs(q);
        return ps < 0 ? Double.NaN : Time.toSeconds(ps);
    }
}
