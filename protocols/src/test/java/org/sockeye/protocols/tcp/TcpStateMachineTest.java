package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.protocols.tcp.TestNet.MS;
import static org.sockeye.protocols.tcp.TestNet.S;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.protocols.Errno;

/** Connection states and their transitions (RFC 9293 §3.3.2, §3.5, §3.6, §3.10). Delay 10 ms each way. */
class TcpStateMachineTest {
    static final int A = 0x0a000001;
    static final int B = 0x0a000002;

    final TestNet net = new TestNet(1);
    final List<TestNet.Endpoint> accepted = new ArrayList<>();

    TestNet.Endpoint open(TcpConfig client, TcpConfig server) {
        net.listen(B, 80, server, 16, accepted::add);
        return net.connect(A, 40000, B, 80, client);
    }

    @Test
    void threeWayHandshake_rfc9293_3_5() {
        TcpConfig linux = TcpProfiles.linux();
        TestNet.Endpoint c = open(linux, linux);
        assertEquals(TcpState.SYN_SENT, c.state());
        net.runUntil(15 * MS);
        assertEquals(TcpState.SYN_RECEIVED, net.endpoint(new ConnectionId(B, 80, A, 40000)).state());
        net.runUntil(25 * MS);
        assertEquals(TcpState.ESTABLISHED, c.state());
        assertEquals(20 * MS, c.firstTime(TcpEvent.CONNECTED));
        net.runUntil(35 * MS);
        assertEquals(1, accepted.size());
        assertEquals(TcpState.ESTABLISHED, accepted.get(0).state());
        List<TestNet.Sent> log = net.log;
        assertEquals(TcpSegment.SYN, log.get(0).seg().flags);
        assertEquals(TcpSegment.SYN | TcpSegment.ACK, log.get(1).seg().flags);
        assertEquals(log.get(0).seg().seq + 1, log.get(1).seg().ack);
        assertEquals(TcpSegment.ACK, log.get(2).seg().flags);
        assertEquals(log.get(1).seg().seq + 1, log.get(2).seg().ack);
        TcpInfo info = c.conn.info();
        assertTrue(info.sack() && info.timestamps());
        assertEquals(7, info.sndWscale());
        assertEquals(1448, info.sndMss(), "1460 minus 12 bytes of timestamps");
    }

    @Test
    void optionsAreOnlyUsedWhenBothSidesOfferThem_rfc7323_rfc2018() {
        TestNet.Endpoint c = open(TcpProfiles.linux(), TcpProfiles.rfc());
        net.runUntil(50 * MS);
        TcpInfo info = c.conn.info();
        assertFalse(info.sack() || info.timestamps());
        assertEquals(0, info.sndWscale());
        assertEquals(1460, info.sndMss());
        TcpSegment synAck = net.log.get(1).seg();
        assertEquals(-1, synAck.windowScale);
        assertFalse(synAck.sackPermitted || synAck.hasTimestamps);
    }

    @Test
    void activeCloseGoesThroughFinWait1FinWait2TimeWait_rfc9293_3_6() {
        TcpConfig cfg = TcpProfiles.linux().with("time-wait", "1s");
        TestNet.Endpoint c = open(cfg, cfg);
        net.runUntil(100 * MS);
        TestNet.Endpoint s = accepted.get(0);
        c.close();
        assertEquals(TcpState.FIN_WAIT_1, c.state());
        net.runUntil(115 * MS);
        assertEquals(TcpState.CLOSE_WAIT, s.state());
        assertTrue(s.events.contains(TcpEvent.PEER_FIN));
        assertEquals(TcpConnection.EOF, s.read(100, null));
        net.runUntil(125 * MS);
        assertEquals(TcpState.FIN_WAIT_2, c.state());
        s.close();
        assertEquals(TcpState.LAST_ACK, s.state());
        net.runUntil(135 * MS);
        assertEquals(TcpState.TIME_WAIT, c.state());
        net.runUntil(145 * MS);
        assertEquals(TcpState.CLOSED, s.state());
        net.runUntil(135 * MS + S - MS);
        assertEquals(TcpState.TIME_WAIT, c.state(), "TIME_WAIT lasts the configured 2*MSL");
        net.runUntil(135 * MS + S);
        assertEquals(TcpState.CLOSED, c.state());
        assertTrue(c.events.contains(TcpEvent.CLOSED));
    }

    @Test
    void simultaneousCloseGoesThroughClosing_rfc9293_3_6_figure13() {
        TcpConfig cfg = TcpProfiles.rfc().with("time-wait", "1s");
        TestNet.Endpoint c = open(cfg, cfg);
        net.runUntil(100 * MS);
        TestNet.Endpoint s = accepted.get(0);
        c.close();
        s.close();
        assertEquals(TcpState.FIN_WAIT_1, c.state());
        assertEquals(TcpState.FIN_WAIT_1, s.state());
        net.runUntil(105 * MS + 5 * MS);
        assertEquals(TcpState.CLOSING, c.state());
        assertEquals(TcpState.CLOSING, s.state());
        net.runUntil(125 * MS);
        assertEquals(TcpState.TIME_WAIT, c.state());
        assertEquals(TcpState.TIME_WAIT, s.state());
        net.runUntil(2 * S);
        assertEquals(TcpState.CLOSED, c.state());
        assertEquals(TcpState.CLOSED, s.state());
    }

    @Test
    void simultaneousOpen_rfc9293_3_5_figure8() {
        TcpConfig cfg = TcpProfiles.linux();
        TestNet.Endpoint a = net.connect(A, 1000, B, 2000, cfg);
        TestNet.Endpoint b = net.connect(B, 2000, A, 1000, cfg);
        net.runUntil(15 * MS);
        assertEquals(TcpState.SYN_RECEIVED, a.state());
        assertEquals(TcpState.SYN_RECEIVED, b.state());
        net.runUntil(25 * MS);
        assertEquals(TcpState.ESTABLISHED, a.state());
        assertEquals(TcpState.ESTABLISHED, b.state());
        byte[] msg = "hello".getBytes();
        a.send(msg.length, msg);
        net.runUntil(100 * MS);
        byte[] got = new byte[5];
        assertEquals(5, b.read(5, got));
        assertArrayEquals(msg, got);
    }

    @Test
    void halfCloseStillDeliversDataTheOtherWay_rfc9293_3_6() {
        TcpConfig cfg = TcpProfiles.linux();
        TestNet.Endpoint c = open(cfg, cfg);
        net.runUntil(100 * MS);
        TestNet.Endpoint s = accepted.get(0);
        c.shutdown();
        net.runUntil(200 * MS);
        assertEquals(TcpState.FIN_WAIT_2, c.state());
        assertEquals(TcpState.CLOSE_WAIT, s.state());
        assertEquals(3000, s.send(3000, null));
        net.runUntil(300 * MS);
        assertEquals(3000, c.read(10000, null));
        assertTrue(c.send(10, null) < 0, "no sending after shutdown");
    }

    @Test
    void connectToClosedPortIsRefused_rfc9293_3_10_7_1() {
        TestNet.Endpoint c = net.connect(A, 40000, B, 81, TcpProfiles.linux());
        net.runUntil(100 * MS);
        assertEquals(TcpState.CLOSED, c.state());
        assertTrue(c.events.contains(TcpEvent.RESET));
        assertEquals(Errno.ECONNREFUSED, c.conn.error());
        assertEquals(-Errno.ECONNREFUSED.code, c.read(10, null));
    }

    @Test
    void closeWithUnreadDataSendsReset_rfc2525_2_17() {
        TcpConfig cfg = TcpProfiles.linux();
        TestNet.Endpoint c = open(cfg, cfg);
        net.runUntil(100 * MS);
        TestNet.Endpoint s = accepted.get(0);
        c.send(100, null);
        net.runUntil(200 * MS);
        assertEquals(100, s.conn.readable());
        s.close();
        assertEquals(TcpState.CLOSED, s.state());
        assertTrue(net.log.get(net.log.size() - 1).seg().has(TcpSegment.RST));
        net.runUntil(300 * MS);
        assertEquals(TcpState.CLOSED, c.state());
        assertEquals(Errno.ECONNRESET, c.conn.error());
        assertTrue(c.events.contains(TcpEvent.RESET));
    }

    @Test
    void abortSendsResetFromEstablished_rfc9293_3_10_5() {
        TcpConfig cfg = TcpProfiles.rfc();
        TestNet.Endpoint c = open(cfg, cfg);
        net.runUntil(100 * MS);
        c.conn.abort(net.now, c);
        assertEquals(TcpState.CLOSED, c.state());
        net.runUntil(200 * MS);
        assertEquals(TcpState.CLOSED, accepted.get(0).state());
        assertEquals(Errno.ECONNRESET, accepted.get(0).conn.error());
    }

    @Test
    void outOfWindowResetDrawsChallengeAck_rfc5961_3_2() {
        TcpConfig cfg = TcpProfiles.linux();
        TestNet.Endpoint c = open(cfg, cfg);
        net.runUntil(100 * MS);
        TcpSegment ack = net.log.get(2).seg();
        TcpSegment rst = new TcpSegment();
        rst.srcPort = 80;
        rst.dstPort = 40000;
        rst.flags = TcpSegment.RST;
        rst.seq = net.log.get(1).seg().seq + 1 + 100; // in window, not RCV.NXT
        int before = net.log.size();
        net.inject(c, rst);
        assertEquals(TcpState.ESTABLISHED, c.state());
        assertEquals(before + 1, net.log.size());
        assertEquals(TcpSegment.ACK, net.log.get(before).seg().flags, "challenge ACK");
        rst.seq = ack.ack;
        net.inject(c, rst);
        assertEquals(TcpState.CLOSED, c.state());
    }

    @Test
    void synRetransmissionsBackOffThenTimeOut_rfc6298_5_5() {
        net.dropIf = s -> true;
        TestNet.Endpoint c = net.connect(A, 40000, B, 80, TcpProfiles.linux());
        net.runUntil(1000 * S);
        List<TestNet.Sent> syns = net.from(A);
        assertEquals(7, syns.size(), "first SYN + tcp_syn_retries (6)");
        long[] expected = {0, 1, 3, 7, 15, 31, 63};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] * S, syns.get(i).time(), "SYN " + i);
        }
        assertEquals(127 * S, c.firstTime(TcpEvent.TIMED_OUT));
        assertEquals(Errno.ETIMEDOUT, c.conn.error());
        assertEquals(TcpState.CLOSED, c.state());
    }

    @Test
    void listenerDropsSynsWhenAcceptQueueIsFull_linux() {
        TcpConfig cfg = TcpProfiles.linux();
        TcpListener l = net.listen(B, 80, cfg, 1, null);
        TestNet.Endpoint c1 = net.connect(A, 40001, B, 80, cfg);
        net.runUntil(100 * MS);
        TestNet.Endpoint c2 = net.connect(A, 40002, B, 80, cfg);
        net.runUntil(200 * MS);
        TestNet.Endpoint c3 = net.connect(A, 40003, B, 80, cfg);
        net.runUntil(300 * MS);
        assertEquals(2, l.acceptQueueLength(), "Linux admits backlog + 1");
        assertEquals(1, l.droppedSyns());
        assertEquals(TcpState.SYN_SENT, c3.state());
        TcpConnection first = l.accept();
        assertNotNull(first);
        assertEquals(c1.id.localPort(), first.id().remotePort());
        assertNotNull(l.accept());
        assertNull(l.accept());
        net.runUntil(1500 * MS);
        assertEquals(TcpState.ESTABLISHED, c3.state(), "retransmitted SYN admitted after accept()");
        assertEquals(TcpState.ESTABLISHED, c2.state());
    }

    @Test
    void timeWaitReacksRetransmittedFin_rfc9293_3_10_7_4() {
        TcpConfig cfg = TcpProfiles.rfc().with("time-wait", "10s");
        TestNet.Endpoint c = open(cfg, cfg);
        net.runUntil(100 * MS);
        TestNet.Endpoint s = accepted.get(0);
        // Lose the client's final ACK once: the server retransmits its FIN after its RTO.
        boolean[] dropped = {false};
        net.dropIf = x -> {
            if (!dropped[0] && x.srcAddr() == A && x.seg().flags == TcpSegment.ACK && s.state() == TcpState.LAST_ACK) {
                dropped[0] = true;
                return true;
            }
            return false;
        };
        c.close();
        net.runUntil(200 * MS);
        s.close();
        net.runUntil(300 * MS);
        assertEquals(TcpState.TIME_WAIT, c.state());
        assertEquals(TcpState.LAST_ACK, s.state());
        net.runUntil(3 * S);
        assertTrue(dropped[0]);
        assertEquals(TcpState.CLOSED, s.state(), "the re-ACK from TIME_WAIT closes the server");
        assertEquals(TcpState.TIME_WAIT, c.state());
    }
}
