package org.sockeye.net;

/** Counters of one link direction. Bytes are wire bytes (IPv4 datagram plus link framing). */
public final class ChannelStats {
    public long packetsSent;
    public long bytesSent;
    public long queueDrops;
    public long queueDropBytes;
    public long lossDrops;
    public long lossDropBytes;
    public long reordered;
    /** Packets a queue discipline (CoDel, FQ-CoDel) discarded, and their wire bytes. */
    public long qdiscDrops;
    public long qdiscDropBytes;

    public long drops() {
        return queueDrops + lossDrops + qdiscDrops;
    }

    public long dropBytes() {
        return queueDropBytes + lossDropBytes + qdiscDropBytes;
    }
}
