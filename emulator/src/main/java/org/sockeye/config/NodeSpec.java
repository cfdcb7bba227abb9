package org.sockeye.config;

import java.util.Map;

/**
 * A node: a host (runs applications, terminates traffic) or a router (forwards by IPv4
 * destination; {@code switch} is accepted as a synonym in YAML).
 *
 * @param tcp the host's TCP settings as written under {@code tcp:}: {@code profile} (linux or
 *     rfc, default linux) and per-key overrides of that profile, in order; empty for defaults
 * @param cpu the host's CPU cost model, or null: packet processing costs no time
 * @param nic the host's NIC model, or null: packets go straight between stack and link
 * @param ephemeralPorts the host's ephemeral port range ({@code ephemeral-ports:}, Linux's
 *     net.ipv4.ip_local_port_range), or null for Linux's default 32768-60999
 * @param downPs when the node goes down ({@code down:}, a crash: it neither sends nor receives
 *     from then on, and no one is told), or {@link #NEVER}
 */
public record NodeSpec(String name, Kind kind, Map<String, String> tcp, CpuSpec cpu, NicSpec nic,
        PortRange ephemeralPorts, long downPs) {
    public enum Kind { HOST, ROUTER }

    /** {@link #downPs} of a node that stays up. */
    public static final long NEVER = -1;

    /** A range of ports, both ends included. */
    public record PortRange(int first, int last) {
        public int size() {
            return last - first + 1;
        }
    }

    public NodeSpec(String name, Kind kind, Map<String, String> tcp, CpuSpec cpu, NicSpec nic) {
        this(name, kind, tcp, cpu, nic, null);
    }

    public NodeSpec(String name, Kind kind, Map<String, String> tcp, CpuSpec cpu, NicSpec nic,
            PortRange ephemeralPorts) {
        this(name, kind, tcp, cpu, nic, ephemeralPorts, NEVER);
    }

    public NodeSpec(String name, Kind kind) {
        this(name, kind, Map.of());
    }

    public NodeSpec(String name, Kind kind, Map<String, String> tcp) {
        this(name, kind, tcp, null, null);
    }

    /** Whether this host is modelled as a machine (CPU and NIC); giving either block brings the other's defaults. */
    public boolean isMachine() {
        return cpu != null || nic != null;
    }
}
