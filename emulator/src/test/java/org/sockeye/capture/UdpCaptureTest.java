package org.sockeye.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockeye.net.Network;
import org.sockeye.net.NetworkBuilder;
import org.sockeye.net.TestSpecs;
import org.sockeye.net.UdpSocket;
import org.sockeye.protocols.Ipv4;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

class UdpCaptureTest {
    @Test
    void tsharkDecodesUdpWithValidChecksumsAndSimulatedTimestamps(@TempDir Path tmp) throws Exception {
        TestSpecs t = new TestSpecs().host("a", "b").link("a", "b", 100_000_000L, Time.MS);
        Scheduler s = new Scheduler();
        Network net = NetworkBuilder.build(t.nodes(), t.links(), s, new RandomStreams(1));
        Path pcap = tmp.resolve("ab.pcap");
        try (LinkCapture cap = new LinkCapture(net.link("a-b"), pcap, 65_535)) {
            net.host("b").bindUdp(5000, (p, now) -> { });
            UdpSocket src = net.host("a").bindUdp(4000, (p, now) -> { });
            for (int i = 0; i < 3; i++) {
                int seq = i;
                s.schedule(i * 10 * Time.MS, () -> src.sendTo(net.host("b").address(), 5000, 100 + seq, seq));
            }
            s.run();
        }
        List<String[]> rows = Tshark.fields(tmp.resolve("ab.pcap"),
                List.of("ip.check_checksum:TRUE", "udp.check_checksum:TRUE"),
                "frame.time_relative", "ip.src", "ip.dst", "udp.srcport", "udp.dstport", "udp.length",
                "ip.checksum.status", "udp.checksum.status");
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) {
            String[] r = rows.get(i);
            assertEquals(i * 0.010, Double.parseDouble(r[0]), 1e-9);
            assertEquals(Ipv4.format(net.host("a").address()), r[1]);
            assertEquals(Ipv4.format(net.host("b").address()), r[2]);
            assertEquals("4000", r[3]);
            assertEquals("5000", r[4]);
            assertEquals(String.valueOf(8 + 100 + i), r[5]);
            assertEquals("1", r[6], "IPv4 checksum good (tshark status: 0 bad, 1 good, 2 unverified)");
            assertEquals("1", r[7], "UDP checksum good");
        }
    }
}
