package org.sockeye.config;

/**
 * A TCP server that accepts every connection on {@code port} and reads everything sent to it,
 * counting it per flow. YAML type {@code tcp-sink}.
 */
public record TcpSinkSpec(String name, String node, long startPs, long stopPs, int port, int backlog)
        implements AppSpec {
}
