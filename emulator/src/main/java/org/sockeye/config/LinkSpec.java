package org.sockeye.config;

import java.util.Optional;

/**
 * A full-duplex point-to-point link between two nodes. Both directions share rate, delay, MTU,
 * queue, loss, jitter and reordering settings, each direction with its own queue and random
 * streams.
 *
 * @param name unique link name (default {@code a-b})
 * @param a first endpoint node name
 * @param b second endpoint node name
 * @param addressA IPv4 address of a's interface, or empty for automatic assignment
 * @param addressB IPv4 address of b's interface, or empty for automatic assignment
 * @param rateBps bits per second, &gt; 0
 * @param delayPs one-way propagation delay, &ge; 0
 * @param mtu largest IPv4 packet in bytes (default 1500)
 * @param framing link-layer framing that counts on the wire
 * @param queue output queue of each direction
 * @param loss loss model applied to each direction
 * @param jitterPs extra delay drawn uniformly from [0, jitter] per packet (0 = none); jitter
 *     never reorders: a packet never arrives before one sent earlier on the same direction
 * @param reorder explicit reordering, or a probability of 0 for none
 * @param qdisc queue discipline above each direction's device queue, or {@link NoQdisc} for the
 *     device's drop-tail queue alone
 */
public record LinkSpec(
        String name,
        String a,
        String b,
        Optional<String> addressA,
        Optional<String> addressB,
        long rateBps,
        long delayPs,
        int mtu,
        Framing framing,
        QueueSpec queue,
        LossSpec loss,
        long jitterPs,
        ReorderSpec reorder,
        QdiscSpec qdisc) {

    /** A link with no queue discipline: the device's drop-tail queue alone. */
    public LinkSpec(String name, String a, String b, Optional<String> addressA, Optional<String> addressB,
            long rateBps, long delayPs, int mtu, Framing framing, QueueSpec queue, LossSpec loss, long jitterPs,
            ReorderSpec reorder) {
        this(name, a, b, addressA, addressB, rateBps, delayPs, mtu, framing, queue, loss, jitterPs, reorder,
                new NoQdisc());
    }

    /** Bytes of link-layer framing added to each IPv4 packet on the wire. */
    public enum Framing {
        /** Ethernet II header (14) and FCS (4). */
        ETHERNET(18),
        /** Ethernet plus preamble/SFD (8) and minimum inter-frame gap (12): true line occupancy. */
        ETHERNET_PHY(38),
        /** PPP in HDLC-like framing as ns-3's point-to-point device counts it (2-byte protocol). */
        PPP(2);

        public final int overheadBytes;

        Framing(int overheadBytes) {
            this.overheadBytes = overheadBytes;
        }
    }

    /**
     * A drop-tail queue limited in packets or in bytes (exactly one of the two is positive).
     */
    public record QueueSpec(int limitPackets, long limitBytes) {
        public static QueueSpec packets(int n) {
            return new QueueSpec(n, 0);
        }

        public static QueueSpec bytes(long n) {
            return new QueueSpec(0, n);
        }
    }

    /** A loss model. */
    public sealed interface LossSpec permits NoLoss, BernoulliLoss, GilbertElliottLoss {
    }

    public record NoLoss() implements LossSpec {
    }

    /** Each packet lost independently with probability {@code rate}. */
    public record BernoulliLoss(double rate) implements LossSpec {
    }

    /**
     * Two-state Markov (Gilbert–Elliott) bursty loss: in the good state a packet is lost with
     * probability {@code lossGood}, in the bad state with {@code lossBad}; after each packet the
     * chain moves good→bad with probability {@code pGoodToBad} and bad→good with {@code pBadToGood}.
     */
    public record GilbertElliottLoss(double pGoodToBad, double pBadToGood, double lossGood, double lossBad)
            implements LossSpec {
    }

    /**
     * With probability {@code probability} a packet is held back an extra {@code extraDelayPs}, so
     * packets sent after it can overtake it (like netem's reorder with a delay).
     */
    public record ReorderSpec(double probability, long extraDelayPs) {
        public static final ReorderSpec NONE = new ReorderSpec(0, 0);
    }

    /** A queue discipline (Linux qdisc / ns-3 QueueDisc) above the device queue. */
    public sealed interface QdiscSpec permits NoQdisc, CoDelSpec, FqCoDelSpec {
    }

    public record NoQdisc() implements QdiscSpec {
    }

    /** RFC 8289 CoDel over one FIFO of at most {@code limitPackets} packets. */
    public record CoDelSpec(long targetPs, long intervalPs, int limitPackets) implements QdiscSpec {
    }

    /**
     * RFC 8290 FQ-CoDel: {@code flows} hash buckets served by DRR++ with {@code quantumBytes}, CoDel
     * per bucket, at most {@code limitPackets} in total, dropping up to {@code dropBatch} packets from
     * the fattest bucket when full.
     */
    public record FqCoDelSpec(long targetPs, long intervalPs, int flows, int quantumBytes, int limitPackets,
            int dropBatch) implements QdiscSpec {
    }
}
