package org.sockeye.config;

import java.util.Map;

/**
 * A node: a host (runs applications, terminates traffic) or a router (forwards by IPv4
 * destination; {@code switch} is accepted as a synonym in YAML).
 *
 * @param tcp the host's TCP settings as written under {@code tcp:}: {@code profile} (linux or
 *     rfc, default linux) and per-key overrides of that profile, in order; empty for defaults
 */
public record NodeSpec(String name, Kind kind, Map<String, String> tcp) {
    public enum Kind { HOST, ROUTER }

    public NodeSpec(String name, Kind kind) {
        this(name, kind, Map.of());
    }
}
