package org.sockeye.config;

/**
 * {@code kv-client}: {@code connect.connections()} closed-loop clients, each with
 * {@code pipeline} requests in flight, GET with probability {@code getRatio} and SET otherwise.
 *
 * @param requests requests in total over all clients, 0 for no limit
 */
public record KvClientSpec(String name, String node, long startPs, long stopPs, ConnectSpec connect,
        int pipeline, double getRatio, SizeSpec keySize, SizeSpec valueSize, long requests) implements AppSpec {
}
