package org.sockeye.config;

/**
 * An HTTP/1.1 client (YAML type {@code http-client}) sending {@code GET /} requests to {@code to}.
 * Closed loop ({@code ratePerS} 0): {@code concurrency} users, each issuing its next request when
 * the last one ends. Open loop: Poisson arrivals at {@code ratePerS}, at most {@code concurrency}
 * in progress (the rest wait, in order). Times and counts of 0 mean "off" / "unlimited".
 *
 * @param pool the connections shared by requests in mode {@code pool}
 * @param slowIntervalPs slow-loris client when &gt; 0: each connection sends {@code slowBytes}
 *     bytes of a request head that never ends, every {@code slowIntervalPs}
 */
public record HttpClientSpec(String name, String node, long startPs, long stopPs, Endpoint to, Mode mode,
        int concurrency, int pool, double ratePerS, long requests, long slowIntervalPs, int slowBytes,
        long connectTimeoutPs, long timeoutPs) implements AppSpec {
    /** How requests use connections. */
    public enum Mode {
        /** Each connection serves request after request. */
        KEEP_ALIVE,
        /** A new connection per request, closed by the client after the response. */
        CLOSE,
        /** Requests share a pool of persistent connections and wait for a free one. */
        POOL
    }

    public boolean slow() {
        return slowIntervalPs > 0;
    }

    public boolean openLoop() {
        return ratePerS > 0;
    }
}
