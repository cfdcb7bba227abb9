package org.sockeye.config;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/** Binds a host's {@code cpu:} and {@code nic:} blocks (see {@link CpuSpec}, {@link NicSpec}). */
final class MachineBinder {
    /** The cost keys of {@code cpu:}, in {@link CpuSpec}'s component order after cores and profile. */
    static final List<String> COST_KEYS = List.of("syscall", "copy-per-byte", "context-switch", "interrupt", "tcp-tx",
            "udp-tx", "ip-tx", "qdisc", "driver-tx", "driver-rx", "ip-rx", "tcp-rx", "udp-rx", "loopback", "unix-send",
            "unix-recv", "poll-per-fd", "epoll-per-event", "epoll-ctl");
    static final List<String> CPU_KEYS = com.google.common.collect.ImmutableList.<String>builder()
            .add("cores", "profile").addAll(COST_KEYS).build();
    static final List<String> NIC_KEYS = List.of("tx-ring", "rx-ring", "bus-rate", "dma-latency", "rx-usecs",
            "rx-frames", "napi-budget", "rss");
    private static final Map<String, String> PROFILES = Map.of(CpuSpec.LINUX_X86, CpuSpec.LINUX_X86, CpuSpec.FREE,
            CpuSpec.FREE);
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
        String profile = values.choice(f.scalar("profile"), "CPU profile", PROFILES, CpuSpec.LINUX_X86);
        CpuSpec base = CpuSpec.FREE.equals(profile) ? CpuSpec.free(cores) : CpuSpec.linuxX86(cores);
        long[] defaults = costs(base);
        long[] c = new long[COST_KEYS.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = values.time(f.scalar(COST_KEYS.get(i)), defaults[i]);
        }
        return new CpuSpec(cores, base.profile(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10],
                c[11], c[12], c[13], c[14], c[15], c[16], c[17], c[18]);
    }

    /** A spec's costs in {@link #COST_KEYS} order. */
    static long[] costs(CpuSpec s) {
        return new long[] {s.syscallPs(), s.copyPsPerByte(), s.contextSwitchPs(), s.interruptPs(), s.tcpTxPs(),
            s.udpTxPs(), s.ipTxPs(), s.qdiscPs(), s.driverTxPs(), s.driverRxPs(), s.ipRxPs(), s.tcpRxPs(), s.udpRxPs(),
            s.loopbackPs(), s.unixSendPs(), s.unixRecvPs(), s.pollPerFdPs(), s.epollPerEventPs(), s.epollCtlPs()};
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
