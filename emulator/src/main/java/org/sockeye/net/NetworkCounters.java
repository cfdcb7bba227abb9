package org.sockeye.net;

/** Network-wide drop counters that belong to no link: routing and delivery failures. */
public final class NetworkCounters {
    public long noRouteDrops;
    public long ttlDrops;
    public long mtuDrops;
    /** Datagrams to a host port with no socket bound (a real host answers ICMP port unreachable). */
    public long noListenerDrops;
    /** Packets sent by or arriving at a node that was down. */
    public long downDrops;
}
