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

    public long drops() {
        return queueDrops + lossDrops;
    }

    public long dropBytes() {
        return queueDropBytes + lossDropBytes;
    }
}
