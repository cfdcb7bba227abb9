package org.sockeye.protocols.wire;

import org.sockeye.protocols.Packet;

/**
 * Writes a transport header into a frame, checksum included. One per protocol whose header is
 * richer than ports and a length (TCP); UDP is built in.
 */
@FunctionalInterface
public interface TransportEncoder {
    /**
     * Writes {@code p}'s transport header at {@code off} followed by nothing else (the payload is
     * already in place after it), computing its checksum over the pseudo-header, header and payload
     * bytes {@code buf[off .. off + header + payload)}.
     */
    void encode(Packet p, byte[] buf, int off);
}
