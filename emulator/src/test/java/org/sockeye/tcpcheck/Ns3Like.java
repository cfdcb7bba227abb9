package org.sockeye.tcpcheck;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockeye.app.FlowStats;
import org.sockeye.config.Endpoint;
import org.sockeye.config.LinkSpec;
import org.sockeye.config.TcpBulkSpec;
import org.sockeye.config.TcpSinkSpec;
import org.sockeye.net.TestSpecs;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.run.Simulation;
import org.sockeye.sim.Time;

/**
 * The ns-3 dumbbell of /work/shared/anchors/ns3 (README there). Beware: in that script
 * {@code Ipv4AddressHelper::Assign} installs ns-3's default root queue disc, FqCoDel, on the
 * bottleneck device (checked: {@code GetRootQueueDiscOnDevice} reports ns3::FqCoDelQueueDisc and all
 * its drops are CoDel "target exceeded" drops), so its published figures are not for a 100-packet
 * drop-tail queue. With {@code TrafficControlHelper::Uninstall} on the bottleneck (pure drop-tail, as
 * here) ns-3.37 gives, 2 flows, 60 s: 43.54 + 47.33 = 90.88 Mb/s; 16 flows: 96.73 Mb/s.
 */
class Ns3Like {
    @Test
    void run() throws Exception {
        int flows = Integer.getInteger("flows", 2);
        long duration = 60 * Time.S;
        Map<String, String> tcp = new LinkedHashMap<>();
        tcp.put("profile", "rfc");
        tcp.put("congestion-control", "newreno");
        tcp.put("mss", "1448");
        tcp.put("initial-window", "10");
        tcp.put("delayed-ack", "200ms");
        tcp.put("min-rto", "1s");
        tcp.put("window-scaling", "on");
        tcp.put("sndbuf", "4194304");
        tcp.put("rcvbuf", "4194304");
        tcp.put("recovery", "prr");
        tcp.put("loss-reduction", "in-network"); // ns-3 3.37 default TcpPrrRecovery (RFC 6937, SSRB)
        TestSpecs t = new TestSpecs().router("r1", "r2");
        for (int i = 0; i < flows; i++) {
            t.host("s" + i, tcp).host("d" + i, tcp);
            t.link(new LinkSpec("as" + i, "s" + i, "r1", java.util.Optional.empty(), java.util.Optional.empty(),
                    1_000_000_000L, Time.MS, 1500, LinkSpec.Framing.PPP, LinkSpec.QueueSpec.packets(100),
                    new LinkSpec.NoLoss(), 0, LinkSpec.ReorderSpec.NONE));
            t.link(new LinkSpec("ad" + i, "r2", "d" + i, java.util.Optional.empty(), java.util.Optional.empty(),
                    1_000_000_000L, Time.MS, 1500, LinkSpec.Framing.PPP, LinkSpec.QueueSpec.packets(100),
                    new LinkSpec.NoLoss(), 0, LinkSpec.ReorderSpec.NONE));
            t.app(new TcpBulkSpec("flow" + i, "s" + i, 0, duration, new Endpoint("d" + i, 5000), 0, 0, 1448));
            t.app(new TcpSinkSpec("sink" + i, "d" + i, 0, duration, 5000, 128));
        }
        t.link(new LinkSpec("bottleneck", "r1", "r2", java.util.Optional.empty(), java.util.Optional.empty(),
                100_000_000L, 10 * Time.MS, 1500, LinkSpec.Framing.PPP, LinkSpec.QueueSpec.packets(100),
                new LinkSpec.NoLoss(), 0, LinkSpec.ReorderSpec.NONE));
        var spec = t.experiment("ns3", duration, 1, Map.of());
        long t0 = System.nanoTime();
        Simulation sim = new Simulation(spec, new TimeSeriesCsvWriter(new StringWriter()));
        CutDetector cuts = new CutDetector();
        for (long at = Time.MS; at < duration; at += Time.MS) {
            long when = at;
            sim.scheduler().schedule(at, () -> {
                var sender = sim.flows().all().get(0).tcpSender;
                if (sender != null && sender.state() != org.sockeye.protocols.tcp.TcpState.SYN_SENT) {
                    cuts.sample(when / 1e12, sender.cwnd());
                }
            });
        }
        StringBuilder trace = new StringBuilder();
        if (Boolean.getBoolean("trace")) {
            for (long at = 100 * Time.MS; at < duration; at += 100 * Time.MS) {
                long when = at;
                sim.scheduler().schedule(at, () -> {
                    trace.append(String.format("%.1f", when / 1e12));
                    for (FlowStats f : sim.flows().all()) {
                        if (f.tcpSender != null) {
                            var i = f.tcpSender.info();
                            trace.append(String.format(" | %s %d/%d rtx %d to %d una %d", i.caState(),
                                    i.sndCwndSegments(), Math.min(i.sndSsthreshBytes(), 99999999) / 1448,
                                    i.totalRetrans(), i.timeouts(), i.unackedSegments()));
                        }
                    }
                    trace.append('\n');
                });
            }
        }
        sim.run(Simulation.Progress.NONE);
        System.out.print(trace);
        double wall = (System.nanoTime() - t0) / 1e9;
        long total = 0;
        for (FlowStats f : sim.flows().all()) {
            total += f.bytesReceived;
            System.out.printf("%s %.2f Mb/s retrans %d%n", f.name, f.bytesReceived * 8.0 / 60 / 1e6,
                    f.tcpSender.info().totalRetrans());
        }
        System.out.printf("total %.2f Mb/s, segments %d, wall %.2f s, segs/s %.0f, events %d (%.0f/s)%n",
                total * 8.0 / 60 / 1e6, total / 1448, wall, total / 1448 / wall, sim.scheduler().executed(),
                sim.scheduler().executed() / wall);
        System.out.println("flow 0 (1 ms samples): " + cuts);
        // ns-3 3.37's trace (time_s,flow,cwnd_bytes); -Dns3trace=... selects another run of dumbbell.cc.
        java.nio.file.Path ns3 = java.nio.file.Path.of(
                System.getProperty("ns3trace", "/work/briefs/ns3-cwnd-flow0-2flows-full.csv"));
        if (java.nio.file.Files.exists(ns3)) {
            CutDetector ref = new CutDetector();
            for (String line : java.nio.file.Files.readAllLines(ns3)) {
                String[] f = line.split(",");
                if (f.length == 3 && !f[0].startsWith("time")) {
                    ref.sample(Double.parseDouble(f[0]), Long.parseLong(f[2]));
                }
            }
            System.out.println("ns-3 flow 0 (its trace):  " + ref);
        }
    }

    /**
     * Loss events: cwnd falls below 3/4 of its peak since the previous event. A reduction spread
     * over a round trip (PRR) is one event: drops within 200 ms of an event belong to it.
     */
    static final class CutDetector {
        private long peak;
        private double lastCut = -1;
        private final StringBuilder times = new StringBuilder();
        private final StringBuilder peaks = new StringBuilder();
        private int count;
        private long first = -1;
        private long max;

        void sample(double t, long cwnd) {
            if (first < 0) {
                first = cwnd;
            }
            max = Math.max(max, cwnd);
            if (cwnd > peak) {
                peak = cwnd;
            } else if (cwnd < peak * 3 / 4) {
                if (lastCut < 0 || t - lastCut > 0.2) {
                    count++;
                    times.append(String.format(" %.3f", t));
                    peaks.append(' ').append(peak / 1000);
                }
                lastCut = t;
                peak = cwnd;
            }
        }

        @Override
        public String toString() {
            return String.format("start %d B, max %d B, %d cuts at%s s; peaks before them (kB)%s", first, max, count,
                    times, peaks);
        }
    }
}
