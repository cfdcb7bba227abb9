package org.sockeye.net;

import org.sockeye.protocols.Packet;

/** A router (or layer-3 switch): forwards every packet not addressed to itself, decrementing TTL. */
public final class Router extends Node {
    Router(String name, NetworkCounters counters) {
        super(name, counters);
    }

    @Override
    void receive(Packet p, Interface in) {
        if (owns(p.dstAddr)) {
            return; // no local services on routers
        }
        if (--p.ttl <= 0) {
            counters.ttlDrops++;
            return;
        }
        forward(p);
    }
}
