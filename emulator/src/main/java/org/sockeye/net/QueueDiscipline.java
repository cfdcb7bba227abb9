package org.sockeye.net;

import org.sockeye.config.LinkSpec;
import org.sockeye.protocols.Packet;

/**
 * A queue discipline above a link direction's device queue (a Linux qdisc, an ns-3 QueueDisc). The
 * channel enqueues every packet here and dequeues whenever its device queue has room, so the
 * discipline holds only what the device queue cannot, and measures sojourn time of its own part
 * only. Sizes are IPv4 lengths, as the qdisc sees packets before link framing is added.
 */
public abstract class QueueDiscipline {
    private final ChannelStats stats;
    private final int framing;

    QueueDiscipline(ChannelStats stats, int framing) {
        this.stats = stats;
        this.framing = framing;
    }

    /**
     * The discipline {@code spec} asks for, or null for none.
     *
     * @param mtu the link MTU: CoDel's MAXPACKET (RFC 8289 §4.4)
     * @param framing link framing bytes, to count drops in wire bytes like the other channel drops
     */
    public static QueueDiscipline of(LinkSpec.QdiscSpec spec, int mtu, int framing, ChannelStats stats) {
        if (spec instanceof LinkSpec.CoDelSpec c) {
            return new CoDelDiscipline(c, mtu, framing, stats);
        }
        if (spec instanceof LinkSpec.FqCoDelSpec f) {
            return new FqCoDelDiscipline(f, mtu, framing, stats);
        }
        return null;
    }

    /** Accepts {@code p} at {@code now}, or drops it (or others) when over the limit. */
    public abstract void enqueue(Packet p, long now);

    /** The next packet for the device, or null if none is left; may drop packets on the way. */
    public abstract Packet dequeue(long now);

    /** Packets held. */
    public abstract int packets();

    /** IPv4 bytes held. */
    public abstract long bytes();

    /** Counts a packet of IPv4 length {@code len} the discipline discards. */
    final void dropped(Packet p, int len) {
        stats.qdiscDrops++;
        stats.qdiscDropBytes += len + framing;
    }
}
