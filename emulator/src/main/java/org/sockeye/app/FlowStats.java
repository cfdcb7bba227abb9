package org.sockeye.app;

/**
 * What is known of one flow: its sender's counters and what its receiver saw. One-way delay is
 * arrival minus the sender's timestamp; jitter is RFC 3550 §6.4.1 interarrival jitter.
 */
public final class FlowStats {
    public final String name;
    public final String protocol;
    public String source = "";
    public String destination = "";
    public long startPs;
    public long stopPs;

    public long packetsSent;
    public long bytesSent;

    public long packetsReceived;
    public long bytesReceived;
    /** Highest sender sequence number seen + 1: how many the receiver should have had. */
    public long expected;
    public long delaySumPs;
    public long delayMinPs = Long.MAX_VALUE;
    public long delayMaxPs;
    public double jitterPs;
    private long lastTransit = Long.MIN_VALUE;

    public long retransmissions;
    public long timeouts;

    /** The sending TCP connection, once connected (null for UDP flows): time series read it. */
    public org.sockeye.protocols.tcp.TcpConnection tcpSender;

    public FlowStats(String name, String protocol) {
        this.name = name;
        this.protocol = protocol;
    }

    /** Records {@code bytes} of a byte stream delivered in order to the receiving application. */
    public void streamed(long bytes) {
        bytesReceived += bytes;
    }

    /** Records a datagram of {@code bytes} with sender sequence {@code seq} sent at {@code sentAt}. */
    public void received(long bytes, long seq, long sentAt, long now) {
        packetsReceived++;
        bytesReceived += bytes;
        if (seq + 1 > expected) {
            expected = seq + 1;
        }
        long transit = now - sentAt;
        delaySumPs += transit;
        delayMinPs = Math.min(delayMinPs, transit);
        delayMaxPs = Math.max(delayMaxPs, transit);
        if (lastTransit != Long.MIN_VALUE) {
            // RFC 3550 §6.4.1: J += (|D| - J) / 16, D the change in transit time.
            jitterPs += (Math.abs(transit - lastTransit) - jitterPs) / 16.0;
        }
        lastTransit = transit;
    }

    /** Datagrams the receiver is missing among those up to the highest it saw (sink-side loss). */
    public long lost() {
        return Math.max(0, expected - packetsReceived);
    }

    public double lossRate() {
        return expected == 0 ? 0 : (double) lost() / expected;
    }

    public double meanDelayPs() {
        return packetsReceived == 0 ? Double.NaN : (double) delaySumPs / packetsReceived;
    }
}
