package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.config.LoaderTestSupport.errors;
import static org.sockeye.config.LoaderTestSupport.load;
import static org.sockeye.config.LoaderTestSupport.valid;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.sim.Time;

class MachineBindingTest {
    /** VALID with {@code lines} added to host a. */
    private static String hostAWith(String lines) {
        return valid("  - name: a\n", "  - name: a\n" + lines);
    }

    @Test
    void hostsAreNotMachinesByDefault() {
        NodeSpec a = load(LoaderTestSupport.VALID).nodes().get(0);
        assertFalse(a.isMachine());
        assertNull(a.cpu());
        assertNull(a.nic());
    }

    @Test
    void cpuBlockOverridesTheLinuxProfile() {
        NodeSpec a = load(hostAWith("    cpu: {cores: 4, tcp-rx: 1.5us, context-switch: 3us}\n")).nodes().get(0);
        CpuSpec x = CpuSpec.linuxX86(4);
        assertEquals(new CpuSpec(4, CpuSpec.LINUX_X86, x.syscallPs(), x.copyPsPerByte(), 3_000_000, x.interruptPs(),
                x.tcpTxPs(), x.udpTxPs(), x.ipTxPs(), x.qdiscPs(), x.driverTxPs(), x.driverRxPs(), x.ipRxPs(), 1_500_000,
                x.udpRxPs(), x.loopbackPs(), x.unixSendPs(), x.unixRecvPs(), x.pollPerFdPs(), x.epollPerEventPs(),
                x.epollCtlPs()), a.cpu());
        assertTrue(a.isMachine());
    }

    @Test
    void nicBlockTakesEthtoolStyleMicrosecondsAndRxFramesFollowsRxUsecs() {
        NicSpec n = load(hostAWith("    nic: {rx-usecs: 50, rx-ring: 64, rss: on}\n")).nodes().get(0).nic();
        assertEquals(new NicSpec(256, 64, NicSpec.DEFAULT_BUS_RATE_BPS, NicSpec.DEFAULT_DMA_LATENCY_PS, 50 * Time.US,
                0, 64, true), n);
        NicSpec d = load(hostAWith("    nic: {bus-rate: 8Gbps}\n")).nodes().get(0).nic();
        assertEquals(1, d.rxFrames(), "rx-usecs 0 with rx-frames 1: coalescing off");
        assertEquals(8_000_000_000L, d.busRateBps());
    }

    @Test
    void unknownKeysAndRouterMachinesAreReported() {
        List<String> e = errors(hostAWith("    nic: {rx-usec: 5}\n"));
        assertTrue(e.stream().anyMatch(m -> m.contains("unknown key 'rx-usec' in nic") && m.contains("rx-usecs")),
                e.toString());
        List<String> r = errors(valid("    kind: router\n", "    kind: router\n    cpu: {cores: 2}\n"));
        assertTrue(r.stream().anyMatch(m -> m.contains("cpu settings belong on hosts")), r.toString());
    }

    @Test
    void hostSeriesTakeHostNames() {
        String yaml = LoaderTestSupport.VALID + "record:\n  cpu: [a]\n  interrupts: all\n";
        RecordSpec rec = load(yaml).record();
        assertTrue(rec.wants("cpu", "a"));
        assertFalse(rec.wants("cpu", "b"));
        assertTrue(rec.wants("interrupts", "b"));
        List<String> e = errors(LoaderTestSupport.VALID + "record:\n  cpu: [r]\n");
        assertTrue(e.stream().anyMatch(m -> m.contains("unknown host 'r'")), e.toString());
    }
}
