package org.sockeye.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.sockeye.protocols.tcp.TcpState;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.sim.Time;

/** TCP through the emulator: the engine driven by real links, queues and timers. */
class TcpEndToEndTest {
    private static final long MBPS = 1_000_000L;

    private static Simulation run(long bytes, long duration, Map<String, String> tcp) throws IOException {
        ExperimentSpec spec = new TestSpecs().host("s", tcp).host("d", tcp).router("r1", "r2")
                .link("s", "r1", 1000 * MBPS, Time.MS)
                .link(TestSpecs.link("bottleneck", "r1", "r2", 100 * MBPS, 10 * Time.MS,
                        LinkSpec.QueueSpec.packets(100), new LinkSpec.NoLoss()))
                .link("r2", "d", 1000 * MBPS, Time.MS)
                .app(new TcpBulkSpec("bulk", "s", 0, duration, new Endpoint("d", 5000), 0, bytes, 65536))
                .app(new TcpSinkSpec("sink", "d", 0, duration, 5000, 128))
                .experiment("t", duration, 1, Map.of());
        Simulation sim = new Simulation(spec, new TimeSeriesCsvWriter(new StringWriter()));
        sim.run(Simulation.Progress.NONE);
        return sim;
    }

    @Test
    void finiteTransferDeliversEveryByteAndBothSidesClose() throws IOException {
        Simulation sim = run(5_000_000, 5 * Time.S, Map.of("sndbuf", "1048576", "rcvbuf", "1048576"));
        FlowStats f = sim.flows().all().get(0);
        assertEquals(5_000_000, f.bytesReceived);
        // The sender closed after its last write and the sink closed on the FIN: the active closer
        // waits in TIME_WAIT (60 s in the Linux profile, beyond this run).
        assertEquals(TcpState.TIME_WAIT, f.tcpSender.state());
    }

    @Test
    void bulkTransferWithLinuxDefaultsAndLargeBuffersFillsMostOfTheBottleneck() throws IOException {
        Simulation sim = run(0, 10 * Time.S, Map.of("sndbuf", "4194304", "rcvbuf", "6291456"));
        FlowStats f = sim.flows().all().get(0);
        double goodput = f.bytesReceived * 8.0 / 10;
        // Payload share of the wire: 1448 of 1448 + 12 (timestamps) + 20 + 20 + 18 Ethernet bytes = 96 %.
        assertTrue(goodput > 80 * MBPS, "goodput " + goodput);
        assertTrue(goodput < 96 * MBPS, "cannot exceed the payload share of 100 Mb/s: " + goodput);
    }

    @Test
    void defaultSendBufferLimitsThroughputToBufferOverRtt() throws IOException {
        // Linux's initial tcp_wmem (16 KiB, no autotuning modelled) caps the window: about 16 KiB per
        // 24.3 ms round trip = 5.4 Mb/s, far below the 100 Mb/s bottleneck.
        Simulation sim = run(0, 10 * Time.S, Map.of());
        double goodput = sim.flows().all().get(0).bytesReceived * 8.0 / 10;
        assertEquals(16384 * 8 / 0.0243, goodput, 0.1 * goodput);
    }
}
