package org.sockeye.protocols.tcp;

/** Socket options understood by {@link TcpConnection#setOption}; values are ints as in setsockopt. */
public enum TcpOption {
    /** Disable Nagle's algorithm (RFC 1122 §4.2.3.4). Value: 0/1. */
    NODELAY,
    /** Linux TCP_CORK: hold partial segments until uncorked or 200 ms. Value: 0/1. */
    CORK,
    /** Linux TCP_QUICKACK: while set, acknowledge every data segment at once. Value: 0/1. */
    QUICKACK,
    /** SO_KEEPALIVE (RFC 1122 §4.2.3.6). Value: 0/1. */
    KEEPALIVE,
    /** TCP_KEEPIDLE in seconds (Linux default 7200). */
    KEEPIDLE,
    /** TCP_KEEPINTVL in seconds (Linux default 75). */
    KEEPINTVL,
    /** TCP_KEEPCNT (Linux default 9). */
    KEEPCNT
}
