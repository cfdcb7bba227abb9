package org.sockeye.config;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sockeye.sim.Time;

/** The HTTP/1.1 family: {@code http-server} and {@code http-client}. */
final class HttpAppTypes {
    /** nginx's listen backlog on Linux (NGX_LISTEN_BACKLOG). */
    static final int DEFAULT_BACKLOG = 511;
    /** nginx's worker_connections default. */
    static final int DEFAULT_MAX_CONNECTIONS = 512;
    /** nginx's keepalive_timeout default. */
    static final long DEFAULT_IDLE_TIMEOUT_PS = 75 * Time.S;
    /** nginx's client_header_timeout default. */
    static final long DEFAULT_HEADER_TIMEOUT_PS = 60 * Time.S;
    static final long DEFAULT_RESPONSE_SIZE = 1024;
    /** urllib3's (Python requests') pool_maxsize default. */
    static final int DEFAULT_POOL = 10;
    /** Requests in progress at once by default in an open loop (a closed loop has one user). */
    static final int DEFAULT_OPEN_LOOP_CONCURRENCY = 100;
    /** slowloris.py's defaults: a header line of about 10 bytes every 15 s. */
    static final long DEFAULT_SLOW_INTERVAL_PS = 15 * Time.S;
    static final int DEFAULT_SLOW_BYTES = 10;
    static final int MAX_WORKERS = 1024;
    static final int MAX_CONNECTIONS = 1 << 20;

    static final Set<String> SERVER_KEYS = Set.of("port", "io", "workers", "reuseport", "keep-alive",
            "max-connections", "idle-timeout", "header-timeout", "backlog", "accept-delay", "service-time",
            "response-size");
    static final Set<String> CLIENT_KEYS = Set.of("to", "mode", "concurrency", "pool", "rate", "requests", "slow",
            "connect-timeout", "timeout");
    private static final Set<String> SLOW_KEYS = Set.of("interval", "bytes");
    private static final Map<String, Boolean> SWITCH = ImmutableMap.of("on", true, "off", false, "true", true,
            "false", false);
    private static final Map<String, ListenSpec.Io> IO = ImmutableMap.of("epoll", ListenSpec.Io.EPOLL,
            "poll", ListenSpec.Io.POLL, "select", ListenSpec.Io.SELECT);
    private static final Map<String, HttpClientSpec.Mode> MODES = ImmutableMap.of("keep-alive",
            HttpClientSpec.Mode.KEEP_ALIVE, "close", HttpClientSpec.Mode.CLOSE, "pool", HttpClientSpec.Mode.POOL);
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*/\\s*s");

    private HttpAppTypes() {
    }

    static void register(Map<String, AppType> types) {
        types.put("http-server", TrafficAppTypes.type(SERVER_KEYS, HttpAppTypes::server));
        types.put("http-client", TrafficAppTypes.type(CLIENT_KEYS, HttpAppTypes::client));
    }

    private static AppSpec server(AppCommon c, MapFields f, ApplicationBinder b) {
        ValueReader v = b.values();
        YamlScalar portNode = f.requiredScalar("port");
        int port = b.port(portNode);
        boolean reusePort = v.choice(f.scalar("reuseport"), "reuseport setting", SWITCH, false);
        b.claimListener("tcp", c.node(), port == 0 ? null : Integer.toString(port), c.name(), portNode, reusePort);
        return new HttpServerSpec(c.name(), c.node(), c.startPs(), c.stopPs(), port,
                v.choice(f.scalar("io"), "io mechanism", IO, ListenSpec.Io.EPOLL),
                (int) v.integer(f.scalar("workers"), "workers", 1, MAX_WORKERS, 1), reusePort,
                v.choice(f.scalar("keep-alive"), "keep-alive setting", SWITCH, true),
                (int) v.integer(f.scalar("max-connections"), "max-connections", 1, MAX_CONNECTIONS,
                        DEFAULT_MAX_CONNECTIONS),
                timeout(f.scalar("idle-timeout"), "idle-timeout", v, DEFAULT_IDLE_TIMEOUT_PS),
                timeout(f.scalar("header-timeout"), "header-timeout", v, DEFAULT_HEADER_TIMEOUT_PS),
                (int) v.integer(f.scalar("backlog"), "backlog", 0, 65_535, DEFAULT_BACKLOG),
                v.time(f.scalar("accept-delay"), 0), v.time(f.scalar("service-time"), 0),
                RequestResponseAppTypes.size(f.scalar("response-size"), "response-size", DEFAULT_RESPONSE_SIZE, 0,
                        Integer.MAX_VALUE, b));
    }

    private static AppSpec client(AppCommon c, MapFields f, ApplicationBinder b) {
        ValueReader v = b.values();
        Endpoint to = b.destination(f.requiredScalar("to"));
        YamlScalar modeNode = f.scalar("mode");
        HttpClientSpec.Mode mode = v.choice(modeNode, "client mode", MODES, HttpClientSpec.Mode.KEEP_ALIVE);
        double rate = rate(f.scalar("rate"), b.errors());
        int concurrency = (int) v.integer(f.scalar("concurrency"), "concurrency", 1, MAX_CONNECTIONS,
                rate > 0 ? DEFAULT_OPEN_LOOP_CONCURRENCY : 1);
        YamlScalar poolNode = f.scalar("pool");
        int pool = (int) v.integer(poolNode, "pool", 1, MAX_CONNECTIONS, DEFAULT_POOL);
        if (poolNode != null && mode != HttpClientSpec.Mode.POOL) {
            b.errors().at(poolNode, "pool applies to mode: pool only");
        }
        YamlScalar requestsNode = f.scalar("requests");
        long requests = requestsNode == null || requestsNode.text().equals("unlimited") ? 0
                : v.integer(requestsNode, "requests", 1, Long.MAX_VALUE, 0);
        long slowInterval = 0;
        int slowBytes = 0;
        YamlNode slowNode = f.node("slow");
        if (slowNode != null) {
            YamlMap m = v.map(slowNode, "slow");
            if (m != null) {
                MapFields s = new MapFields(m, "slow", SLOW_KEYS, b.errors());
                slowInterval = v.positiveTime(s.scalar("interval"), "slow interval", DEFAULT_SLOW_INTERVAL_PS);
                slowBytes = (int) v.integer(s.scalar("bytes"), "slow bytes", 1, 65_535, DEFAULT_SLOW_BYTES);
            }
            for (String key : new String[] {"mode", "rate", "requests", "pool", "timeout"}) {
                if (f.has(key)) {
                    b.errors().at(f.node(key), key + " cannot be combined with slow (a slow client holds "
                            + "concurrency connections and never finishes a request)");
                }
            }
        }
        return new HttpClientSpec(c.name(), c.node(), c.startPs(), c.stopPs(), to, mode, concurrency, pool, rate,
                requests, slowInterval, slowBytes, timeout(f.scalar("connect-timeout"), "connect-timeout", v, 0),
                timeout(f.scalar("timeout"), "timeout", v, 0));
    }

    /** {@code off} (0) or a positive time. */
    private static long timeout(YamlScalar s, String what, ValueReader v, long fallback) {
        if (s != null && s.text().strip().equals("off")) {
            return 0;
        }
        return v.positiveTime(s, what, fallback);
    }

    /** Requests per second, {@code 2000/s}; 0 when absent. */
    private static double rate(YamlScalar s, ConfigErrors errors) {
        if (s == null) {
            return 0;
        }
        Matcher m = RATE.matcher(s.text().strip());
        if (m.matches()) {
            double r = Double.parseDouble(m.group(1));
            if (r > 0) {
                return r;
            }
        }
        errors.at(s, "rate must be a positive number of requests per second, e.g. 2000/s, got '" + s.text() + "'");
        return 0;
    }
}
