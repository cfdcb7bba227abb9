package org.sockeye.config;

/**
 * Where a client connects and with which socket options: TCP to {@code to} (a host, or the
 * client's own host through 127.0.0.1 when {@code loopback}) or AF_UNIX to {@code path} on the
 * client's host; {@code connections} of them, each a closed loop.
 *
 * @param to        TCP destination, null for AF_UNIX
 * @param loopback  connect to 127.0.0.1 (the port of {@code to}) instead of the host's address
 * @param path      AF_UNIX path, null for TCP
 * @param nodelay   TCP_NODELAY
 * @param keepalive SO_KEEPALIVE with TCP_KEEPIDLE/KEEPINTVL/KEEPCNT, or null for off
 */
public record ConnectSpec(Endpoint to, boolean loopback, String path, int connections, boolean nodelay,
        KeepaliveSpec keepalive) {
    public boolean unix() {
        return path != null;
    }

    @Override
    public String toString() {
        return unix() ? path : loopback ? "127.0.0.1:" + to.port() : to.toString();
    }
}
