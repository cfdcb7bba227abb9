package org.sockeye.config;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/** Binds a host's {@code cpu:} and {@code nic:} blocks (see {@link CpuSpec}, {@link NicSpec}). */
final class MachineBinder {
    static final List<String> CPU_KEYS = List.of("cores", "profile", "tx-packet", "rx-packet", "copy-per-byte",
            "syscall", "interrupt");
    static final List<String> NIC_KEYS = List.of("tx-ring", "rx-ring", "bus-rate", "dma-latency", "rx-usecs",
            "rx-frames", "napi-budget", "rss");
    private static final Map<String, String> PROFILES = Map.of(CpuSpec.LINUX_X86, CpuSpec.LINUX_X86);
    private static final Map<String, Boolean> SWITCH = ImmutableMap.of("on", true, "off", false, "true", true,
            "false", false);
    private static final int MAX_CORES = 1024;
    private static final int MAX_RING = 1 << 16;

    private final ValueReader values;

    MachineBinder(ValueReader values) {
        this.values = values;
    }

    /** The CPU spec of a {@code cpu:} block, or null if absent. */
    CpuSpec cpu(YamlNode node) {
        YamlMap m = node == null ? null : values.map(node, "cpu");
        if (m == null) {
            return null;
        }
        MapFields f = new MapFields(m, "cpu", CPU_KEYS, values.errors());
        int cores = (int) values.integer(f.scalar("cores"), "cores", 1, MAX_CORES, 1);
        values.choice(f.scalar("profile"), "CPU profile", PROFILES, CpuSpec.LINUX_X86);
        CpuSpec base = CpuSpec.linuxX86(cores);
        return new CpuSpec(cores, base.profile(),
                values.time(f.scalar("tx-packet"), base.txPacketPs()),
                values.time(f.scalar("rx-packet"), base.rxPacketPs()),
                values.time(f.scalar("copy-per-byte"), base.copyPsPerByte()),
                values.time(f.scalar("syscall"), base.syscallPs()),
                values.time(f.scalar("interrupt"), base.interruptPs()));
    }

    /** The NIC spec of a {@code nic:} block, or null if absent. */
    NicSpec nic(YamlNode node) {
        YamlMap m = node == null ? null : values.map(node, "nic");
        if (m == null) {
            return null;
        }
        MapFields f = new MapFields(m, "nic", NIC_KEYS, values.errors());
        NicSpec d = NicSpec.defaults();
        long rxUsecs = microseconds(f.scalar("rx-usecs"), 0);
        long busRate = values.rate(f.scalar("bus-rate"), d.busRateBps());
        YamlScalar busNode = f.scalar("bus-rate");
        if (busNode != null && busRate <= 0) {
            values.errors().at(busNode, "bus-rate must be positive");
            busRate = d.busRateBps();
        }
        return new NicSpec(
                (int) values.integer(f.scalar("tx-ring"), "tx-ring", 1, MAX_RING, d.txRing()),
                (int) values.integer(f.scalar("rx-ring"), "rx-ring", 1, MAX_RING, d.rxRing()),
                busRate,
                values.time(f.scalar("dma-latency"), d.dmaLatencyPs()),
                rxUsecs,
                (int) values.integer(f.scalar("rx-frames"), "rx-frames", 0, MAX_RING,
                        NicSpec.defaultRxFrames(rxUsecs)),
                (int) values.integer(f.scalar("napi-budget"), "napi-budget", 1, MAX_RING, d.napiBudget()),
                values.choice(f.scalar("rss"), "rss setting", SWITCH, false));
    }

    /** A plain number is microseconds, as ethtool takes it; a value with a unit is a time. */
    private long microseconds(YamlScalar s, long fallback) {
        if (s != null && !s.text().isEmpty() && s.text().chars().allMatch(Character::isDigit)) {
            return values.integer(s, "rx-usecs", 0, 1_000_000, fallback) * 1_000_000L;
        }
        return values.time(s, fallback);
    }
}
