package org.sockeye.config;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds the {@code applications:} list: one record per type, plus cross-checks against the nodes. */
final class ApplicationBinder {
    private static final Set<String> COMMON_KEYS =
            ImmutableSet.of("name", "type", "node", "start", "stop", CountExpansion.KEY);
    private static final Set<String> CBR_KEYS = ImmutableSet.<String>builder().addAll(COMMON_KEYS)
            .add("to", "source-port", "rate", "size").build();
    private static final Set<String> ONOFF_KEYS = ImmutableSet.<String>builder().addAll(CBR_KEYS)
            .add("on", "off").build();
    private static final Set<String> SINK_KEYS = ImmutableSet.<String>builder().addAll(COMMON_KEYS)
            .add("port").build();
    private static final Set<String> TCP_BULK_KEYS = ImmutableSet.<String>builder().addAll(COMMON_KEYS)
            .add("to", "source-port", "bytes", "write-size").build();
    private static final Set<String> TCP_SINK_KEYS = ImmutableSet.<String>builder().addAll(SINK_KEYS)
            .add("backlog").build();
    /** Type -> allowed keys; the map's keys are the known types. */
    private static final Map<String, Set<String>> TYPES = ImmutableMap.of(
            "udp-cbr", CBR_KEYS, "udp-onoff", ONOFF_KEYS, "udp-sink", SINK_KEYS,
            "tcp-bulk", TCP_BULK_KEYS, "tcp-sink", TCP_SINK_KEYS);
    /** iperf3's default TCP write. */
    static final long DEFAULT_WRITE_SIZE = 128 * 1024;
    /** A common listen() backlog (Linux's SOMAXCONN before 5.4). */
    static final int DEFAULT_BACKLOG = 128;

    private static final Map<String, String> TYPE_NAMES = Maps.toMap(TYPES.keySet(), t -> t);

    static final long DEFAULT_SIZE = 1000;
    /** 65535 - 20 (IPv4 header) - 8 (UDP header): RFC 768 / RFC 791. */
    static final long MAX_UDP_PAYLOAD = 65_507;
    private static final Pattern DESTINATION = Pattern.compile("(.+):(\\d{1,5})");
    private static final Pattern EXPONENTIAL = Pattern.compile("exp\\((.*)\\)");
    private static final Pattern UNIFORM = Pattern.compile("uniform\\(([^,]*),([^)]*)\\)");

    record Result(List<AppSpec> specs, Set<String> names) {
    }

    private final ValueReader values;
    private final ConfigErrors errors;
    private final NodeTable nodes;
    private final long durationPs;
    private final long seed;
    private final Map<String, YamlScalar> names = new LinkedHashMap<>();
    /** "host:port" -> the sink already listening there. */
    private final Map<String, String> sinkPorts = new HashMap<>();

    ApplicationBinder(ValueReader values, NodeTable nodes, long durationPs, long seed) {
        this.seed = seed;
        this.values = values;
        this.errors = values.errors();
        this.nodes = nodes;
        this.durationPs = durationPs;
    }

    Result bind(List<YamlMap> elements) {
        List<AppSpec> specs = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            AppSpec spec = bindOne(elements.get(i), i);
            if (spec != null) {
                specs.add(spec);
            }
        }
        return new Result(List.copyOf(specs), new LinkedHashSet<>(names.keySet()));
    }

    private AppSpec bindOne(YamlMap m, int index) {
        YamlNode typeNode = m.get("type");
        if (typeNode == null) {
            errors.at(m, "missing required key 'type' in application (one of " + String.join(", ", TYPES.keySet()) + ")");
            return null;
        }
        if (!(typeNode instanceof YamlScalar)) {
            errors.at(typeNode, "type must be a single value, got " + typeNode.kindName());
        }
        String type = values.choice(typeNode instanceof YamlScalar s ? s : null, "application type", TYPE_NAMES, null);
        if (type == null) {
            return null;
        }
        MapFields f = new MapFields(m, type + " application", TYPES.get(type), errors);
        String name = name(f, type, index);
        String node = host(f.requiredScalar("node"));
        YamlScalar startNode = f.scalar("start");
        long start = startTime(startNode, name);
        YamlScalar stopNode = f.scalar("stop");
        long stop = values.time(stopNode, durationPs);
        if (stop <= start && stopNode != null) {
            errors.at(stopNode, "stop '" + stopNode.text() + "' must be after start '"
                    + (startNode == null ? "0s" : startNode.text()) + "'");
        } else if (stop <= start) {
            errors.at(startNode, "start '" + startNode.text() + "' must be before the end of the experiment");
        }
        switch (type) {
            case "udp-sink":
            case "tcp-sink": {
                YamlScalar portNode = f.requiredScalar("port");
                int port = (int) values.integer(portNode, "port", 1, 65_535, 0);
                String protocol = type.substring(0, 3);
                if (node != null && port != 0) {
                    String previous = sinkPorts.putIfAbsent(protocol + ":" + node + ":" + port, name);
                    if (previous != null) {
                        errors.at(portNode, protocol.toUpperCase() + " port " + port + " on host '" + node
                                + "' is already used by sink '" + previous + "'");
                    }
                }
                if (type.equals("udp-sink")) {
                    return new UdpSinkSpec(name, node, start, stop, port);
                }
                int backlog = (int) values.integer(f.scalar("backlog"), "backlog", 0, 65_535, DEFAULT_BACKLOG);
                return new TcpSinkSpec(name, node, start, stop, port, backlog);
            }
            case "tcp-bulk": {
                Endpoint to = destination(f.requiredScalar("to"));
                int sourcePort = (int) values.integer(f.scalar("source-port"), "source-port", 0, 65_535, 0);
                YamlScalar bytesNode = f.scalar("bytes");
                long bytes = bytesNode == null || bytesNode.text().equals("unlimited") ? 0 : values.size(bytesNode, 0);
                YamlScalar writeNode = f.scalar("write-size");
                long write = values.size(writeNode, DEFAULT_WRITE_SIZE);
                if (write < 1 || write > Integer.MAX_VALUE) {
                    errors.at(writeNode, "write-size must be between 1B and 2GiB, got '" + writeNode.text() + "'");
                    write = DEFAULT_WRITE_SIZE;
                }
                return new TcpBulkSpec(name, node, start, stop, to, sourcePort, bytes, (int) write);
            }
            case "udp-cbr":
            case "udp-onoff": {
                Endpoint to = destination(f.requiredScalar("to"));
                int sourcePort = (int) values.integer(f.scalar("source-port"), "source-port", 0, 65_535, 0);
                long rate = values.rate(f.requiredScalar("rate"), 1);
                YamlScalar sizeNode = f.scalar("size");
                long size = values.size(sizeNode, DEFAULT_SIZE);
                if (sizeNode != null && (size < 1 || size > MAX_UDP_PAYLOAD)) {
                    errors.at(sizeNode, "size must be between 1B and " + MAX_UDP_PAYLOAD
                            + "B (the largest UDP payload over IPv4), got '" + sizeNode.text() + "'");
                    size = DEFAULT_SIZE;
                }
                if (type.equals("udp-cbr")) {
                    return new UdpCbrSpec(name, node, start, stop, to, sourcePort, rate, (int) size);
                }
                PeriodSpec on = period(f.requiredScalar("on"), "on");
                PeriodSpec off = period(f.requiredScalar("off"), "off");
                return new UdpOnOffSpec(name, node, start, stop, to, sourcePort, rate, (int) size, on, off);
            }
            default:
                throw new IllegalStateException("type not handled: " + type);
        }
    }

    private String name(MapFields f, String type, int index) {
        YamlScalar nameNode = f.scalar("name");
        String name = nameNode != null ? values.name(nameNode, "application", type + "-" + index)
                : type + "-" + index;
        YamlNode where = nameNode != null ? nameNode : f.map();
        YamlScalar first = names.get(name);
        if (first != null) {
            errors.at(where, "duplicate application name '" + name + "'" + NodeTable.firstAt(first));
        } else {
            names.put(name, new YamlScalar(name, where.line(), where.column()));
        }
        return name;
    }

    /** The node an application runs on: must exist and be a host. Null after an error. */
    private String host(YamlScalar s) {
        if (s == null) {
            return null;
        }
        NodeSpec node = nodes.get(s.text());
        if (node == null) {
            errors.at(s, "unknown node '" + s.text() + "'" + DidYouMean.suffix(s.text(), nodes.names()));
            return null;
        }
        if (node.kind() != NodeSpec.Kind.HOST) {
            errors.at(s, "node '" + s.text() + "' is a router; applications run on hosts");
            return null;
        }
        return node.name();
    }

    private Endpoint destination(YamlScalar s) {
        if (s == null) {
            return new Endpoint("", 0);
        }
        Matcher m = DESTINATION.matcher(s.text().strip());
        if (!m.matches()) {
            errors.at(s, "malformed destination '" + s.text() + "' (expected <host>:<port>, e.g. b:5000)");
            return new Endpoint("", 0);
        }
        String host = m.group(1);
        int port = Integer.parseInt(m.group(2));
        NodeSpec node = nodes.get(host);
        if (node == null) {
            errors.at(s, "unknown destination node '" + host + "'" + DidYouMean.suffix(host, nodes.names()));
        } else if (node.kind() != NodeSpec.Kind.HOST) {
            errors.at(s, "destination '" + host + "' is a router; traffic must be sent to a host");
        }
        if (port < 1 || port > 65_535) {
            errors.at(s, "destination port must be between 1 and 65535, got " + port);
        }
        return new Endpoint(host, port);
    }

    /**
     * A start time: {@code 1s}, or {@code uniform(0s, 100ms)} drawn from the experiment's seed (a
     * stream named after the application), so repetitions of a deterministic scenario differ.
     */
    private long startTime(YamlScalar s, String app) {
        if (s == null) {
            return 0;
        }
        Matcher m = UNIFORM.matcher(s.text().strip());
        if (!m.matches()) {
            return values.time(s, 0);
        }
        try {
            long lo = Units.timePs(m.group(1).strip());
            long hi = Units.timePs(m.group(2).strip());
            if (lo < 0 || hi < lo) {
                errors.at(s, "uniform(a, b) needs 0 <= a <= b, got '" + s.text() + "'");
                return 0;
            }
            double u = new org.sockeye.sim.RandomStreams(seed).stream("start/" + app).nextDouble();
            return lo + (long) (u * (hi - lo));
        } catch (IllegalArgumentException e) {
            errors.at(s, "malformed start '" + s.text() + "' (expected e.g. 1s or uniform(0s, 100ms))");
            return 0;
        }
    }

    /** {@code 100ms} (fixed) or {@code exp(100ms)} (exponential with that mean); must be &gt; 0. */
    private PeriodSpec period(YamlScalar s, String what) {
        if (s == null) {
            return new PeriodSpec(PeriodSpec.Distribution.FIXED, 1);
        }
        Matcher m = EXPONENTIAL.matcher(s.text().strip());
        PeriodSpec.Distribution d = m.matches() ? PeriodSpec.Distribution.EXPONENTIAL : PeriodSpec.Distribution.FIXED;
        String time = m.matches() ? m.group(1) : s.text();
        try {
            long ps = Units.timePs(time);
            if (ps > 0) {
                return new PeriodSpec(d, ps);
            }
            errors.at(s, what + " period must be positive, got '" + s.text() + "'");
        } catch (IllegalArgumentException e) {
            errors.at(s, "malformed " + what + " period '" + s.text() + "' (expected e.g. 100ms or exp(100ms))");
        }
        return new PeriodSpec(d, 1);
    }
}
