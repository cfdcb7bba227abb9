package org.sockeye.config;

/**
 * On/off UDP sender: sends at {@code rateBps} during on periods and is silent during off
 * periods, each period drawn from its distribution. YAML type {@code udp-onoff}.
 */
public record UdpOnOffSpec(String name, String node, long startPs, long stopPs, Endpoint to, int sourcePort,
        long rateBps, int sizeBytes, PeriodSpec on, PeriodSpec off) implements AppSpec {
}
