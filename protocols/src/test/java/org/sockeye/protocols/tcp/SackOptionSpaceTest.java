package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.protocols.tcp.TestNet.MS;
import static org.sockeye.protocols.tcp.TestNet.S;

import org.junit.jupiter.api.Test;

/**
 * A data segment sent while the sender holds the peer's data out of order carries SACK blocks
 * too; its payload shrinks by their option space (Linux tcp_current_mss), so that header and
 * payload still fit the MSS the peer announced and the packet its MTU.
 */
class SackOptionSpaceTest {
    private static final int A = 0x0a000001;
    private static final int B = 0x0a000002;

    @Test
    void dataSegmentsCarryingSackBlocksStillFitTheMtu() {
        TcpConfig cfg = TcpProfiles.linux().with("rcvbuf", "1m").with("sndbuf", "1m");
        TestNet net = new TestNet(1);
        net.delay = 5 * MS;
        int bytes = 400_000;
        int[] toServer = {bytes};
        int[] toClient = {bytes};
        net.listen(B, 80, cfg, 8, e -> e.onEvent = ev -> {
            while (e.read(1 << 20, null) > 0) {
                // drain
            }
            pump(e, toClient);
        });
        TestNet.Endpoint client = net.connect(A, 40000, B, 80, cfg);
        client.onEvent = ev -> {
            while (client.read(1 << 20, null) > 0) {
                // drain
            }
            pump(client, toServer);
        };
        // One of the client's data segments is lost once: the server then holds later data out of
        // order while it is sending its own.
        int[] dropped = {0};
        net.dropIf = s -> s.srcAddr() == A && s.isData() && s.seg().seq - (1000 + 40000 + 1) == 30 * 1448
                && dropped[0]++ == 0;
        net.runUntil(10 * S);
        assertTrue(dropped[0] >= 2, "the segment was lost once, then sent again");
        int withSack = 0;
        for (TestNet.Sent s : net.dataFrom(B)) {
            TcpSegment seg = s.seg();
            assertTrue(seg.headerLength() + seg.payloadLength <= cfg.mss() + 20,
                    "segment of " + seg.payloadLength + " B with " + seg.headerLength() + " B of header exceeds "
                            + "the MSS of " + cfg.mss());
            if (seg.sackCount > 0) {
                withSack++;
                assertTrue(seg.payloadLength <= 1448 - 12, "full segments lose the SACK option's 12 bytes");
            }
        }
        assertTrue(withSack > 0, "the server sent data while holding the client's out of order");
        assertEquals(0, toServer[0] + toClient[0], "both transfers complete");
    }

    private static void pump(TestNet.Endpoint e, int[] left) {
        while (left[0] > 0) {
            int n = e.send(left[0], null);
            if (n <= 0) {
                return;
            }
            left[0] -= n;
        }
    }
}
