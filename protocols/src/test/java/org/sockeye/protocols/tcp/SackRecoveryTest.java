package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.protocols.tcp.TestNet.MS;
import static org.sockeye.protocols.tcp.TestNet.S;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * SACK loss recovery (RFC 6675) against a real bottleneck: slow start overshoots a 100 Mb/s link
 * with a 100-packet drop-tail queue and loses a burst of a few hundred segments.
 */
class SackRecoveryTest {
    static final int MSS = 1448;

    static Bulk overshoot(TcpConfig cfg) {
        Bulk b = new Bulk(cfg, 10 * MS, 60_000_000);
        b.net.bitsPerSecond = 100_000_000;
        b.net.queueLimit = 100;
        return b;
    }

    static TcpConfig linux(String cc, String recovery) {
        return TcpProfiles.linux().with("rcvbuf", "4m").with("sndbuf", "4m").with("congestion-control", cc)
                .with("recovery", recovery);
    }

    /** Retransmissions of data that had already reached the receiver when it was sent again. */
    static int spuriousRetransmissions(Bulk b) {
        Map<Integer, Long> firstArrival = new HashMap<>();
        for (TestNet.Sent s : b.clientData()) {
            Long at = b.net.arrivals.get(s.seg());
            if (at != null) {
                firstArrival.merge(s.seg().seq, at, Math::min);
            }
        }
        int spurious = 0;
        for (TestNet.Sent s : b.clientData()) {
            Long at = firstArrival.get(s.seg().seq);
            if (at != null && at < s.time()) {
                spurious++;
            }
        }
        return spurious;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"newreno, prr", "newreno, inflation", "cubic, prr", "cubic, inflation"})
    void slowStartOvershootIsRepairedWithOneRetransmissionPerDrop_rfc6675(String cc, String recovery) {
        Bulk b = overshoot(linux(cc, recovery));
        b.net.runUntil(5 * S);
        TcpInfo info = b.client.conn.info();
        assertTrue(b.net.queueDrops > 200, "the overshoot loses a burst: " + b.net.queueDrops);
        assertEquals(0, info.timeouts(), "SACK recovery repairs the burst without a timeout");
        assertEquals(0, spuriousRetransmissions(b), "nothing that had arrived is sent again");
        // Every drop is repaired once; only drops of the last round trip may still be unrepaired.
        assertTrue(info.totalRetrans() <= b.net.queueDrops && info.totalRetrans() >= b.net.queueDrops - 30,
                "retransmissions " + info.totalRetrans() + " for " + b.net.queueDrops + " drops");
        assertTrue(info.bytesAcked() > 50_000_000, "the link stays busy: " + info.bytesAcked());
    }

    /** Linux tcp_ack "delivered": a cumulative ACK of data SACKed earlier is not new delivery. */
    @Test
    void afterATimeoutOnlyUnsackedDataIsResentAndSackedDataDoesNotGrowCwnd_rfc6675_5_1() {
        Bulk b = new Bulk(linux("newreno", "prr").with("delayed-ack", "off"), 10 * MS, 30 * MSS);
        int hole = b.segSeq(20, MSS);
        int[] copies = {0};
        // The segment and its fast retransmission are lost, and no later data exposes the second
        // loss: only the timer can repair it.
        b.net.dropIf = s -> s.isData() && s.seg().seq == hole && copies[0]++ < 2;
        b.net.runUntil(3 * S);
        TcpInfo info = b.client.conn.info();
        assertEquals(1, info.timeouts());
        List<Long> sends = b.sendTimes(hole);
        assertEquals(3, sends.size(), "first copy, fast retransmit, retransmission after the timeout");
        assertEquals(2, info.totalRetrans(), "no go-back-N over the SACKed segments 21..29");
        assertEquals(30 * MSS, info.bytesAcked());
        // The last ACK acknowledged ten segments, but nine had been SACKed before the timeout:
        // slow start from the loss window grows by the one segment delivered, not by ten.
        assertEquals(2, info.sndCwndSegments());
    }
}
