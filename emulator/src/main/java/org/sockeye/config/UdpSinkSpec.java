package org.sockeye.config;

/**
 * UDP sink on a port: records per flow (source address and port) bytes, datagrams, loss,
 * one-way delay and jitter (RFC 3550 §6.4.1 interarrival jitter). YAML type {@code udp-sink}.
 */
public record UdpSinkSpec(String name, String node, long startPs, long stopPs, int port) implements AppSpec {
}
