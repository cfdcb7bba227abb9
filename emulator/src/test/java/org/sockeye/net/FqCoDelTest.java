package org.sockeye.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sockeye.config.LinkSpec;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

/** UDP senders on host a through a 10 Mb/s link a->b whose direction runs a queue discipline. */
class FqCoDelTest {
    private static final long RATE = 10_000_000;
    private static final long DURATION = 4 * Time.S;
    private static final LinkSpec.QdiscSpec FQ_CODEL =
            new LinkSpec.FqCoDelSpec(5 * Time.MS, 100 * Time.MS, 1024, 1514, 10240, 64);

    /** Bytes received and delays per destination port (index = port - 9), after a 1 s warm-up until the end. */
    private static final class Result {
        final long[] bytes = new long[2];
        final long[] maxDelay = new long[2];
        long qdiscDrops;
    }

    private static Result run(LinkSpec.QdiscSpec qdisc, int devicePackets, long[] intervals, int[] payloads,
            boolean poisson) {
        LinkSpec link = new LinkSpec("ab", "a", "b", Optional.empty(), Optional.empty(), RATE, Time.MS, 1500,
                LinkSpec.Framing.ETHERNET, LinkSpec.QueueSpec.packets(devicePackets), new LinkSpec.NoLoss(), 0,
                LinkSpec.ReorderSpec.NONE, qdisc);
        TestSpecs t = new TestSpecs().host("a", "b").link(link);
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(t.nodes(), t.links(), s, new RandomStreams(7));
        Result r = new Result();
        for (int i = 0; i < 2; i++) {
            int flow = i;
            net.host("b").bindUdp(9 + i, (p, now) -> {
                // Goodput by arrival time within [1 s, DURATION); appSeq carries the send time.
                if (now >= Time.S && now < DURATION) {
                    r.bytes[flow] += p.payloadLength;
                    r.maxDelay[flow] = Math.max(r.maxDelay[flow], now - p.appSeq);
                }
            });
            UdpSocket src = net.host("a").bindUdp(5000 + i, (p, now) -> { });
            int dst = net.host("b").address();
            // Poisson arrivals (seeded): strictly periodic ones would phase-lock with the link.
            SplittableRandom rng = new SplittableRandom(11 + i);
            Runnable[] tick = new Runnable[1];
            tick[0] = () -> {
                src.sendTo(dst, 9 + flow, payloads[flow], s.now());
                long gap = poisson ? (long) (-Math.log(1 - rng.nextDouble()) * intervals[flow]) : intervals[flow];
                if (s.now() + gap < DURATION) {
                    s.schedule(s.now() + gap, tick[0]);
                }
            };
            s.schedule(i * Time.US, tick[0]);
        }
        s.run();
        r.qdiscDrops = net.link("ab").aToB().stats().qdiscDrops;
        return r;
    }

    private static double mbps(long bytes) {
        return bytes * 8 / Time.toSeconds(DURATION - Time.S) / 1e6;
    }

    /** 1000-byte datagrams at 8 and 16 Mb/s into 10 Mb/s. */
    private static Result unequalFlows(LinkSpec.QdiscSpec qdisc) {
        return run(qdisc, 100, new long[] {Time.MS, Time.MS / 2}, new int[] {1000, 1000}, true);
    }

    @Test
    void rfc8290_drrGivesTwoOverloadingFlowsEqualShares() {
        Result r = unequalFlows(FQ_CODEL);
        double a = mbps(r.bytes[0]);
        double b = mbps(r.bytes[1]);
        // Payload share of 10 Mb/s of 1046-byte frames is 9.56 Mb/s; equal halves are 4.78.
        assertEquals(4.78, a, 0.25, "slow flow");
        assertEquals(4.78, b, 0.25, "fast flow");
        assertTrue(r.qdiscDrops > 0);
        // Without the discipline the same offered load splits about 1:2, as the arrivals do.
        Result dropTail = unequalFlows(new LinkSpec.NoQdisc());
        assertTrue(mbps(dropTail.bytes[1]) > 1.5 * mbps(dropTail.bytes[0]), "drop-tail is not fair");
        assertEquals(0, dropTail.qdiscDrops);
    }

    @Test
    void rfc8290_sparseFlowSeesLowDelayNextToABulkFlow() {
        // A 15 Mb/s bulk flow and a 100-byte datagram every 10 ms; a 2-packet device queue, so the
        // delay is the discipline's.
        long[] intervals = {Time.MS * 1046 * 8 / 15_000, 10 * Time.MS};
        int[] payloads = {1000, 100};
        Result fq = run(FQ_CODEL, 2, intervals, payloads, false);
        Result codel = run(new LinkSpec.CoDelSpec(5 * Time.MS, 100 * Time.MS, 1500), 2, intervals, payloads, false);
        // Sparse: behind at most the frame on the wire and two in the device queue, plus 1 ms of path.
        long bound = Time.MS + 3 * Time.serialisation(1046, RATE) + Time.serialisation(146, RATE);
        assertTrue(fq.maxDelay[1] <= bound, "sparse flow delay " + Time.toSeconds(fq.maxDelay[1]));
        // The bulk flow (and, under plain CoDel, everyone) waits around the 5 ms target.
        assertTrue(fq.maxDelay[0] > 5 * Time.MS, "bulk delay " + Time.toSeconds(fq.maxDelay[0]));
        assertTrue(codel.maxDelay[1] > 5 * Time.MS, "shared-queue sparse delay " + Time.toSeconds(codel.maxDelay[1]));
    }

    @Test
    void sameSeedSameResult() {
        Result a = unequalFlows(FQ_CODEL);
        Result b = unequalFlows(FQ_CODEL);
        assertEquals(a.bytes[0], b.bytes[0]);
        assertEquals(a.bytes[1], b.bytes[1]);
        assertEquals(a.qdiscDrops, b.qdiscDrops);
        assertNotEquals(0, a.qdiscDrops);
    }
}
