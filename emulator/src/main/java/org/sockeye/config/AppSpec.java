package org.sockeye.config;

/**
 * An application running on a host. Each kind is its own record; new kinds (TCP bulk transfer,
 * request–response, …) are added as further records and a loader entry.
 */
public sealed interface AppSpec permits UdpCbrSpec, UdpOnOffSpec, UdpSinkSpec, TcpBulkSpec, TcpSinkSpec {
    /** Unique application name (default {@code <type>-<index>}). */
    String name();

    /** Host the application runs on. */
    String node();

    /** Start time in ps (default 0). */
    long startPs();

    /** Stop time in ps (default: the experiment's duration). */
    long stopPs();
}
