package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.config.LoaderTestSupport.assertError;
import static org.sockeye.config.LoaderTestSupport.errors;
import static org.sockeye.config.LoaderTestSupport.load;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.app.http.HttpRuns;
import org.sockeye.sim.Time;

/** Binding of http-server and http-client: defaults, every key, and errors at their positions. */
class HttpBindingTest {
    /** Hosts c and s (HttpRuns.pair), with server keys after line 16 and client keys after line 20 (the last). */
    private static String yaml(String serverKeys, String clientKeys) {
        return HttpRuns.pair("10s", "", """
                  - name: web
                    type: http-server
                    node: s
                    port: 80
                """ + serverKeys + """
                  - name: ua
                    type: http-client
                    node: c
                    to: s:80
                """ + clientKeys);
    }

    private static HttpServerSpec server(String keys) {
        return (HttpServerSpec) load(yaml(keys, "")).applications().get(0);
    }

    private static HttpClientSpec client(String keys) {
        return (HttpClientSpec) load(yaml("", keys)).applications().get(1);
    }

    @Test
    void defaultsAreNginxsAndAClosedLoopOfOneKeepAliveUser() {
        assertEquals(new HttpServerSpec("web", "s", 0, 10 * Time.S, 80, ListenSpec.Io.EPOLL, 1, false, true, 512,
                75 * Time.S, 60 * Time.S, 511, 0, 0, SizeSpec.fixed(1024)), server(""));
        assertEquals(new HttpClientSpec("ua", "c", 0, 10 * Time.S, new Endpoint("s", 80),
                HttpClientSpec.Mode.KEEP_ALIVE, 1, 10, 0, 0, 0, 0, 0, 0), client(""));
        HttpClientSpec open = client("    rate: 2000/s\n");
        assertEquals(2000.0, open.ratePerS());
        assertEquals(100, open.concurrency(), "an open loop may have 100 requests in progress by default");
    }

    @Test
    void everyServerKeyIsBound() {
        HttpServerSpec s = server("""
                    io: select
                    workers: 4
                    reuseport: on
                    keep-alive: off
                    max-connections: 50
                    idle-timeout: 5s
                    header-timeout: off
                    backlog: 16
                    accept-delay: 2ms
                    service-time: 20us
                    response-size: uniform(1KiB, 64KiB)
                """);
        assertEquals(new HttpServerSpec("web", "s", 0, 10 * Time.S, 80, ListenSpec.Io.SELECT, 4, true, false, 50,
                5 * Time.S, 0, 16, 2 * Time.MS, 20 * Time.US,
                new SizeSpec(SizeSpec.Kind.UNIFORM, 1024, 64 * 1024)), s);
        assertEquals(new SizeSpec(SizeSpec.Kind.EXPONENTIAL, 10_240, 0),
                server("    response-size: exp(10KiB)\n").responseSize());
    }

    @Test
    void everyClientKeyIsBound() {
        HttpClientSpec c = client("""
                    mode: pool
                    pool: 3
                    concurrency: 20
                    rate: 2.5/s
                    requests: 1000
                    connect-timeout: 1s
                    timeout: 3s
                """);
        assertEquals(new HttpClientSpec("ua", "c", 0, 10 * Time.S, new Endpoint("s", 80), HttpClientSpec.Mode.POOL,
                20, 3, 2.5, 1000, 0, 0, Time.S, 3 * Time.S), c);
        HttpClientSpec slow = client("    concurrency: 50\n    slow: {interval: 1s, bytes: 10}\n");
        assertTrue(slow.slow());
        assertEquals(Time.S, slow.slowIntervalPs());
        assertEquals(10, slow.slowBytes());
        assertEquals(15 * Time.S, client("    slow: {}\n").slowIntervalPs(), "slowloris.py's 15 s by default");
        assertEquals(HttpClientSpec.Mode.CLOSE, client("    mode: close\n    requests: unlimited\n").mode());
    }

    @Test
    void serverErrorsAreReportedAtTheirValues() {
        assertError(yaml("    io: kqueue\n", ""), 17, 9, "unknown io mechanism 'kqueue' (expected epoll, poll, select)");
        assertError(yaml("    workers: 0\n", ""), 17, 14, "workers must be an integer between 1 and 1024, got '0'");
        assertError(yaml("    idle-timeout: 0s\n", ""), 17, 19, "idle-timeout must be positive, got '0s'");
        assertError(yaml("    response-size: uniform(2KiB, 1KiB)\n", ""), 17, 20,
                "response-size must lie between 0B and 2147483647B with the lower bound first, got "
                        + "'uniform(2KiB, 1KiB)'");
        List<String> e = errors(yaml("    keepalive: off\n", ""));
        assertEquals(List.of("t.yaml:17:5: unknown key 'keepalive' in http-server application (did you mean "
                + "'keep-alive'?)"), e);
    }

    @Test
    void twoServersShareAPortOnlyWithReusePort() {
        String second = "  - name: web2\n    type: http-server\n    node: s\n    port: 80\n";
        assertError(yaml(second, ""), 20, 11, "TCP port 80 on host 's' is already used by application 'web'");
        String shared = yaml("    reuseport: on\n" + second + "    reuseport: on\n", "");
        assertEquals(3, load(shared).applications().size());
    }

    @Test
    void clientErrorsAreReportedAtTheirValues() {
        assertError(yaml("", "    mode: pipelined\n"), 21, 11,
                "unknown client mode 'pipelined' (expected keep-alive, close, pool)");
        assertError(yaml("", "    pool: 5\n"), 21, 11, "pool applies to mode: pool only");
        assertError(yaml("", "    rate: fast\n"), 21, 11,
                "rate must be a positive number of requests per second, e.g. 2000/s, got 'fast'");
        assertError(yaml("", "    rate: 0/s\n"), 21, 11,
                "rate must be a positive number of requests per second, e.g. 2000/s, got '0/s'");
        assertError(yaml("", "    slow: {interval: 1s}\n    rate: 10/s\n"), 22, 11,
                "rate cannot be combined with slow (a slow client holds concurrency connections and never "
                        + "finishes a request)");
        assertError(yaml("", "    slow: {interval: 0s}\n"), 21, 22, "slow interval must be positive, got '0s'");
        assertError(yaml("", "    requests: 0\n"), 21, 15, "requests must be an integer >= 1, got '0'");
    }
}
