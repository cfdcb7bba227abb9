package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.protocols.tcp.TestNet.MS;
import static org.sockeye.protocols.tcp.TestNet.S;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proportional Rate Reduction (RFC 6937) and the {@code recovery} switch. */
class ProportionalRateReductionTest {
    static final int MSS = 1460;

    /**
     * RFC 6937 §4's example (Figure 2): one loss in a flight of 20 segments, ssthresh 10, so
     * RecoverFS = 20. While pipe stays above ssthresh PRR sends one segment for every two
     * delivered — on the first ACK of recovery (the fast retransmit), then every other ACK.
     */
    @Test
    void sendsOneSegmentPerTwoDeliveredWhilePipeExceedsSsthresh_rfc6937_4() {
        ProportionalRateReduction prr = new ProportionalRateReduction();
        prr.start(20 * MSS);
        int pipe = 18 * MSS; // after the third duplicate ACK: 20 sent, 1 lost, 1 more delivered
        StringBuilder pattern = new StringBuilder();
        for (int ack = 1; ack <= 16; ack++) {
            int sndcnt = prr.onAck(MSS, pipe, 10 * MSS, MSS);
            int segments = sndcnt / MSS;
            pattern.append(segments);
            prr.onSent(segments * MSS);
            pipe += segments * MSS - MSS; // each ACK takes one segment out, each send puts one in
        }
        assertEquals("1010101010101010", pattern.toString());
        assertEquals(8 * MSS, prr.out(), "half of the 16 delivered segments: ssthresh/RecoverFS");
    }

    @Test
    void slowStartReductionBoundAllowsOneMssMoreThanDeliveredBelowSsthresh_rfc6937_3() {
        ProportionalRateReduction prr = new ProportionalRateReduction();
        prr.start(20 * MSS);
        prr.onAck(MSS, 18 * MSS, 10 * MSS, MSS);
        prr.onSent(MSS);
        // Heavy losses: pipe has fallen to 4 segments. SSRB: MIN(ssthresh − pipe, MAX(prr_delivered −
        // prr_out, DeliveredData) + MSS) = MIN(6, MAX(3 − 1, 2) + 1) segments.
        assertEquals(3 * MSS, prr.onAck(2 * MSS, 4 * MSS, 10 * MSS, MSS));
        // Near ssthresh the bound is what is left to reach it.
        assertEquals(MSS, prr.onAck(2 * MSS, 9 * MSS, 10 * MSS, MSS));
    }

    @Test
    void theFirstAckOfRecoveryAlwaysReleasesTheFastRetransmit_rfc6937_3() {
        ProportionalRateReduction prr = new ProportionalRateReduction();
        prr.start(100 * MSS);
        // CEIL(1 · 10 / 100) segments would round to a fraction of a segment.
        assertEquals(MSS, prr.onAck(MSS, 90 * MSS, 10 * MSS, MSS));
    }

    /** One loss in a window of 20 without SACK: new data sent during recovery, per duplicate ACK. */
    private static List<Integer> newSegmentsPerDuplicate(String recovery, int[] cwndAfter, int[] ssthresh) {
        TcpConfig cfg = TcpProfiles.rfc().with("delayed-ack", "off").with("rcvbuf", "4m").with("sndbuf", "4m")
                .with("window-scaling", "on").with("initial-window", "20").with("recovery", recovery);
        Bulk b = new Bulk(cfg, 10 * MS, 200_000, false);
        b.net.bitsPerSecond = 10_000_000; // spaces the duplicate ACKs 1.2 ms apart
        int lost = b.segSeq(1, MSS);
        boolean[] once = {false};
        b.net.dropIf = s -> s.seg().seq == lost && s.isData() && !once[0] && (once[0] = true);
        b.net.runUntil(2 * S);
        List<TestNet.Sent> acks = b.acksFor(lost);
        long retransmitted = b.sendTimes(lost).get(1);
        List<Integer> perDup = new ArrayList<>();
        int firstNew = b.segSeq(22, MSS); // segments 20 and 21 went out by limited transmit
        for (TestNet.Sent ack : acks.subList(1, acks.size())) {
            long at = b.net.arrivals.get(ack.seg());
            if (at < retransmitted) {
                continue; // before recovery
            }
            int n = 0;
            for (TestNet.Sent s : b.clientData()) {
                if (s.time() == at && TcpSeq.geq(s.seg().seq, firstNew)) {
                    n++;
                }
            }
            perDup.add(n);
        }
        // Replay the same (deterministic) run up to the ACK that ends recovery.
        long fullAck = -1;
        for (TestNet.Sent s : b.net.from(Bulk.B)) {
            if (TcpSeq.gt(s.seg().ack, lost) && b.net.arrivals.containsKey(s.seg())) {
                fullAck = b.net.arrivals.get(s.seg());
                break;
            }
        }
        Bulk replay = new Bulk(cfg, 10 * MS, 200_000, false);
        replay.net.bitsPerSecond = 10_000_000;
        boolean[] again = {false};
        replay.net.dropIf = s -> s.seg().seq == lost && s.isData() && !again[0] && (again[0] = true);
        replay.net.runUntil(fullAck);
        assertEquals(CaState.OPEN, replay.client.conn.info().caState());
        ssthresh[0] = replay.client.conn.ssthresh();
        cwndAfter[0] = replay.client.conn.cwnd();
        return perDup;
    }

    @Test
    void prrSpreadsNewDataOverRecoveryWhereInflationWaitsForHalfTheWindow_rfc6937_1() {
        int[] cwnd = new int[1];
        int[] ssthresh = new int[1];
        List<Integer> prr = newSegmentsPerDuplicate("prr", cwnd, ssthresh);
        List<Integer> inflation = newSegmentsPerDuplicate("inflation", new int[1], new int[1]);
        assertEquals(prr.size(), inflation.size(), "same duplicate ACKs: " + prr + " / " + inflation);
        int half = prr.size() / 2;
        int prrEarly = prr.subList(0, half).stream().mapToInt(Integer::intValue).sum();
        int inflationEarly = inflation.subList(0, half).stream().mapToInt(Integer::intValue).sum();
        assertEquals(0, inflationEarly, "RFC 5681 §3.2: silent until cwnd inflates past the flight " + inflation);
        assertTrue(prrEarly >= half / 3, "PRR sends all along recovery " + prr);
        int prrTotal = prr.stream().mapToInt(Integer::intValue).sum();
        int inflationTotal = inflation.stream().mapToInt(Integer::intValue).sum();
        assertTrue(Math.abs(prrTotal - inflationTotal) <= 1, "both end near ssthresh: " + prr + " / " + inflation);
        // ...and the window leaves recovery at ssthresh (then grows in congestion avoidance).
        assertEquals(ssthresh[0], cwnd[0], "RFC 6937 §3: cwnd = ssthresh when recovery ends");
    }
}
