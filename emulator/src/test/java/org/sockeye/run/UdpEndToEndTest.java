package org.sockeye.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.app.FlowStats;
import org.sockeye.config.Endpoint;
import org.sockeye.config.ExperimentSpec;
import org.sockeye.config.LinkSpec;
import org.sockeye.config.PeriodSpec;
import org.sockeye.config.UdpCbrSpec;
import org.sockeye.config.UdpOnOffSpec;
import org.sockeye.config.UdpSinkSpec;
import org.sockeye.net.ChannelStats;
import org.sockeye.net.TestSpecs;
import org.sockeye.reports.TimeSeriesCsvWriter;
import org.sockeye.sim.Time;

class UdpEndToEndTest {
    private static final long MBPS = 1_000_000L;
    private static final long DURATION = 10 * Time.S;

    /** a -- r ==bottleneck== b, a CBR source a -> b:5000 of {@code rate}, 1000 B datagrams. */
    private static ExperimentSpec bottleneck(long cbrRate, LinkSpec.LossSpec loss, long seed) {
        return new TestSpecs().host("a", "b").router("r")
                .link("a", "r", 1000 * MBPS, Time.MS)
                .link(TestSpecs.link("bottleneck", "r", "b", 10 * MBPS, 5 * Time.MS,
                        LinkSpec.QueueSpec.packets(50), loss))
                .app(new UdpCbrSpec("cbr", "a", 0, DURATION, new Endpoint("b", 5000), 0, cbrRate, 1000))
                .app(new UdpSinkSpec("sink", "b", 0, DURATION, 5000))
                .experiment("t", DURATION, seed, Map.of("queue", List.of(), "throughput", List.of(),
                        "goodput", List.of()));
    }

    private static Simulation run(ExperimentSpec spec) throws IOException {
        Simulation sim = new Simulation(spec, new TimeSeriesCsvWriter(new StringWriter()));
        sim.run(Simulation.Progress.NONE);
        return sim;
    }

    @Test
    void cbrBelowTheBottleneckIsDeliveredAtItsRate() throws IOException {
        Simulation sim = run(bottleneck(5 * MBPS, new LinkSpec.NoLoss(), 1));
        FlowStats f = sim.flows().all().get(0);
        // 5 Mb/s of 1000 B payloads = 625 datagrams/s, one every 1.6 ms: 6250 in 10 s, all but
        // those still in flight at the end (less than one-way delay ≈ 6.8 ms / 1.6 ms) arrive.
        assertEquals(6250, f.packetsSent);
        assertTrue(f.packetsSent - f.packetsReceived <= 5, "in flight at the end: " + (f.packetsSent - f.packetsReceived));
        assertEquals(0, sim.network().link("bottleneck").aToB().stats().drops());
        double goodput = f.bytesReceived * 8.0 / 10;
        assertEquals(5 * MBPS, goodput, 0.005 * 5 * MBPS);
    }

    @Test
    void cbrAboveTheBottleneckSaturatesItAndTheExcessIsDropped() throws IOException {
        Simulation sim = run(bottleneck(15 * MBPS, new LinkSpec.NoLoss(), 1));
        FlowStats f = sim.flows().all().get(0);
        ChannelStats st = sim.network().link("bottleneck").aToB().stats();
        // The bottleneck carries 10 Mb/s of wire bytes: 1046 B frames for 1000 B payloads.
        double wireRate = st.bytesSent * 8.0 / 10;
        assertEquals(10 * MBPS, wireRate, 0.01 * 10 * MBPS);
        double goodput = f.bytesReceived * 8.0 / 10;
        assertEquals(10 * MBPS * 1000.0 / 1046, goodput, 0.01 * 10 * MBPS);
        // Every datagram is either delivered, dropped at the bottleneck queue, or still in the network.
        // At most: 50 queued, 1 on the wire, 6 propagating (5 ms / 0.837 ms), 2 on the access link.
        long inNetwork = f.packetsSent - f.packetsReceived - st.queueDrops;
        assertTrue(inNetwork >= 50 && inNetwork <= 59, "in network at the end: " + inNetwork);
        // The excess, 15 - 9.56 Mb/s of payload, is dropped.
        double expectedDrops = f.packetsSent * (1 - (10.0 * 1000 / 1046) / 15);
        assertEquals(expectedDrops, st.queueDrops, 0.01 * f.packetsSent);
    }

    @Test
    void bernoulliLossFallsWithinItsBinomialConfidenceInterval() throws IOException {
        double p = 0.05;
        Simulation sim = run(bottleneck(5 * MBPS, new LinkSpec.BernoulliLoss(p), 7));
        ChannelStats st = sim.network().link("bottleneck").aToB().stats();
        long n = st.packetsSent;
        double sd = Math.sqrt(n * p * (1 - p));
        // 99.9 % two-sided interval: ±3.29 standard deviations.
        assertEquals(n * p, st.lossDrops, 3.29 * sd, "losses " + st.lossDrops + " of " + n);
        FlowStats f = sim.flows().all().get(0);
        assertEquals(st.lossDrops, f.lost(), 1.0, "the sink sees the link's losses (± the last one)");
    }

    @Test
    void gilbertElliottLossMatchesItsStationaryRateAndIsBursty() throws IOException {
        var ge = new LinkSpec.GilbertElliottLoss(0.01, 0.25, 0.0, 0.8);
        Simulation sim = run(bottleneck(5 * MBPS, ge, 3));
        ChannelStats st = sim.network().link("bottleneck").aToB().stats();
        double mean = 0.01 / (0.01 + 0.25) * 0.8;
        double rate = (double) st.lossDrops / st.packetsSent;
        assertEquals(mean, rate, 0.35 * mean, "loss rate " + rate);
        assertTrue(st.lossDrops > 0);
    }

    @Test
    void onOffSourceSendsOnlyDuringOnPeriods() throws IOException {
        PeriodSpec fixed100 = new PeriodSpec(PeriodSpec.Distribution.FIXED, 100 * Time.MS);
        ExperimentSpec spec = new TestSpecs().host("a", "b").link("a", "b", 100 * MBPS, Time.MS)
                .app(new UdpOnOffSpec("onoff", "a", 0, DURATION, new Endpoint("b", 1), 0, 8 * MBPS, 1000,
                        fixed100, fixed100))
                .app(new UdpSinkSpec("sink", "b", 0, DURATION, 1))
                .experiment("t", DURATION, 1, Map.of());
        FlowStats f = run(spec).flows().all().get(0);
        // On half the time at 8 Mb/s = 1000 datagrams/s on: 5000 in 10 s.
        assertEquals(5000, f.packetsSent, 5);
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDiffers(@TempDir Path tmp) throws IOException {
        ExperimentSpec lossy = bottleneck(12 * MBPS, new LinkSpec.BernoulliLoss(0.02), 11);
        ExperimentRunner.run(lossy, tmp.resolve("one"), Simulation.Progress.NONE);
        ExperimentRunner.run(lossy, tmp.resolve("two"), Simulation.Progress.NONE);
        ExperimentRunner.run(bottleneck(12 * MBPS, new LinkSpec.BernoulliLoss(0.02), 12), tmp.resolve("three"),
                Simulation.Progress.NONE);
        for (String file : List.of("flows.csv", "links.csv", "timeseries.csv")) {
            byte[] one = Files.readAllBytes(tmp.resolve("one").resolve(file));
            assertArrayEquals(one, Files.readAllBytes(tmp.resolve("two").resolve(file)), file);
            assertFalse(java.util.Arrays.equals(one, Files.readAllBytes(tmp.resolve("three").resolve(file))),
                    file + " should differ with another seed");
        }
    }

    @Test
    void resultsDirectoryHoldsEveryFileAndNoStagingLeftovers(@TempDir Path tmp) throws IOException {
        ExperimentRunner.run(bottleneck(5 * MBPS, new LinkSpec.NoLoss(), 1), tmp.resolve("out"),
                Simulation.Progress.NONE);
        for (String file : List.of("flows.csv", "links.csv", "timeseries.csv", "run.json", "experiment.yaml")) {
            assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(file)), file);
        }
        try (var list = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("out")), list.toList());
        }
        String series = Files.readString(tmp.resolve("out/timeseries.csv"));
        assertTrue(series.startsWith("time_s,series,subject,value\n"));
        assertTrue(series.contains(",queue,bottleneck:r->b,"));
        assertTrue(series.contains(",goodput,cbr,"));
    }
}
