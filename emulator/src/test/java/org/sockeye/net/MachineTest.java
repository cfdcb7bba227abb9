package org.sockeye.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.config.CpuSpec;
import org.sockeye.config.NicSpec;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

class MachineTest {
    private static final long GBPS = 1_000_000_000L;
    private static final int PAYLOAD = 1000; // + 8 UDP + 20 IPv4 + 18 Ethernet = 1046 B on the wire

    /** Delays and counters of one run: a sends `count` datagrams to b, one every `gapPs`. */
    private record Run(Network net, List<Long> delays, Scheduler scheduler) {
        double meanDelayPs() {
            return delays.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
        }
    }

    private static Run blast(CpuSpec cpuA, NicSpec nicA, CpuSpec cpuB, NicSpec nicB, int count, long gapPs,
            long linkRate) {
        TestSpecs t = new TestSpecs();
        if (cpuA == null && nicA == null) {
            t.host("a");
        } else {
            t.machine("a", cpuA, nicA);
        }
        if (cpuB == null && nicB == null) {
            t.host("b");
        } else {
            t.machine("b", cpuB, nicB);
        }
        t.link("a", "b", linkRate, 10 * Time.US);
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(t.nodes(), t.links(), s, new RandomStreams(1));
        List<Long> delays = new ArrayList<>();
        net.host("b").bindUdp(9, (p, now) -> delays.add(now - p.appSeq));
        UdpSocket src = net.host("a").bindUdp(0, (p, now) -> { });
        int dst = net.host("b").address();
        for (int i = 0; i < count; i++) {
            long at = i * gapPs;
            s.schedule(at, () -> src.sendTo(dst, 9, PAYLOAD, at)); // appSeq carries the send time
        }
        s.run();
        return new Run(net, delays, s);
    }

    /** One core whose only costs are UDP transmit and receive work per packet. */
    private static CpuSpec udpCosts(long txPs, long rxPs) {
        return new CpuSpec(1, "test", 0, 0, 0, 0, 0, txPs, 0, 0, 0, 0, 0, 0, rxPs, 0, 0, 0, 0, 0, 0);
    }

    private static NicSpec nic(int rxRing, long rxUsecsPs) {
        return new NicSpec(256, rxRing, NicSpec.DEFAULT_BUS_RATE_BPS, NicSpec.DEFAULT_DMA_LATENCY_PS, rxUsecsPs,
                NicSpec.defaultRxFrames(rxUsecsPs), NicSpec.DEFAULT_NAPI_BUDGET, false);
    }

    @Test
    void oneDatagramPaysTxCostDmaWireDmaInterruptAndRxCostInSequence() {
        CpuSpec cpu = CpuSpec.linuxX86(1);
        Run r = blast(cpu, NicSpec.defaults(), cpu, NicSpec.defaults(), 1, 0, GBPS);
        long wire = 1046;
        // The kernel path only: these sockets are the stack's own, without system calls or copies.
        long tx = cpu.txPacketPs(false, false);
        long rx = cpu.rxPacketPs(false, false);
        long dma = Time.serialisation(wire, NicSpec.DEFAULT_BUS_RATE_BPS) + NicSpec.DEFAULT_DMA_LATENCY_PS;
        long expected = tx + dma + Time.serialisation(wire, GBPS) + 10 * Time.US + dma + cpu.interruptPs() + rx;
        assertEquals(List.of(expected), r.delays());
        Machine b = r.net().host("b").machine();
        assertEquals(1, b.interrupts());
        assertEquals(cpu.interruptPs() + rx, b.softirqPs(), "interrupt and NAPI work are softirq time");
    }

    @Test
    void hostWithoutMachineKeepsTheCostFreePath() {
        Run r = blast(null, null, null, null, 1, 0, GBPS);
        assertEquals(List.of(Time.serialisation(1046, GBPS) + 10 * Time.US), r.delays());
        assertEquals(null, r.net().host("b").machine());
        assertEquals(1, r.net().host("b").packetsReceived());
    }

    @Test
    void coalescingAt50usCutsInterruptsAndAddsAtMost50usOfLatency() {
        // ethtool.h: rx-usecs delays the interrupt after a frame arrives; 0 is an interrupt per frame.
        CpuSpec cpu = CpuSpec.linuxX86(1);
        long gap = 5 * Time.US; // 200 kpps of 1 KB: well within what one core handles (~2.7 us each)
        Run perPacket = blast(cpu, null, cpu, nic(256, 0), 2000, gap, 10 * GBPS);
        Run coalesced = blast(cpu, null, cpu, nic(256, 50 * Time.US), 2000, gap, 10 * GBPS);
        long irq0 = perPacket.net().host("b").machine().interrupts();
        long irq50 = coalesced.net().host("b").machine().interrupts();
        assertEquals(2000, perPacket.delays().size());
        assertEquals(2000, coalesced.delays().size());
        assertTrue(irq50 * 5 < irq0, "interrupts " + irq50 + " vs " + irq0);
        double added = coalesced.meanDelayPs() - perPacket.meanDelayPs();
        assertTrue(added > 0 && added <= 50 * Time.US, "added latency " + added / Time.US + " us");
        assertTrue(coalesced.net().host("b").machine().busyPs(coalesced.scheduler().now())
                < perPacket.net().host("b").machine().busyPs(perPacket.scheduler().now()), "fewer interrupts, less CPU");
    }

    @Test
    void cpuBoundSenderCapsThroughputAtOnePacketPerCostAndIsFullyBusy() {
        // A slow core: 20 us per datagram sent, offered one every 2 us for 20 ms.
        CpuSpec slow = udpCosts(20 * Time.US, 0);
        int count = 10_000;
        long gap = 2 * Time.US;
        Run r = blast(slow, null, null, null, count, gap, 10 * GBPS);
        Machine a = r.net().host("a").machine();
        long horizon = count * gap;
        assertEquals(count, r.delays().size(), "FIFO on the core: every datagram is sent, late");
        // Packets complete one per 20 us: the last leaves the core at count * 20 us.
        double rate = count / Time.toSeconds(r.scheduler().now());
        assertEquals(1 / Time.toSeconds(20 * Time.US), rate, 0.01 * rate);
        assertEquals(1.0, a.utilisation(horizon), 1e-3);
    }

    @Test
    void smallRingAndSlowCoreDropFramesAtTheRing() {
        CpuSpec slowRx = udpCosts(0, 50 * Time.US);
        Run r = blast(null, null, slowRx, nic(16, 0), 1000, 2 * Time.US, 10 * GBPS);
        Machine b = r.net().host("b").machine();
        assertTrue(b.rxRingDrops() > 900, "drops " + b.rxRingDrops());
        assertEquals(1000, r.delays().size() + b.rxRingDrops(), "every frame is delivered or dropped at the ring");
        Run roomy = blast(null, null, slowRx, nic(4096, 0), 1000, 2 * Time.US, 10 * GBPS);
        assertEquals(0, roomy.net().host("b").machine().rxRingDrops());
    }

    @Test
    void rssSpreadsFlowsOverCores() {
        NicSpec rss = new NicSpec(256, 256, NicSpec.DEFAULT_BUS_RATE_BPS, NicSpec.DEFAULT_DMA_LATENCY_PS, 0, 1, 64,
                true);
        TestSpecs t = new TestSpecs().host("a").machine("b", CpuSpec.linuxX86(4), rss).link("a", "b", 10 * GBPS, 0);
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(t.nodes(), t.links(), s, new RandomStreams(1));
        net.host("b").bindUdp(9, (p, now) -> { });
        int dst = net.host("b").address();
        for (int f = 0; f < 32; f++) {
            UdpSocket src = net.host("a").bindUdp(0, (p, now) -> { });
            for (int i = 0; i < 10; i++) {
                src.sendTo(dst, 9, 100, i);
            }
        }
        s.run();
        Machine b = net.host("b").machine();
        int busyCores = 0;
        for (int c = 0; c < 4; c++) {
            if (b.core(c).busyPs(s.now()) > 0) {
                busyCores++;
            }
        }
        assertEquals(4, busyCores, "32 flows hash onto every one of 4 cores");
    }
}
