package org.sockeye.protocols.tcp;

import org.sockeye.protocols.Ipv4;

/** The four-tuple naming one connection, seen from the local endpoint. Addresses as in {@link Ipv4}. */
public record ConnectionId(int localAddr, int localPort, int remoteAddr, int remotePort) {
    @Override
    public String toString() {
        return Ipv4.format(localAddr) + ":" + localPort + "<->" + Ipv4.format(remoteAddr) + ":" + remotePort;
    }
}
