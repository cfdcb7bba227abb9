package org.sockeye.config;

/**
 * Where a stream server listens and how it waits: a TCP {@code port} or an AF_UNIX {@code path}
 * (exactly one), the listen() backlog, and the readiness mechanism of its event loop.
 *
 * @param port TCP port, 0 when the server listens on a path
 * @param path AF_UNIX path, null when the server listens on a TCP port
 */
public record ListenSpec(int port, String path, int backlog, Io io) {
    /** The event loop's readiness mechanism: select(2), poll(2) or epoll(7). */
    public enum Io { SELECT, POLL, EPOLL }

    public boolean unix() {
        return path != null;
    }

    @Override
    public String toString() {
        return unix() ? path : Integer.toString(port);
    }
}
