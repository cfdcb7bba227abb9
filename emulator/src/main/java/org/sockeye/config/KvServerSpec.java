package org.sockeye.config;

/**
 * {@code kv-server}: a Redis-like single-threaded key-value server; each GET and SET costs
 * {@code getPs} / {@code setPs} of CPU on the server's core besides its system calls.
 */
public record KvServerSpec(String name, String node, long startPs, long stopPs, ListenSpec listen, long getPs,
        long setPs) implements AppSpec {
}
