package org.sockeye.net;

import org.sockeye.protocols.Packet;

/** Sees packets at one point of a node (an interface's receive side, a host's loopback), as they pass. */
@FunctionalInterface
public interface PacketObserver {
    void seen(Packet p);
}
