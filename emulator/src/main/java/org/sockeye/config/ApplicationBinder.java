package org.sockeye.config;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds the {@code applications:} list: the keys common to every application here, each type's
 * own keys by its {@link AppType}, and the checks against the nodes (hosts exist, a port is
 * listened on once). Types use the helpers below for values they share (destinations, periods).
 */
final class ApplicationBinder {
    static final Set<String> COMMON_KEYS =
            ImmutableSet.of("name", "type", "node", "start", "stop", CountExpansion.KEY);
    /** A common listen() backlog (Linux's SOMAXCONN before 5.4). */
    static final int DEFAULT_BACKLOG = 128;

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
    /** "protocol:host:port" (or "unix:host:path") -> the application already listening there. */
    private final Map<String, String> listening = new HashMap<>();

    ApplicationBinder(ValueReader values, NodeTable nodes, long durationPs, long seed) {
        this.seed = seed;
        this.values = values;
        this.errors = values.errors();
        this.nodes = nodes;
        this.durationPs = durationPs;
    }

    ValueReader values() {
        return values;
    }

    ConfigErrors errors() {
        return errors;
    }

    long durationPs() {
        return durationPs;
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
            errors.at(m, "missing required key 'type' in application (one of "
                    + String.join(", ", AppTypes.ALL.keySet()) + ")");
            return null;
        }
        if (!(typeNode instanceof YamlScalar)) {
            errors.at(typeNode, "type must be a single value, got " + typeNode.kindName());
        }
        AppType type = values.choice(typeNode instanceof YamlScalar s ? s : null, "application type", AppTypes.ALL,
                null);
        if (type == null) {
            return null;
        }
        String typeName = ((YamlScalar) typeNode).text();
        Set<String> keys = ImmutableSet.<String>builder().addAll(COMMON_KEYS).addAll(type.keys()).build();
        MapFields f = new MapFields(m, typeName + " application", keys, errors);
        String name = name(f, typeName, index);
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
        return type.bind(new AppCommon(name, typeName, node, start, stop), f, this);
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

    /**
     * Declares that {@code app} listens on {@code protocol} {@code port} (or AF_UNIX path) of
     * {@code host}: a second application there is an error, unless both share it on purpose
     * ({@code shared}, SO_REUSEPORT).
     */
    void claimListener(String protocol, String host, String port, String app, YamlNode where, boolean shared) {
        if (host == null || port == null) {
            return;
        }
        String key = protocol + ":" + host + ":" + port;
        String previous = listening.putIfAbsent(key, (shared ? "+" : "") + app);
        if (previous != null && !(shared && previous.startsWith("+"))) {
            errors.at(where, protocol.toUpperCase() + " " + (protocol.equals("unix") ? "path " : "port ") + port
                    + " on host '" + host + "' is already used by application '" + previous.replaceFirst("^\\+", "") + "'");
        }
    }

    /** A destination {@code host:port}; the host must exist and be a host. */
    Endpoint destination(YamlScalar s) {
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

    /** A port to listen on, 1..65535 (0 after an error). */
    int port(YamlScalar s) {
        return (int) values.integer(s, "port", 1, 65_535, 0);
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
    PeriodSpec period(YamlScalar s, String what) {
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
