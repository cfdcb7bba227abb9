package org.sockeye.pktdrill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpProfiles;

class SysctlsTest {
    private static final TcpConfig LINUX = TcpProfiles.linux();

    @Test
    void sysctlsMapToTcpConfigKeys() {
        Sysctls.Effect fx = Sysctls.apply("sysctl -q net.ipv4.tcp_sack=0; sysctl -q net.ipv4.tcp_timestamps=0",
                LINUX);
        assertFalse(fx.config().sack());
        assertFalse(fx.config().timestamps());
        assertTrue(fx.warnings().isEmpty(), fx.warnings().toString());
        TcpConfig c = Sysctls.apply("sysctl -q net.ipv4.tcp_rmem=\"4096 87380 6291456\"", LINUX).config();
        assertEquals(87380, c.rcvbuf());
        c = Sysctls.apply("set_sysctls.py /proc/sys/net/ipv4/tcp_wmem=\"4096 262144 4194304\" "
                + "/proc/sys/net/ipv4/tcp_congestion_control=reno", LINUX).config();
        assertEquals(262144, c.sndbuf());
        assertEquals("newreno", c.congestionControl()); // Linux reno recovers like NewReno (RFC 6582)
        assertEquals(250_000_000_000L, Sysctls.apply("sysctl -q net.ipv4.tcp_rto_min_us=250000", LINUX).config().minRto());
    }

    @Test
    void defaultsShResetsToTheLinuxProfile() {
        TcpConfig changed = LINUX.with("sack", "off");
        assertEquals(LINUX, Sysctls.apply("../common/defaults.sh", changed).config());
    }

    @Test
    void everythingElseOnlyWarns() {
        Sysctls.Effect fx = Sysctls.apply("rm -rf /; sysctl -q net.ipv4.tcp_fin_timeout=5; "
                + "sysctl -q net.ipv4.tcp_congestion_control=bbr", LINUX);
        assertEquals(LINUX, fx.config());
        assertEquals(3, fx.warnings().size(), fx.warnings().toString());
        assertTrue(fx.warnings().get(0).startsWith("not run: `rm -rf /`"), fx.warnings().get(0));
        assertTrue(fx.warnings().get(1).contains("tcp_fin_timeout"), fx.warnings().get(1));
        assertTrue(fx.warnings().get(2).contains("bbr"), fx.warnings().get(2));
    }
}
