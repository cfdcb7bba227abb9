package org.sockeye.config;

/** A destination: host name and port ({@code b:5000} in YAML). */
public record Endpoint(String node, int port) {
    @Override
    public String toString() {
        return node + ":" + port;
    }
}
