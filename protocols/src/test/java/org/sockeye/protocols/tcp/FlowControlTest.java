package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.protocols.tcp.TestNet.MS;
import static org.sockeye.protocols.tcp.TestNet.S;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.protocols.Errno;

/** Receive window, window scaling, zero-window probing and keep-alive. */
class FlowControlTest {
    static final int A = Bulk.A;
    static final int B = Bulk.B;

    final TestNet net = new TestNet(1);
    final List<TestNet.Endpoint> servers = new ArrayList<>();

    @Test
    void zeroWindowIsProbedWithBackoffUntilTheReaderCatchesUp_rfc9293_3_8_6_1() {
        TcpConfig server = TcpProfiles.rfc().with("rcvbuf", "4096");
        TcpConfig client = TcpProfiles.rfc();
        net.listen(B, 80, server, 8, servers::add);
        TestNet.Endpoint c = net.connect(A, 40000, B, 80, client);
        net.runUntil(100 * MS);
        assertEquals(20_000, c.send(20_000, null));
        net.runUntil(20 * S);
        TestNet.Endpoint s = servers.get(0);
        assertEquals(4096, s.conn.readable(), "the sender never overruns the advertised window");
        assertEquals(0, s.conn.info().rcvWnd());
        List<Long> probes = new ArrayList<>();
        for (TestNet.Sent x : net.from(A)) {
            if (x.seg().payloadLength == 0 && x.time() > 100 * MS) {
                probes.add(x.time());
            }
        }
        assertTrue(probes.size() >= 3, "persist probes: " + probes);
        long gap1 = probes.get(1) - probes.get(0);
        long gap2 = probes.get(2) - probes.get(1);
        assertEquals(2 * gap1, gap2, "probe interval backs off");
        // The application reads: a window update reopens the flow.
        s.onEvent = ev -> {
            while (s.read(1 << 16, null) > 0) {
                // drain
            }
        };
        while (s.read(1 << 16, null) > 0) {
            // drain
        }
        net.runUntil(40 * S);
        assertEquals(20_000, s.conn.info().bytesReceived());
        assertEquals(20_000, c.conn.info().bytesAcked());
    }

    @Test
    void aWindowRoundedUpToItsScaleIsTakenWholeWhenTheReaderStops_rfc7323_2_3() {
        // rcvbuf 100 000 is no multiple of 2^7: as the buffer fills, the window that must not
        // shrink is rounded up past it, and the receiver must still take all the window offered.
        TcpConfig server = TcpProfiles.linux().with("rcvbuf", "100000");
        net.listen(B, 80, server, 8, servers::add);
        TestNet.Endpoint c = net.connect(A, 40000, B, 80, TcpProfiles.linux().with("sndbuf", "300000"));
        net.runUntil(100 * MS);
        TestNet.Endpoint s = servers.get(0);
        assertEquals(300_000, c.send(300_000, null)); // the server never reads
        net.runUntil(5 * S);
        assertEquals(0, c.conn.info().timeouts(), "nothing the window offered was dropped, so no timeout");
        assertEquals(0, c.conn.info().totalRetrans());
        long taken = s.conn.info().bytesReceived();
        assertEquals(c.conn.info().bytesAcked(), taken);
        // Each ACK may round the edge up again (Linux's ALIGN(cur_win) does the same), so the
        // window creeps past rcvbuf by a little per segment, never past the buffer's slack.
        assertTrue(taken >= 100_000 && taken < 100_000 + (1 << 14), "the buffer's worth, plus the rounding: " + taken);
    }

    @Test
    void windowScalingAdvertisesMoreThan64KiB_rfc7323_2() {
        TcpConfig cfg = TcpProfiles.linux().with("rcvbuf", "1m");
        net.listen(B, 80, cfg, 8, servers::add);
        TestNet.Endpoint c = net.connect(A, 40000, B, 80, cfg);
        net.runUntil(100 * MS);
        c.send(1000, null);
        net.runUntil(200 * MS);
        TcpInfo info = c.conn.info();
        List<TestNet.Sent> fromServer = net.from(B);
        TcpSegment last = fromServer.get(fromServer.size() - 1).seg();
        assertEquals(last.window << 7, info.sndWnd(), "peer window field << its shift");
        assertTrue(info.sndWnd() > 65535);
        assertEquals(((1 << 20) - 1000) >> 7, last.window, "1 MiB minus 1000 unread bytes, scaled down");
    }

    @Test
    void windowIsNotScaledWithoutTheOption() {
        TcpConfig cfg = TcpProfiles.linux().with("rcvbuf", "1m").with("window-scaling", "off");
        net.listen(B, 80, cfg, 8, servers::add);
        TestNet.Endpoint c = net.connect(A, 40000, B, 80, cfg);
        net.runUntil(100 * MS);
        assertEquals(65535, c.conn.info().sndWnd());
    }

    private TestNet.Endpoint keepaliveClient() {
        TcpConfig cfg = TcpProfiles.linux();
        net.listen(B, 80, cfg, 8, servers::add);
        TestNet.Endpoint c = net.connect(A, 40000, B, 80, cfg);
        net.runUntil(100 * MS);
        c.set(TcpOption.KEEPIDLE, 10);
        c.set(TcpOption.KEEPINTVL, 1);
        c.set(TcpOption.KEEPCNT, 3);
        c.set(TcpOption.KEEPALIVE, 1);
        return c;
    }

    @Test
    void keepaliveProbesAnIdlePeerAndKeepsTheConnection_rfc1122_4_2_3_6() {
        TestNet.Endpoint c = keepaliveClient();
        net.runUntil(35 * S);
        assertEquals(TcpState.ESTABLISHED, c.state());
        long probes = net.from(A).stream().filter(x -> x.time() > 100 * MS).count();
        assertEquals(3, probes, "one probe per idle period of 10 s, each answered");
    }

    @Test
    void keepaliveDropsADeadPeer_rfc1122_4_2_3_6() {
        TestNet.Endpoint c = keepaliveClient();
        net.dropIf = x -> x.srcAddr() == B;
        net.runUntil(60 * S);
        assertEquals(TcpState.CLOSED, c.state());
        assertEquals(Errno.ETIMEDOUT, c.conn.error());
        // Probes at 10.02, 11.02 and 12.02 s, give-up (with RST) at 13.02 s.
        assertEquals(10_020 * MS + 3 * S, c.firstTime(TcpEvent.TIMED_OUT));
    }
}
