package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TcpConfigTest {
    @Test
    void linuxProfileMatchesKernelDefaults() {
        TcpConfig c = TcpProfiles.linux();
        assertEquals(10 * 1448, c.initialWindowBytes(1448), "RFC 6928 IW10");
        assertEquals(200 * TestNet.MS, c.minRto());
        assertEquals(40 * TestNet.MS, c.delayedAck());
        assertEquals("cubic", c.congestionControl());
        assertTrue(c.sack() && c.timestamps() && c.windowScaling());
        assertEquals(60 * TestNet.S, c.timeWait());
        assertEquals(131072, c.rcvbuf());
        assertEquals(16384, c.sndbuf());
        assertEquals(7, c.effectiveWindowScale());
    }

    @Test
    void rfcProfileFollowsTheRfcs() {
        TcpConfig c = TcpProfiles.rfc();
        assertEquals(4380, c.initialWindowBytes(1460), "RFC 5681 §3.1: min(4*MSS, max(2*MSS, 4380))");
        assertEquals(4 * 536, c.initialWindowBytes(536));
        assertEquals(2 * 2200, c.initialWindowBytes(2200));
        assertEquals(TestNet.S, c.minRto(), "RFC 6298 §2.4");
        assertEquals(200 * TestNet.MS, c.delayedAck());
        assertEquals("newreno", c.congestionControl());
        assertFalse(c.sack() || c.timestamps() || c.windowScaling());
        assertEquals(4 * 60 * TestNet.S, c.timeWait(), "2*MSL, MSL = 2 min (RFC 9293 §3.4.2)");
        assertEquals(0, c.effectiveWindowScale());
    }

    @Test
    void overridesByName() {
        TcpConfig c = TcpProfiles.linux().with("min-rto", "1s").with("initial-window", "4")
                .with("delayed-ack", "off").with("congestion-control", "reno").with("sack", "off")
                .with("rcvbuf", "1m").with("time-wait", "30ms");
        assertEquals(TestNet.S, c.minRto());
        assertEquals(4, c.initialWindow());
        assertEquals(0, c.delayedAck());
        assertEquals("reno", c.congestionControl());
        assertFalse(c.sack());
        assertEquals(1 << 20, c.rcvbuf());
        assertEquals(30 * TestNet.MS, c.timeWait());
        assertEquals(TcpProfiles.linux().mss(), c.mss(), "other keys untouched");
    }

    @Test
    void unknownKeyListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TcpProfiles.linux().with("no-such-key", "1"));
        assertTrue(e.getMessage().contains("initial-window") && e.getMessage().contains("min-rto"), e.getMessage());
    }

    @Test
    void badValuesAndAlgorithmsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TcpProfiles.linux().with("sack", "maybe"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TcpProfiles.linux().with("congestion-control", "bbr"));
        assertTrue(e.getMessage().contains("cubic"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TcpProfiles.byName("windows"));
    }

    @Test
    void recoveryIsPrrOnLinuxAndInflationPerRfc_rfc6937() {
        assertEquals(RecoveryWindow.PRR, TcpProfiles.linux().recovery(), "Linux since 3.2");
        assertEquals(RecoveryWindow.INFLATION, TcpProfiles.rfc().recovery(), "RFC 5681 §3.2 / RFC 6582");
        assertEquals(RecoveryWindow.PRR, TcpProfiles.rfc().with("recovery", "PRR").recovery());
        assertEquals(RecoveryWindow.INFLATION, TcpProfiles.linux().with("recovery", "inflation").recovery());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TcpProfiles.linux().with("recovery", "rack"));
        assertTrue(e.getMessage().contains("prr or inflation"), e.getMessage());
        assertTrue(TcpConfig.keys().contains("recovery"));
    }
}
