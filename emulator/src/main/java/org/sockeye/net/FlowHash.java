package org.sockeye.net;

import org.sockeye.protocols.Packet;

/**
 * A 5-tuple hash for receive-side scaling. Real NICs use a Toeplitz hash with a random key; any
 * well-mixed, deterministic hash spreads flows the same way statistically. It is symmetric (the
 * two directions of a flow hash alike) so a flow's transmit and receive work meet on one core.
 */
final class FlowHash {
    private FlowHash() {
    }

    static int symmetric(Packet p) {
        long x = ((long) (p.srcAddr ^ p.dstAddr) << 32) | ((p.srcPort ^ p.dstPort) & 0xffffL) << 8 | p.protocol;
        // SplitMix64's finaliser: every input bit affects every output bit.
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        x ^= x >>> 31;
        return (int) (x ^ (x >>> 32));
    }
}
