package org.sockeye.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.protocols.Errno;
import org.sockeye.protocols.Packet;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

class LinkTimingTest {
    private static final long MBPS = 1_000_000L;
    private static final long GBPS = 1_000_000_000L;

    @Test
    void arrivalIsTheSumOfSerialisationAndPropagationOverEveryHop() {
        TestSpecs t = new TestSpecs().host("a", "b").router("r1", "r2")
                .link("a", "r1", GBPS, 1 * Time.MS)
                .link("r1", "r2", 100 * MBPS, 10 * Time.MS)
                .link("r2", "b", 10 * MBPS, 250 * Time.US);
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(t.nodes(), t.links(), s, new RandomStreams(1));
        List<Long> arrivals = new ArrayList<>();
        net.host("b").bindUdp(9, (p, now) -> arrivals.add(now));
        UdpSocket src = net.host("a").bindUdp(0, (p, now) -> { });
        assertNull(src.sendTo(net.host("b").address(), 9, 1000, 0));
        s.run();
        // 1000 B payload + 8 UDP + 20 IPv4 + 18 Ethernet = 1046 B = 8368 bits on each hop.
        long bits = 1046 * 8;
        long expected = bits * Time.S / GBPS + Time.MS
                + bits * Time.S / (100 * MBPS) + 10 * Time.MS
                + bits * Time.S / (10 * MBPS) + 250 * Time.US;
        assertEquals(List.of(expected), arrivals);
    }

    @Test
    void backToBackPacketsAreSpacedByTheBottleneckSerialisationTime() {
        TestSpecs t = new TestSpecs().host("a", "b").router("r")
                .link("a", "r", GBPS, 0).link("r", "b", 100 * MBPS, 5 * Time.MS);
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(t.nodes(), t.links(), s, new RandomStreams(1));
        List<Long> arrivals = new ArrayList<>();
        net.host("b").bindUdp(9, (p, now) -> arrivals.add(now));
        UdpSocket src = net.host("a").bindUdp(0, (p, now) -> { });
        for (int i = 0; i < 3; i++) {
            src.sendTo(net.host("b").address(), 9, 1472, i);
        }
        s.run();
        long gap = Time.serialisation(1500 + 18, 100 * MBPS);
        assertEquals(gap, arrivals.get(1) - arrivals.get(0));
        assertEquals(gap, arrivals.get(2) - arrivals.get(1));
    }

    @Test
    void datagramLargerThanThePathMtuIsRefusedWithEmsgsize() {
        TestSpecs t = new TestSpecs().host("a", "b").link("a", "b", GBPS, 0);
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(t.nodes(), t.links(), s, new RandomStreams(1));
        UdpSocket src = net.host("a").bindUdp(0, (p, now) -> { });
        int b = net.host("b").address();
        assertNull(src.sendTo(b, 9, 1472, 0), "1472 + 8 + 20 = 1500 fits");
        assertEquals(Errno.EMSGSIZE, src.sendTo(b, 9, 1473, 1));
    }

    @Test
    void routersDecrementTtl() {
        TestSpecs t = new TestSpecs().host("a", "b").router("r1", "r2")
                .link("a", "r1", GBPS, 0).link("r1", "r2", GBPS, 0).link("r2", "b", GBPS, 0);
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(t.nodes(), t.links(), s, new RandomStreams(1));
        List<Integer> ttls = new ArrayList<>();
        net.host("b").bindUdp(9, (Packet p, long now) -> ttls.add(p.ttl));
        net.host("a").bindUdp(0, (p, now) -> { }).sendTo(net.host("b").address(), 9, 10, 0);
        s.run();
        assertEquals(List.of(62), ttls);
    }
}
