package org.sockeye.config;

/**
 * A bulk TCP sender (like iperf or ns-3's BulkSendApplication): connects to {@code to} and writes
 * as fast as the connection accepts, {@code bytes} in all (0 = unlimited), then closes.
 * YAML type {@code tcp-bulk}.
 *
 * @param writeSize bytes offered per write call
 */
public record TcpBulkSpec(String name, String node, long startPs, long stopPs, Endpoint to, int sourcePort,
        long bytes, int writeSize) implements AppSpec {
}
