package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.protocols.tcp.TestNet.MS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nagle (RFC 896, RFC 1122 §4.2.3.4), cork, and delayed ACKs (RFC 1122 §4.2.3.2, RFC 5681 §4.2). */
class NagleAndDelayedAckTest {
    static final int A = Bulk.A;
    static final int B = Bulk.B;

    final TestNet net = new TestNet(1);
    final List<TestNet.Endpoint> servers = new ArrayList<>();

    TestNet.Endpoint connect(TcpConfig cfg) {
        net.listen(B, 80, cfg, 8, servers::add);
        TestNet.Endpoint c = net.connect(A, 40000, B, 80, cfg);
        net.runUntil(100 * MS);
        return c;
    }

    List<Long> dataTimesFrom(int addr) {
        List<Long> r = new ArrayList<>();
        for (TestNet.Sent s : net.dataFrom(addr)) {
            r.add(s.time());
        }
        return r;
    }

    List<TestNet.Sent> pureAcksFrom(int addr, long after) {
        List<TestNet.Sent> r = new ArrayList<>();
        for (TestNet.Sent s : net.from(addr)) {
            if (s.time() > after && s.seg().flags == TcpSegment.ACK && s.seg().payloadLength == 0) {
                r.add(s);
            }
        }
        return r;
    }

    @Test
    void nagleHoldsASmallSegmentWhileDataIsUnacked_rfc896() {
        TestNet.Endpoint c = connect(TcpProfiles.rfc().with("delayed-ack", "off"));
        c.send(100, null);
        c.send(100, null);
        net.runUntil(200 * MS);
        assertEquals(List.of(100 * MS, 120 * MS), dataTimesFrom(A), "second write waits for the first ACK");
    }

    @Test
    void nodelaySendsSmallSegmentsAtOnce_rfc1122_4_2_3_4() {
        TestNet.Endpoint c = connect(TcpProfiles.rfc().with("delayed-ack", "off"));
        c.set(TcpOption.NODELAY, 1);
        c.send(100, null);
        c.send(100, null);
        net.runUntil(200 * MS);
        assertEquals(List.of(100 * MS, 100 * MS), dataTimesFrom(A));
    }

    @Test
    void nagleSendsFullSegmentsRegardless() {
        TestNet.Endpoint c = connect(TcpProfiles.rfc().with("delayed-ack", "off"));
        c.send(100, null);
        c.send(1460 * 2, null);
        net.runUntil(100 * MS);
        assertEquals(3, dataTimesFrom(A).size(), "small one, then two full segments; the 100-byte tail waits");
    }

    /** Client writes a request in two pieces, server answers once it has both: returns the latency. */
    long writeWriteRead(TcpConfig cfg, boolean nodelay) {
        net.listen(B, 80, cfg, 8, e -> {
            servers.add(e);
            e.onEvent = ev -> {
                if (ev == TcpEvent.READABLE && e.conn.readable() >= 200) {
                    e.read(200, null);
                    e.send(100, null);
                }
            };
        });
        TestNet.Endpoint c = net.connect(A, 40000, B, 80, cfg);
        net.runUntil(100 * MS);
        if (nodelay) {
            c.set(TcpOption.NODELAY, 1);
        }
        long start = net.now;
        c.send(100, null);
        c.send(100, null);
        net.runUntil(2000 * MS);
        assertTrue(c.events.contains(TcpEvent.READABLE));
        return c.eventTimes.get(c.events.lastIndexOf(TcpEvent.READABLE)) - start;
    }

    @Test
    void writeWriteReadStallsForTheDelayedAckTimeout_rfc1122_4_2_3_2() {
        // 10 ms + 200 ms delayed ACK + 10 ms, then the second piece and the answer: 240 ms.
        assertEquals(240 * MS, writeWriteRead(TcpProfiles.rfc(), false));
    }

    @Test
    void nodelayRemovesTheWriteWriteReadStall() {
        assertEquals(20 * MS, writeWriteRead(TcpProfiles.rfc(), true), "one round trip");
    }

    @Test
    void linuxStallsForItsFortyMillisecondDelayedAck() {
        TcpConfig linux = TcpProfiles.linux().with("quickack-segments", "0");
        assertEquals(80 * MS, writeWriteRead(linux, false), "10 + 40 + 10 + 20 ms");
    }

    @Test
    void loneSegmentIsAckedAfterTheDelayedAckTimeout_rfc1122_4_2_3_2() {
        TestNet.Endpoint c = connect(TcpProfiles.rfc());
        c.send(100, null);
        net.runUntil(1000 * MS);
        List<TestNet.Sent> acks = pureAcksFrom(B, 100 * MS);
        assertEquals(1, acks.size());
        assertEquals(110 * MS + 200 * MS, acks.get(0).time());
    }

    @Test
    void everySecondFullSegmentIsAckedAtOnce_rfc5681_4_2() {
        TestNet.Endpoint c = connect(TcpProfiles.linux().with("quickack-segments", "0"));
        c.send(4 * 1448, null);
        net.runUntil(105 * MS);
        net.runUntil(110 * MS);
        List<TestNet.Sent> acks = pureAcksFrom(B, 100 * MS);
        assertEquals(2, acks.size(), "one ACK per two full-sized segments");
        assertEquals(110 * MS, acks.get(0).time());
        assertEquals(110 * MS, acks.get(1).time());
    }

    @Test
    void linuxQuickAckModeAcksEverySegmentAtConnectionStart() {
        TestNet.Endpoint c = connect(TcpProfiles.linux());
        c.send(4 * 1448, null);
        net.runUntil(110 * MS);
        assertEquals(4, pureAcksFrom(B, 100 * MS).size());
    }

    @Test
    void quickAckOptionAcksEverySegment() {
        TcpConfig cfg = TcpProfiles.linux().with("quickack-segments", "0");
        net.listen(B, 80, cfg, 8, e -> {
            e.set(TcpOption.QUICKACK, 1);
            servers.add(e);
        });
        TestNet.Endpoint c = net.connect(A, 40000, B, 80, cfg);
        net.runUntil(100 * MS);
        c.send(4 * 1448, null);
        net.runUntil(110 * MS);
        assertEquals(4, pureAcksFrom(B, 100 * MS).size());
    }

    @Test
    void outOfOrderSegmentIsAckedImmediately_rfc5681_4_2() {
        TestNet.Endpoint c = connect(TcpProfiles.rfc());
        int lost = Bulk.ISS + 1;
        boolean[] once = {false};
        net.dropIf = s -> s.isData() && s.seg().seq == lost && !once[0] && (once[0] = true);
        c.set(TcpOption.NODELAY, 1);
        c.send(100, null);
        c.send(100, null);
        net.runUntil(111 * MS);
        List<TestNet.Sent> acks = pureAcksFrom(B, 100 * MS);
        assertEquals(1, acks.size(), "a duplicate ACK at once");
        assertEquals(lost, acks.get(0).seg().ack);
    }

    @Test
    void corkHoldsPartialSegmentsUntilUncorked_linux() {
        TestNet.Endpoint c = connect(TcpProfiles.linux());
        c.set(TcpOption.CORK, 1);
        c.send(100, null);
        c.send(100, null);
        net.runUntil(150 * MS);
        assertTrue(dataTimesFrom(A).isEmpty());
        c.set(TcpOption.CORK, 0);
        assertEquals(List.of(150 * MS), dataTimesFrom(A));
        assertEquals(200, net.dataFrom(A).get(0).seg().payloadLength, "both writes coalesced");
    }

    @Test
    void corkedDataLeavesAfter200Milliseconds_linux() {
        TestNet.Endpoint c = connect(TcpProfiles.linux());
        c.set(TcpOption.CORK, 1);
        c.send(100, null);
        net.runUntil(1000 * MS);
        assertEquals(List.of(300 * MS), dataTimesFrom(A));
    }

    @Test
    void msgMoreHoldsUntilAWriteWithoutIt_linux() {
        TestNet.Endpoint c = connect(TcpProfiles.linux());
        c.conn.send(net.now, 100, null, TcpConnection.MSG_MORE, c);
        assertTrue(dataTimesFrom(A).isEmpty());
        c.send(50, null);
        assertEquals(150, net.dataFrom(A).get(0).seg().payloadLength);
    }
}
