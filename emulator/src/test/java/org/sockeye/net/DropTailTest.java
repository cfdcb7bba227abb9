package org.sockeye.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sockeye.config.LinkSpec;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

class DropTailTest {
    private static Network burst(LinkSpec.QueueSpec q, int packets, int payload, int[] received) {
        TestSpecs t = new TestSpecs().host("a", "b")
                .link(TestSpecs.link("ab", "a", "b", 10_000_000L, Time.MS, q, new LinkSpec.NoLoss()));
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(t.nodes(), t.links(), s, new RandomStreams(1));
        net.host("b").bindUdp(9, (p, now) -> received[0]++);
        UdpSocket src = net.host("a").bindUdp(0, (p, now) -> { });
        for (int i = 0; i < packets; i++) {
            src.sendTo(net.host("b").address(), 9, payload, i);
        }
        s.run();
        return net;
    }

    @Test
    void packetLimitDropsExactlyTheExcess() {
        int[] received = {0};
        Network net = burst(LinkSpec.QueueSpec.packets(20), 50, 1000, received);
        ChannelStats st = net.link("ab").aToB().stats();
        // One packet goes straight onto the wire, twenty wait, the other 29 are dropped.
        assertEquals(29, st.queueDrops);
        assertEquals(21, received[0]);
        assertEquals(20, net.link("ab").aToB().queue().maxPackets());
    }

    @Test
    void byteLimitDropsExactlyTheExcess() {
        int[] received = {0};
        // Each packet is 1000 + 8 + 20 + 18 = 1046 wire bytes; 10,000 bytes hold 9 of them.
        Network net = burst(LinkSpec.QueueSpec.bytes(10_000), 30, 1000, received);
        assertEquals(30 - 1 - 9, net.link("ab").aToB().stats().queueDrops);
        assertEquals(10, received[0]);
        assertEquals(9 * 1046, net.link("ab").aToB().queue().maxBytes());
    }
}
