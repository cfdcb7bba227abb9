package org.sockeye.net;

import org.sockeye.protocols.Packet;

/** Observes packets as a link direction starts transmitting them (where tcpdump would see them). */
@FunctionalInterface
public interface PacketTap {
    void transmitting(Channel channel, Packet p, long now);
}
