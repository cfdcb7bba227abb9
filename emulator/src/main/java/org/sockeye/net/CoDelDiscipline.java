package org.sockeye.net;

import org.sockeye.config.LinkSpec;
import org.sockeye.protocols.Packet;

/** RFC 8289 CoDel over a single FIFO, tail-dropping beyond its packet limit. */
final class CoDelDiscipline extends QueueDiscipline {
    private final TimedFifo fifo = new TimedFifo();
    private final CoDelControl codel;
    private final int limitPackets;

    CoDelDiscipline(LinkSpec.CoDelSpec spec, int mtu, int framing, ChannelStats stats) {
        super(stats, framing);
        this.codel = new CoDelControl(spec.targetPs(), spec.intervalPs(), mtu);
        this.limitPackets = spec.limitPackets();
    }

    @Override
    public void enqueue(Packet p, long now) {
        // RFC 8289 §4: the limit only guards memory; CoDel itself drops at dequeue.
        if (fifo.packets() >= limitPackets) {
            dropped(p, p.ipLength());
            return;
        }
        fifo.add(p, p.ipLength(), now);
    }

    @Override
    public Packet dequeue(long now) {
        return codel.dequeue(fifo, now, this);
    }

    @Override
    public int packets() {
        return fifo.packets();
    }

    @Override
    public long bytes() {
        return fifo.bytes();
    }

    CoDelControl control() {
        return codel;
    }
}
