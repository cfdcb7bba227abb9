package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.protocols.tcp.TestNet.MS;
import static org.sockeye.protocols.tcp.TestNet.S;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.protocols.Errno;

/** RTO computation, backoff and Karn's rule (RFC 6298), timestamps RTTM (RFC 7323 §4). */
class RetransmissionTimerTest {
    @Test
    void rtoFollowsRfc6298Formulas_2_2_and_2_3() {
        RttEstimator e = new RttEstimator(MS, 60 * S, false);
        assertEquals(S, e.rto(), "1 s before any sample (2.1)");
        e.sample(100 * MS);
        assertEquals(100 * MS, e.srtt());
        assertEquals(50 * MS, e.rttvar());
        assertEquals(300 * MS, e.rto(), "SRTT + 4*RTTVAR");
        e.sample(200 * MS);
        assertEquals(62_500_000_000L, e.rttvar(), "3/4*50 + 1/4*|100-200|");
        assertEquals(112_500_000_000L, e.srtt(), "7/8*100 + 1/8*200");
        assertEquals(362_500_000_000L, e.rto());
    }

    @Test
    void minimumRtoAppliesToTheWholeRtoPerRfcButToTheVarianceOnLinux() {
        RttEstimator rfc = new RttEstimator(S, 60 * S, false);
        rfc.sample(100 * MS);
        assertEquals(S, rfc.rto(), "RFC 6298 2.4: max(1 s, 300 ms)");
        RttEstimator linux = new RttEstimator(200 * MS, 120 * S, true);
        linux.sample(100 * MS);
        assertEquals(100 * MS + 200 * MS, linux.rto(), "Linux: SRTT + max(4*RTTVAR, 200 ms)");
    }

    @Test
    void backoffDoublesUpToTheMaximum_rfc6298_5_5() {
        RttEstimator e = new RttEstimator(S, 60 * S, false);
        long[] expected = {2, 4, 8, 16, 32, 60, 60};
        for (long x : expected) {
            e.backOff();
            assertEquals(x * S, e.rto());
        }
        e.sample(10 * MS);
        assertEquals(S, e.rto(), "a new sample clears the backoff");
    }

    private static Bulk blackHoledData(TcpConfig cfg, int lostTransmissions) {
        Bulk b = new Bulk(cfg, 10 * MS, 1000);
        int[] dropped = {0};
        b.net.dropIf = s -> s.isData() && s.srcAddr() == Bulk.A && dropped[0] < lostTransmissions && ++dropped[0] > 0;
        return b;
    }

    @Test
    void retransmissionsBackOffExponentially_rfc6298_5_5() {
        Bulk b = blackHoledData(TcpProfiles.rfc(), 4);
        b.net.runUntil(60 * S);
        List<Long> sends = b.sendTimes(Bulk.ISS + 1);
        // Sent at 20 ms; RTO = max(1 s, 20 ms + 4*10 ms) = 1 s, then 2, 4, 8 s.
        assertEquals(List.of(20 * MS, 1020 * MS, 3020 * MS, 7020 * MS, 15020 * MS), sends);
        assertEquals(4, b.client.conn.info().totalRetrans());
    }

    @Test
    void karnsRuleIgnoresAcksOfRetransmittedSegments_rfc6298_3() {
        Bulk b = blackHoledData(TcpProfiles.rfc(), 2);
        b.net.runUntil(5 * S);
        TcpInfo info = b.client.conn.info();
        assertEquals(20_000, info.rttUs(), "still the handshake's sample, not 3 s");
        assertEquals(4 * S / 1_000_000, info.rtoUs(), "the backed-off RTO is kept until a valid sample");
        b.client.send(100, null);
        b.net.runUntil(6 * S);
        assertEquals(S / 1_000_000, b.client.conn.info().rtoUs(), "a fresh sample resets the backoff");
    }

    @Test
    void timestampsGiveValidSamplesEvenForRetransmissions_rfc7323_4() {
        TcpConfig cfg = TcpProfiles.linux().with("quickack-segments", "0");
        Bulk b = blackHoledData(cfg, 1);
        b.net.runUntil(5 * S);
        TcpInfo info = b.client.conn.info();
        assertEquals(1, info.totalRetrans());
        assertTrue(info.rttUs() < 100_000, "the echoed timestamp belongs to the retransmission: " + info.rttUs());
    }

    @Test
    void connectionTimesOutAfterTheRetryLimit_rfc1122_4_2_3_5() {
        TcpConfig cfg = TcpProfiles.linux().with("retries", "3");
        Bulk b = blackHoledData(cfg, Integer.MAX_VALUE);
        b.net.runUntil(60 * S);
        assertEquals(TcpState.CLOSED, b.client.state());
        assertEquals(Errno.ETIMEDOUT, b.client.conn.error());
        assertTrue(b.client.events.contains(TcpEvent.TIMED_OUT));
        assertEquals(4, b.sendTimes(Bulk.ISS + 1).size(), "first transmission + 3 retries");
    }
}
