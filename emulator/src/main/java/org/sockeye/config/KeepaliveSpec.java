package org.sockeye.config;

/**
 * TCP keep-alive of a client's connections (RFC 1122 §4.2.3.6): SO_KEEPALIVE with TCP_KEEPIDLE
 * {@code idleS}, TCP_KEEPINTVL {@code intervalS} (whole seconds, as Linux takes them) and
 * TCP_KEEPCNT {@code count}. An idle connection whose peer stopped answering fails with ETIMEDOUT
 * idle + interval × count after it last received anything.
 */
public record KeepaliveSpec(int idleS, int intervalS, int count) {
    /** Linux's net.ipv4.tcp_keepalive_time, _intvl and _probes. */
    public static final KeepaliveSpec LINUX_DEFAULTS = new KeepaliveSpec(7200, 75, 9);
}
