package org.sockeye.config;

/**
 * Constant-bit-rate UDP sender: datagrams of {@code sizeBytes} payload spaced evenly so the
 * payload rate is {@code rateBps}. YAML type {@code udp-cbr}.
 *
 * @param sourcePort local port (0 = ephemeral, assigned by the host)
 */
public record UdpCbrSpec(String name, String node, long startPs, long stopPs, Endpoint to, int sourcePort,
        long rateBps, int sizeBytes) implements AppSpec {
}
