package org.sockeye.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
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
import org.sockeye.sim.Time;

class TcpEndToEndTest {
    private static final long MBPS = 1_000_000L;

    @Test
    void bulkTransferFillsTheBottleneck() throws IOException {
        long duration = 10 * Time.S;
        ExperimentSpec spec = new TestSpecs().host("s", Map.of("sndbuf", "4194304")).host("d", Map.of("rcvbuf", "6291456")).router("r1", "r2")
                .link("s", "r1", 1000 * MBPS, Time.MS)
                .link(TestSpecs.link("bottleneck", "r1", "r2", 100 * MBPS, 10 * Time.MS,
                        LinkSpec.QueueSpec.packets(100), new LinkSpec.NoLoss()))
                .link("r2", "d", 1000 * MBPS, Time.MS)
                .app(new TcpBulkSpec("bulk", "s", 0, duration, new Endpoint("d", 5000), 0, 0, 1448))
                .app(new TcpSinkSpec("sink", "d", 0, duration, 5000, 128))
                .experiment("t", duration, 1, Map.of());
        long t0 = System.nanoTime();
        Simulation sim = new Simulation(spec, new TimeSeriesCsvWriter(new StringWriter()));
        sim.run(Simulation.Progress.NONE);
        double wall = (System.nanoTime() - t0) / 1e9;
        FlowStats f = sim.flows().all().get(0);
        double goodput = f.bytesReceived * 8.0 / 10;
        System.out.printf("goodput %.2f Mb/s, events %d, wall %.2f s, info %s%n", goodput / 1e6,
                sim.scheduler().executed(), wall, f.tcpSender.info());
        assertTrue(goodput > 90 * MBPS, "goodput " + goodput);
        assertEquals(1, sim.flows().all().size());
    }
}
