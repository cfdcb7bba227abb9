package org.sockeye.config;

/**
 * A node: a host (runs applications, terminates traffic) or a router (forwards by IPv4
 * destination; {@code switch} is accepted as a synonym in YAML).
 */
public record NodeSpec(String name, Kind kind) {
    public enum Kind { HOST, ROUTER }
}
