package org.sockeye.config;

import java.util.Map;
import java.util.Set;

/**
 * The traffic generators and sinks: {@code udp-cbr}, {@code udp-onoff}, {@code udp-sink},
 * {@code tcp-bulk}, {@code tcp-sink}.
 */
final class TrafficAppTypes {
    /** iperf3's default TCP write. */
    static final long DEFAULT_WRITE_SIZE = 128 * 1024;
    static final long DEFAULT_SIZE = 1000;
    /** 65535 - 20 (IPv4 header) - 8 (UDP header): RFC 768 / RFC 791. */
    static final long MAX_UDP_PAYLOAD = 65_507;

    private TrafficAppTypes() {
    }

    static void register(Map<String, AppType> types) {
        types.put("udp-cbr", type(Set.of("to", "source-port", "rate", "size"), TrafficAppTypes::udpSource));
        types.put("udp-onoff", type(Set.of("to", "source-port", "rate", "size", "on", "off"),
                TrafficAppTypes::udpSource));
        types.put("udp-sink", type(Set.of("port"), TrafficAppTypes::sink));
        types.put("tcp-bulk", type(Set.of("to", "source-port", "bytes", "write-size"), TrafficAppTypes::tcpBulk));
        types.put("tcp-sink", type(Set.of("port", "backlog"), TrafficAppTypes::sink));
    }

    /** An application type from its keys and binding function. */
    static AppType type(Set<String> keys, Binding binding) {
        return new AppType() {
            @Override
            public Set<String> keys() {
                return keys;
            }

            @Override
            public AppSpec bind(AppCommon c, MapFields f, ApplicationBinder b) {
                return binding.bind(c, f, b);
            }
        };
    }

    @FunctionalInterface
    interface Binding {
        AppSpec bind(AppCommon c, MapFields f, ApplicationBinder b);
    }

    private static AppSpec sink(AppCommon c, MapFields f, ApplicationBinder b) {
        YamlScalar portNode = f.requiredScalar("port");
        int port = b.port(portNode);
        String protocol = c.type().substring(0, 3);
        b.claimListener(protocol, c.node(), port == 0 ? null : Integer.toString(port), c.name(), portNode, false);
        if (c.type().equals("udp-sink")) {
            return new UdpSinkSpec(c.name(), c.node(), c.startPs(), c.stopPs(), port);
        }
        int backlog = (int) b.values().integer(f.scalar("backlog"), "backlog", 0, 65_535,
                ApplicationBinder.DEFAULT_BACKLOG);
        return new TcpSinkSpec(c.name(), c.node(), c.startPs(), c.stopPs(), port, backlog);
    }

    private static AppSpec tcpBulk(AppCommon c, MapFields f, ApplicationBinder b) {
        ValueReader values = b.values();
        Endpoint to = b.destination(f.requiredScalar("to"));
        int sourcePort = (int) values.integer(f.scalar("source-port"), "source-port", 0, 65_535, 0);
        YamlScalar bytesNode = f.scalar("bytes");
        long bytes = bytesNode == null || bytesNode.text().equals("unlimited") ? 0 : values.size(bytesNode, 0);
        YamlScalar writeNode = f.scalar("write-size");
        long write = values.size(writeNode, DEFAULT_WRITE_SIZE);
        if (write < 1 || write > Integer.MAX_VALUE) {
            b.errors().at(writeNode, "write-size must be between 1B and 2GiB, got '" + writeNode.text() + "'");
            write = DEFAULT_WRITE_SIZE;
        }
        return new TcpBulkSpec(c.name(), c.node(), c.startPs(), c.stopPs(), to, sourcePort, bytes, (int) write);
    }

    private static AppSpec udpSource(AppCommon c, MapFields f, ApplicationBinder b) {
        ValueReader values = b.values();
        Endpoint to = b.destination(f.requiredScalar("to"));
        int sourcePort = (int) values.integer(f.scalar("source-port"), "source-port", 0, 65_535, 0);
        long rate = values.rate(f.requiredScalar("rate"), 1);
        YamlScalar sizeNode = f.scalar("size");
        long size = values.size(sizeNode, DEFAULT_SIZE);
        if (sizeNode != null && (size < 1 || size > MAX_UDP_PAYLOAD)) {
            b.errors().at(sizeNode, "size must be between 1B and " + MAX_UDP_PAYLOAD
                    + "B (the largest UDP payload over IPv4), got '" + sizeNode.text() + "'");
            size = DEFAULT_SIZE;
        }
        if (c.type().equals("udp-cbr")) {
            return new UdpCbrSpec(c.name(), c.node(), c.startPs(), c.stopPs(), to, sourcePort, rate, (int) size);
        }
        PeriodSpec on = b.period(f.requiredScalar("on"), "on");
        PeriodSpec off = b.period(f.requiredScalar("off"), "off");
        return new UdpOnOffSpec(c.name(), c.node(), c.startPs(), c.stopPs(), to, sourcePort, rate, (int) size, on, off);
    }
}
