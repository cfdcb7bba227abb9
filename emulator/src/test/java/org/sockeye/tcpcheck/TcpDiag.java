package org.sockeye.tcpcheck;

import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockeye.app.FlowStats;
import org.sockeye.config.Endpoint;
import org.sockeye.config.ExperimentSpec;
import org.sockeye.config.LinkSpec;
import org.sockeye.config.TcpBulkSpec;
import org.sockeye.config.TcpSinkSpec;
import org.sockeye.net.TestSpecs;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.run.Simulation;
import org.sockeye.sim.Time;

class TcpDiag {
    @Test
    void diag() throws Exception {
        for (String cc : new String[] {"newreno", "cubic"}) {
            for (String sack : new String[] {"off", "on"}) {
                long duration = 20 * Time.S;
                Map<String, String> tcp = Map.of("sndbuf", "4194304", "rcvbuf", "4194304", "congestion-control", cc,
                        "sack", sack);
                ExperimentSpec spec = new TestSpecs().host("s", tcp).host("d", tcp).router("r1", "r2")
                        .link("s", "r1", 1000_000_000L, Time.MS)
                        .link(TestSpecs.link("bottleneck", "r1", "r2", 100_000_000L, 10 * Time.MS,
                                LinkSpec.QueueSpec.packets(100), new LinkSpec.NoLoss()))
                        .link("r2", "d", 1000_000_000L, Time.MS)
                        .app(new TcpBulkSpec("bulk", "s", 0, duration, new Endpoint("d", 5000), 0, 0, 1448))
                        .app(new TcpSinkSpec("sink", "d", 0, duration, 5000, 128))
                        .experiment("t", duration, 1, Map.of());
                Simulation sim = new Simulation(spec, new TimeSeriesCsvWriter(new StringWriter()));
                StringBuilder trace = new StringBuilder();
                FlowStats[] f = new FlowStats[1];
                for (int i = 1; i <= 40; i++) {
                    long t = i * 500 * Time.MS;
                    sim.scheduler().schedule(t - 1, () -> {
                        var info = sim.flows().all().get(0).tcpSender.info();
                        trace.append(String.format(" %.1f:%d/%d/%d", t / 1e12, info.sndCwndBytes() / 1448,
                                Math.min(info.sndSsthreshBytes(), 99999999) / 1448, info.totalRetrans()));
                    });
                }
                sim.run(Simulation.Progress.NONE);
                FlowStats fl = sim.flows().all().get(0);
                long allDrops = 0;
                for (var l : sim.network().links()) {
                    allDrops += l.aToB().stats().drops() + l.bToA().stats().drops();
                }
                System.out.printf("drops on all links %d, timeouts %d%n", allDrops, fl.tcpSender.timeouts());
                System.out.printf("%s sack=%s goodput %.2f Mb/s drops %d %s%n  %s%n", cc, sack, fl.bytesReceived * 8.0 / 20 / 1e6,
                        sim.network().link("bottleneck").aToB().stats().drops(), fl.tcpSender.info(), trace);
            }
        }
    }
}
