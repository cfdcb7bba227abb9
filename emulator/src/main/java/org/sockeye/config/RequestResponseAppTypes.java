package org.sockeye.config;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sockeye.sim.Time;

/**
 * The request–response family: {@code echo-server}, {@code echo-client}, {@code kv-server} and
 * {@code kv-client}. Servers listen on a TCP {@code port} or an AF_UNIX {@code path}; clients
 * connect {@code to} a host's port (or {@code localhost:port}) or to a {@code path} on their own
 * host.
 */
final class RequestResponseAppTypes {
    /** Redis' tcp-backlog and nginx's listen backlog. */
    static final int DEFAULT_BACKLOG = 511;
    static final int MAX_CONNECTIONS = 100_000;
    /** sun_path holds 108 bytes, the terminating NUL included. */
    static final int MAX_PATH = 107;
    /** The key length is a 16-bit field of the request header. */
    static final int MAX_KEY = 65_535;
    /** Values travel as real bytes (zeros), so they are held in memory: at most 1 MiB. */
    static final int MAX_VALUE = 1 << 20;
    static final int MAX_MESSAGE = 1 << 20;
    static final int MAX_PIPELINE = 65_535;
    /** Linux's MAX_TCP_KEEPIDLE and MAX_TCP_KEEPINTVL (seconds), and MAX_TCP_KEEPCNT. */
    static final int MAX_KEEPALIVE_SECONDS = 32_767;
    static final int MAX_KEEPALIVE_COUNT = 127;
    /** redis-benchmark's defaults: 50 clients, keys "key:" + 12 digits, 3-byte values. */
    static final int DEFAULT_CLIENTS = 50;
    static final long DEFAULT_KEY_SIZE = 16;
    static final long DEFAULT_VALUE_SIZE = 3;
    /** memtier_benchmark's default --ratio 1:10 (SET:GET). */
    static final double DEFAULT_GET_RATIO = 10.0 / 11.0;
    static final long DEFAULT_ECHO_SIZE = 64;
    /**
     * Redis' own work per command, system calls excluded (estimates): redis-benchmark -P 16 on an
     * i7 920 did 863k GET/s and 683k SET/s (antirez, gist 1892983, 2012), 1.16 and 1.46 us per
     * command with the system calls amortised over 16; current cores are faster, so 1 us and 1.25 us.
     */
    static final long DEFAULT_GET_PS = Time.US;
    static final long DEFAULT_SET_PS = 1_250_000;

    private static final Set<String> LISTEN_KEYS = Set.of("port", "path", "io", "backlog");
    private static final Set<String> CONNECT_KEYS = Set.of("to", "path", "nodelay", "keepalive");
    private static final Set<String> KEEPALIVE_KEYS = ImmutableSet.of("idle", "interval", "count");
    private static final Set<String> SERVICE_KEYS = ImmutableSet.of("get", "set");
    private static final Map<String, ListenSpec.Io> IO = ImmutableMap.of("epoll", ListenSpec.Io.EPOLL, "poll",
            ListenSpec.Io.POLL, "select", ListenSpec.Io.SELECT);
    private static final Map<String, Boolean> SWITCH = ImmutableMap.of("on", true, "off", false, "true", true,
            "false", false);
    private static final Pattern LOOPBACK = Pattern.compile("(?:localhost|127\\.0\\.0\\.1):(\\d{1,5})");
    private static final Pattern EXPONENTIAL = Pattern.compile("exp\\((.*)\\)");
    private static final Pattern UNIFORM = Pattern.compile("uniform\\(([^,]*),([^)]*)\\)");

    private RequestResponseAppTypes() {
    }

    static void register(Map<String, AppType> types) {
        types.put("echo-server", TrafficAppTypes.type(LISTEN_KEYS, (c, f, b) -> new EchoServerSpec(c.name(),
                c.node(), c.startPs(), c.stopPs(), listen(c, f, b))));
        types.put("echo-client", TrafficAppTypes.type(with(CONNECT_KEYS, "connections", "size", "think", "messages",
                "idle-connections"), RequestResponseAppTypes::echoClient));
        types.put("kv-server", TrafficAppTypes.type(with(LISTEN_KEYS, "service-time"),
                RequestResponseAppTypes::kvServer));
        types.put("kv-client", TrafficAppTypes.type(with(CONNECT_KEYS, "clients", "pipeline", "get-ratio",
                "key-size", "value-size", "requests"), RequestResponseAppTypes::kvClient));
    }

    private static Set<String> with(Set<String> base, String... more) {
        return ImmutableSet.<String>builder().addAll(base).add(more).build();
    }

    private static AppSpec echoClient(AppCommon c, MapFields f, ApplicationBinder b) {
        ConnectSpec connect = connect(c, f, b, "connections", 1);
        SizeSpec size = size(f.scalar("size"), "size", DEFAULT_ECHO_SIZE, 1, MAX_MESSAGE, b);
        YamlScalar think = f.scalar("think");
        return new EchoClientSpec(c.name(), c.node(), c.startPs(), c.stopPs(), connect, size,
                think == null ? null : b.period(think, "think"), limit(f.scalar("messages"), "messages", b),
                (int) b.values().integer(f.scalar("idle-connections"), "idle-connections", 0, MAX_CONNECTIONS, 0));
    }

    private static AppSpec kvServer(AppCommon c, MapFields f, ApplicationBinder b) {
        ListenSpec listen = listen(c, f, b);
        long get = DEFAULT_GET_PS;
        long set = DEFAULT_SET_PS;
        YamlNode service = f.node("service-time");
        if (service instanceof YamlMap m) {
            MapFields s = new MapFields(m, "service-time", SERVICE_KEYS, b.errors());
            get = b.values().time(s.scalar("get"), get);
            set = b.values().time(s.scalar("set"), set);
        } else if (service instanceof YamlScalar s) {
            get = b.values().time(s, get);
            set = get;
        } else if (service != null) {
            b.errors().at(service, "service-time must be a time or a map {get, set}, got " + service.kindName());
        }
        return new KvServerSpec(c.name(), c.node(), c.startPs(), c.stopPs(), listen, get, set);
    }

    private static AppSpec kvClient(AppCommon c, MapFields f, ApplicationBinder b) {
        ValueReader values = b.values();
        ConnectSpec connect = connect(c, f, b, "clients", DEFAULT_CLIENTS);
        int pipeline = (int) values.integer(f.scalar("pipeline"), "pipeline", 1, MAX_PIPELINE, 1);
        double getRatio = values.probability(f.scalar("get-ratio"), "get-ratio", DEFAULT_GET_RATIO);
        SizeSpec key = size(f.scalar("key-size"), "key-size", DEFAULT_KEY_SIZE, 1, MAX_KEY, b);
        SizeSpec value = size(f.scalar("value-size"), "value-size", DEFAULT_VALUE_SIZE, 0, MAX_VALUE, b);
        return new KvClientSpec(c.name(), c.node(), c.startPs(), c.stopPs(), connect, pipeline, getRatio, key, value,
                limit(f.scalar("requests"), "requests", b));
    }

    /** A count of operations, or 0 for no limit when absent. */
    private static long limit(YamlScalar s, String what, ApplicationBinder b) {
        return b.values().integer(s, what, 1, Long.MAX_VALUE, 0);
    }

    // ---------------------------------------------------------------- servers

    /** A server's {@code port} or {@code path} (exactly one), {@code backlog} and {@code io}. */
    private static ListenSpec listen(AppCommon c, MapFields f, ApplicationBinder b) {
        YamlScalar portNode = f.scalar("port");
        YamlScalar pathNode = f.scalar("path");
        if (!f.has("port") && !f.has("path")) {
            b.errors().at(f.map(), c.type() + " application needs 'port' (TCP) or 'path' (AF_UNIX)");
        } else if (portNode != null && pathNode != null) {
            b.errors().at(pathNode, "give either 'port' (TCP) or 'path' (AF_UNIX), not both");
        }
        int port = portNode == null ? 0 : b.port(portNode);
        String path = pathNode == null ? null : path(pathNode, b);
        if (path != null) {
            b.claimListener("unix", c.node(), path, c.name(), pathNode, false);
        } else if (port != 0) {
            b.claimListener("tcp", c.node(), Integer.toString(port), c.name(), portNode, false);
        }
        int backlog = (int) b.values().integer(f.scalar("backlog"), "backlog", 0, 65_535, DEFAULT_BACKLOG);
        ListenSpec.Io io = b.values().choice(f.scalar("io"), "io mechanism", IO, ListenSpec.Io.EPOLL);
        return new ListenSpec(path == null ? port : 0, path, backlog, io);
    }

    private static String path(YamlScalar s, ApplicationBinder b) {
        String p = s.text();
        if (p.isEmpty() || p.length() > MAX_PATH) {
            b.errors().at(s, "AF_UNIX path must be 1 to " + MAX_PATH + " characters (sun_path), got '" + p + "'");
            return null;
        }
        return p;
    }

    // ---------------------------------------------------------------- clients

    /** A client's {@code to} or {@code path} (exactly one), connection count and TCP options. */
    private static ConnectSpec connect(AppCommon c, MapFields f, ApplicationBinder b, String countKey, int count) {
        YamlScalar toNode = f.scalar("to");
        YamlScalar pathNode = f.scalar("path");
        if (!f.has("to") && !f.has("path")) {
            b.errors().at(f.map(), c.type() + " application needs 'to' (TCP, <host>:<port>) or 'path' "
                    + "(AF_UNIX, on its own host)");
        } else if (toNode != null && pathNode != null) {
            b.errors().at(pathNode, "give either 'to' (TCP) or 'path' (AF_UNIX), not both");
        }
        Endpoint to = null;
        boolean loopback = false;
        Matcher m = toNode == null ? null : LOOPBACK.matcher(toNode.text().strip());
        if (m != null && m.matches()) {
            loopback = true;
            int port = Integer.parseInt(m.group(1));
            if (port < 1 || port > 65_535) {
                b.errors().at(toNode, "destination port must be between 1 and 65535, got " + port);
            }
            to = new Endpoint(c.node(), port);
        } else if (toNode != null) {
            to = b.destination(toNode);
        }
        String path = pathNode == null || toNode != null ? null : path(pathNode, b);
        int connections = (int) b.values().integer(f.scalar(countKey), countKey, 1, MAX_CONNECTIONS, count);
        boolean nodelay = b.values().choice(f.scalar("nodelay"), "nodelay setting", SWITCH, true);
        KeepaliveSpec keepalive = keepalive(f.node("keepalive"), b);
        if (pathNode != null && toNode == null) {
            for (String key : new String[] {"nodelay", "keepalive"}) {
                if (f.has(key)) {
                    b.errors().at(f.node(key), key + " applies to TCP connections ('to'), not to AF_UNIX ones");
                }
            }
        }
        if (to == null && path == null) {
            to = new Endpoint("", 0); // after an error: a placeholder
        }
        return new ConnectSpec(to, loopback, path, connections, nodelay, keepalive);
    }

    /** {@code keepalive: on | off | {idle, interval, count}}: null when off. */
    private static KeepaliveSpec keepalive(YamlNode node, ApplicationBinder b) {
        if (node == null) {
            return null;
        }
        KeepaliveSpec d = KeepaliveSpec.LINUX_DEFAULTS;
        if (node instanceof YamlScalar s) {
            Boolean on = SWITCH.get(s.text());
            if (on == null) {
                b.errors().at(s, "keepalive must be on, off or a map {idle, interval, count}, got '" + s.text() + "'");
                return null;
            }
            return on ? d : null;
        }
        YamlMap map = b.values().map(node, "keepalive");
        if (map == null) {
            return null;
        }
        MapFields f = new MapFields(map, "keepalive", KEEPALIVE_KEYS, b.errors());
        return new KeepaliveSpec(seconds(f.scalar("idle"), "idle", "TCP_KEEPIDLE", d.idleS(), b),
                seconds(f.scalar("interval"), "interval", "TCP_KEEPINTVL", d.intervalS(), b),
                (int) b.values().integer(f.scalar("count"), "keepalive count", 1, MAX_KEEPALIVE_COUNT, d.count()));
    }

    /** A keep-alive time: whole seconds from 1 s to 32767 s, as Linux's socket options take it. */
    private static int seconds(YamlScalar s, String what, String option, int fallback, ApplicationBinder b) {
        long ps = b.values().time(s, fallback * Time.S);
        if (s != null && (ps % Time.S != 0 || ps < Time.S || ps > MAX_KEEPALIVE_SECONDS * Time.S)) {
            b.errors().at(s, "keepalive " + what + " must be whole seconds from 1s to " + MAX_KEEPALIVE_SECONDS
                    + "s (" + option + "), got '" + s.text() + "'");
            return fallback;
        }
        return (int) (ps / Time.S);
    }

    /** {@code 100B}, {@code uniform(10B, 1KiB)} or {@code exp(512B)}, within [min, max] bytes. */
    static SizeSpec size(YamlScalar s, String what, long fallback, long min, long max, ApplicationBinder b) {
        if (s == null) {
            return SizeSpec.fixed(fallback);
        }
        String text = s.text().strip();
        Matcher exp = EXPONENTIAL.matcher(text);
        Matcher uniform = UNIFORM.matcher(text);
        SizeSpec spec;
        try {
            if (exp.matches()) {
                spec = new SizeSpec(SizeSpec.Kind.EXPONENTIAL, Units.sizeBytes(exp.group(1).strip()), 0);
            } else if (uniform.matches()) {
                spec = new SizeSpec(SizeSpec.Kind.UNIFORM, Units.sizeBytes(uniform.group(1).strip()),
                        Units.sizeBytes(uniform.group(2).strip()));
            } else {
                spec = SizeSpec.fixed(Units.sizeBytes(text));
            }
        } catch (IllegalArgumentException e) {
            b.errors().at(s, "malformed " + what + " '" + s.text() + "' (expected e.g. 100B, uniform(10B, 1KiB) or "
                    + "exp(512B))");
            return SizeSpec.fixed(fallback);
        }
        boolean ok = switch (spec.kind()) {
            case FIXED -> spec.a() >= min && spec.a() <= max;
            case UNIFORM -> spec.a() >= min && spec.a() <= spec.b() && spec.b() <= max;
            case EXPONENTIAL -> spec.a() > 0 && spec.a() <= max;
        };
        if (!ok) {
            b.errors().at(s, what + " must lie between " + min + "B and " + max + "B" + (spec.kind()
                    == SizeSpec.Kind.UNIFORM ? " with the lower bound first" : "") + ", got '" + s.text() + "'");
            return SizeSpec.fixed(fallback);
        }
        return spec;
    }
}
