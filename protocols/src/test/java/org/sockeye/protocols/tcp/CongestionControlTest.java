package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.protocols.tcp.TestNet.MS;
import static org.sockeye.protocols.tcp.TestNet.S;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Window growth and loss reactions (RFC 5681, RFC 6582, RFC 6675, RFC 3042, RFC 9438). */
class CongestionControlTest {
    static final int MSS = 1460;

    static TcpConfig rfcNoDelack() {
        return TcpProfiles.rfc().with("delayed-ack", "off").with("rcvbuf", "4m").with("sndbuf", "4m")
                .with("window-scaling", "on").with("initial-window", "2");
    }

    @Test
    void slowStartDoublesTheWindowEachRtt_rfc5681_3_1() {
        Bulk b = new Bulk(rfcNoDelack(), 50 * MS, 2_000_000);
        b.net.runUntil(2 * S);
        // The handshake ends at 100 ms; round k then starts at 100 ms + k·RTT (RTT = 100 ms).
        int[] expected = {2, 4, 8, 16, 32, 64};
        for (int k = 0; k < expected.length; k++) {
            long start = 100 * MS + k * 100 * MS;
            assertEquals(expected[k], b.sentBetween(start, start + 100 * MS), "round " + k);
        }
    }

    @Test
    void slowStartDoublesWithDelayedAcksUnderLinuxByteCounting() {
        TcpConfig cfg = TcpProfiles.linux().with("rcvbuf", "4m").with("sndbuf", "4m").with("window-scale", "10");
        Bulk b = new Bulk(cfg, 50 * MS, 3_000_000);
        b.net.runUntil(2 * S);
        int[] expected = {10, 20, 40, 80};
        for (int k = 0; k < expected.length; k++) {
            long start = 100 * MS + k * 100 * MS;
            assertEquals(expected[k], b.sentBetween(start, start + 100 * MS), "round " + k);
        }
    }

    @Test
    void renoCongestionAvoidanceAddsOneMssPerRtt_rfc5681_3_1() {
        CongestionControl cc = CongestionControls.byName("reno");
        cc.init(1000, 10_000, false);
        cc.onCongestionEvent(0, 40_000); // ssthresh = 20 000
        cc.setCwnd(20_000);
        for (int rtt = 1; rtt <= 10; rtt++) {
            int window = cc.cwnd();
            for (int acked = 0; acked < window; acked += 1000) {
                cc.onAck(rtt * 100 * MS, 1000, 100 * MS);
            }
            assertEquals(20_000 + rtt * 1000, cc.cwnd(), "after RTT " + rtt);
        }
    }

    @Test
    void rfcCongestionAvoidanceCreditsEachAckWithAtMostOneSmss_rfc5681_3_1_eq3() {
        CongestionControl rfc = CongestionControls.byName("newreno");
        rfc.init(1000, 10_000, false);
        CongestionControl linux = CongestionControls.byName("newreno");
        linux.init(1000, 10_000, true);
        for (CongestionControl cc : new CongestionControl[] {rfc, linux}) {
            cc.onCongestionEvent(0, 40_000);
            cc.setCwnd(20_000);
            for (int ack = 0; ack < 40; ack++) {
                cc.onAck(ack * MS, 2000, 100 * MS); // delayed ACKs: two segments each, ~four windows
            }
        }
        // eq. 3 (cwnd += SMSS*SMSS/cwnd per ACK): 40 ACKs are worth 40 000 bytes, one window of 20 000.
        assertEquals(21_000, rfc.cwnd(), "about half a segment per RTT with delayed ACKs (as ns-3)");
        // Linux counts the 80 000 acked bytes: windows of 20 000, 21 000 and 22 000 fit.
        assertEquals(23_000, linux.cwnd());
    }

    @Test
    void slowStartByRfc5681CountsAtMostOneSmssPerAck() {
        CongestionControl cc = CongestionControls.byName("newreno");
        cc.init(1000, 2000, false);
        cc.onAck(0, 2000, 0); // one ACK for two segments
        assertEquals(3000, cc.cwnd(), "min(N, SMSS)");
        CongestionControl linux = CongestionControls.byName("newreno");
        linux.init(1000, 2000, true);
        linux.onAck(0, 2000, 0);
        assertEquals(4000, linux.cwnd(), "Linux counts every acked byte");
    }

    @Test
    void ssthreshIsHalfTheFlightAndTimeoutLeavesOneSegment_rfc5681_eq4() {
        CongestionControl cc = CongestionControls.byName("reno");
        cc.init(1000, 10_000, false);
        cc.onTimeout(0, 30_000, true);
        assertEquals(15_000, cc.ssthresh());
        assertEquals(1000, cc.cwnd(), "loss window");
        cc.onTimeout(0, 1000, false);
        assertEquals(15_000, cc.ssthresh(), "a repeated timeout does not lower ssthresh again");
        cc.onCongestionEvent(0, 1000);
        assertEquals(2000, cc.ssthresh(), "at least 2*SMSS");
    }

    @Test
    void exactlyTheThirdDuplicateAckTriggersFastRetransmit_rfc5681_3_2() {
        TcpConfig cfg = rfcNoDelack().with("initial-window", "10");
        Bulk b = new Bulk(cfg, 10 * MS, 100_000, false);
        b.net.bitsPerSecond = 10_000_000; // spaces the duplicates 1.2 ms apart
        int lost = b.segSeq(1, MSS);
        boolean[] once = {false};
        b.net.dropIf = s -> s.seg().seq == lost && s.isData() && !once[0] && (once[0] = true);
        b.net.runUntil(5 * S);
        List<TestNet.Sent> acks = b.acksFor(lost);
        assertTrue(acks.size() >= 4, "one ACK for segment 0, then duplicates");
        // acks[0] acknowledges segment 0; acks[1..3] are the first three duplicates.
        List<Long> sends = b.sendTimes(lost);
        assertEquals(2, sends.size(), "sent once, retransmitted once");
        long secondDup = b.net.arrivals.get(acks.get(2).seg());
        long thirdDup = b.net.arrivals.get(acks.get(3).seg());
        assertTrue(thirdDup > secondDup);
        assertEquals(thirdDup, sends.get(1), "retransmitted on arrival of the 3rd duplicate, not before");
        assertEquals(1, b.client.conn.info().totalRetrans(), "no timeout, no spurious retransmission");
    }

    @Test
    void limitedTransmitSendsNewDataOnTheFirstTwoDuplicates_rfc3042() {
        TcpConfig cfg = rfcNoDelack().with("initial-window", "4");
        Bulk b = new Bulk(cfg, 10 * MS, 100_000, false);
        b.net.bitsPerSecond = 10_000_000;
        int lost = b.segSeq(1, MSS);
        boolean[] once = {false};
        b.net.dropIf = s -> s.seg().seq == lost && s.isData() && !once[0] && (once[0] = true);
        b.net.runUntil(5 * S);
        List<TestNet.Sent> acks = b.acksFor(lost);
        long firstDup = b.net.arrivals.get(acks.get(1).seg());
        long secondDup = b.net.arrivals.get(acks.get(2).seg());
        int newSegmentsOnFirst = 0;
        int newSegmentsOnSecond = 0;
        for (TestNet.Sent s : b.clientData()) {
            if (s.time() == firstDup && s.seg().seq != lost) {
                newSegmentsOnFirst++;
            }
            if (s.time() == secondDup && s.seg().seq != lost) {
                newSegmentsOnSecond++;
            }
        }
        assertEquals(1, newSegmentsOnFirst, "one new segment on the first duplicate");
        assertEquals(1, newSegmentsOnSecond, "one new segment on the second duplicate");
        assertTrue(b.sendTimes(lost).get(1) > secondDup, "retransmission waits for the third");
    }

    private static Bulk twoLosses(String algorithm) {
        TcpConfig cfg = rfcNoDelack().with("initial-window", "10").with("congestion-control", algorithm);
        Bulk b = new Bulk(cfg, 10 * MS, 100_000);
        int first = b.segSeq(1, MSS);
        int second = b.segSeq(4, MSS);
        boolean[] dropped = {false, false};
        b.net.dropIf = s -> {
            if (!s.isData()) {
                return false;
            }
            if (s.seg().seq == first && !dropped[0]) {
                return dropped[0] = true;
            }
            if (s.seg().seq == second && !dropped[1]) {
                return dropped[1] = true;
            }
            return false;
        };
        b.net.runUntil(10 * S);
        return b;
    }

    @Test
    void newRenoRetransmitsTheNextHoleOnAPartialAck_rfc6582_3_2() {
        Bulk b = twoLosses("newreno");
        int second = b.segSeq(4, MSS);
        List<TestNet.Sent> partial = b.acksFor(second);
        List<Long> sends = b.sendTimes(second);
        assertEquals(2, sends.size());
        assertEquals(partial.get(0).time() + 10 * MS, sends.get(1), "retransmitted on the partial ACK");
        assertTrue(sends.get(1) < 200 * MS, "well before any timeout");
        assertEquals(2, b.client.conn.info().totalRetrans());
    }

    @Test
    void newRenoRestartsTheTimerOnlyOnTheFirstPartialAck_rfc6582_3_2_and_4() {
        TcpConfig cfg = rfcNoDelack().with("initial-window", "40");
        Bulk b = new Bulk(cfg, 35 * MS, 200_000);
        // Twenty holes in one window: one repair per 70 ms round trip would take 1.4 s.
        boolean[] dropped = new boolean[40];
        b.net.dropIf = s -> {
            for (int i = 1; i < 40; i += 2) {
                if (s.isData() && s.seg().seq == b.segSeq(i, MSS) && !dropped[i]) {
                    return dropped[i] = true;
                }
            }
            return false;
        };
        b.net.runUntil(10 * S);
        long firstPartial = b.net.arrivals.get(b.acksFor(b.segSeq(3, MSS)).get(0).seg());
        assertEquals(1, b.client.conn.timeouts(), "the 1 s timer expires during the long recovery");
        long rto = firstPartial + S; // RFC 6298 §2.4: 1 s minimum; RTT samples are 70 ms
        int sentAtRto = 0;
        for (TestNet.Sent s : b.clientData()) {
            if (s.time() == rto) {
                sentAtRto++;
            }
        }
        assertEquals(1, sentAtRto, "the timer ran from the first partial ACK, not from the latest one");
        assertEquals(200_000, b.client.conn.info().bytesAcked());
    }

    @Test
    void renoLeavesRecoveryOnAPartialAckAndWaitsForMoreDuplicates_rfc5681_3_2() {
        Bulk b = twoLosses("reno");
        int second = b.segSeq(4, MSS);
        List<TestNet.Sent> partial = b.acksFor(second);
        List<Long> sends = b.sendTimes(second);
        assertEquals(2, sends.size());
        assertTrue(sends.get(1) > partial.get(0).time() + 10 * MS, "not retransmitted on the partial ACK");
    }

    @Test
    void sackRecoveryRepairsSeveralHolesInOneRtt_rfc6675() {
        TcpConfig cfg = TcpProfiles.linux().with("delayed-ack", "off").with("rcvbuf", "4m").with("sndbuf", "4m")
                .with("window-scale", "10");
        Bulk b = new Bulk(cfg, 10 * MS, 200_000);
        int mss = 1448;
        int[] holes = {b.segSeq(1, mss), b.segSeq(4, mss), b.segSeq(7, mss)};
        boolean[] dropped = new boolean[3];
        b.net.dropIf = s -> {
            for (int i = 0; i < holes.length; i++) {
                if (s.isData() && s.seg().seq == holes[i] && !dropped[i]) {
                    return dropped[i] = true;
                }
            }
            return false;
        };
        b.net.runUntil(10 * S);
        long firstRetransmit = b.sendTimes(holes[0]).get(1);
        for (int hole : holes) {
            List<Long> sends = b.sendTimes(hole);
            assertEquals(2, sends.size());
            // RFC 6675 §4 IsLost: the last hole counts as lost only once enough data above it is SACKed.
            assertTrue(sends.get(1) <= firstRetransmit + 20 * MS, "all holes repaired within one RTT");
        }
        assertEquals(3, b.client.conn.info().totalRetrans());
        assertEquals(CaState.OPEN, b.client.conn.info().caState());
    }

    @Test
    void cubicFollowsTheCubicCurveAfterALoss_rfc9438_4() {
        Cubic cc = (Cubic) CongestionControls.byName("cubic");
        int mss = 1000;
        cc.init(mss, 100 * mss, false);
        cc.onCongestionEvent(0, 100 * mss);
        assertEquals(70 * mss, cc.ssthresh(), "beta = 0.7 (§4.6)");
        cc.setCwnd(cc.ssthresh());
        double k = Math.cbrt(100 * (1 - 0.7) / 0.4);
        long rtt = 100 * MS; // long enough for the cubic curve to beat the Reno-friendly estimate
        long t = 0;
        while (t < (long) (k * S)) {
            int window = cc.cwnd();
            for (int acked = 0; acked < window; acked += mss) {
                cc.onAck(t, mss, rtt);
            }
            t += rtt;
        }
        assertEquals(k, cc.k(), 1e-9, "K = cbrt(W_max (1 - beta) / C) (§4.2)");
        double w = cc.cwnd() / (double) mss;
        assertTrue(Math.abs(w - 100) < 3, "back at W_max after K seconds: " + w);
        // Convex region: beyond K the window grows faster and faster.
        int before = cc.cwnd();
        for (int i = 0; i < 300; i++) {
            int window = cc.cwnd();
            for (int acked = 0; acked < window; acked += mss) {
                cc.onAck(t, mss, rtt);
            }
            t += rtt;
        }
        double expected = 0.4 * Math.pow(t / 1e12 - k, 3) + 100;
        assertTrue(cc.cwnd() > before);
        assertEquals(expected, cc.cwnd() / (double) mss, expected * 0.1, "W(t) = C(t-K)^3 + W_max");
    }

    @Test
    void cubicFastConvergenceLowersWmax_rfc9438_4_7() {
        Cubic cc = (Cubic) CongestionControls.byName("cubic");
        cc.init(1000, 100_000, false);
        cc.onCongestionEvent(0, 100_000);
        assertEquals(100, cc.wMax(), 1e-9);
        cc.setCwnd(60_000);
        cc.onCongestionEvent(0, 60_000);
        assertEquals(60 * (1 + 0.7) / 2, cc.wMax(), 1e-9);
    }

    @Test
    void cubicRenoFriendlyRegionKeepsUpWithReno_rfc9438_4_3() {
        // Short RTT: the cubic curve rises slowly, W_est grows by alpha = 3(1-b)/(1+b) per RTT.
        Cubic cc = (Cubic) CongestionControls.byName("cubic");
        cc.init(1000, 100_000, false);
        cc.onCongestionEvent(0, 100_000);
        cc.setCwnd(cc.ssthresh());
        long rtt = 10 * MS;
        long t = 0;
        for (int r = 0; r < 50; r++) {
            int window = cc.cwnd();
            for (int acked = 0; acked < window; acked += 1000) {
                cc.onAck(t, 1000, rtt);
            }
            t += rtt;
        }
        double w = cc.cwnd() / 1000.0;
        double alpha = 3 * (1 - 0.7) / (1 + 0.7);
        assertTrue(w > cc.wCubic(t / 1e12) + 10, "above the cubic curve");
        assertEquals(70 + 50 * alpha, w, 1.5, "Reno-friendly growth");
    }

    @Test
    void registryCreatesFreshInstancesAndRejectsUnknownNames() {
        assertEquals("cubic", CongestionControls.byName("cubic").name());
        assertFalse(CongestionControls.byName("reno") == CongestionControls.byName("reno"));
        assertTrue(CongestionControls.byName("reno").partialAckEndsRecovery());
        assertFalse(CongestionControls.byName("newreno").partialAckEndsRecovery());
        assertThrows(IllegalArgumentException.class, () -> CongestionControls.byName("vegas"));
    }
}
