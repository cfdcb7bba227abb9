package org.sockeye.config;

/**
 * A host's network interface cards ({@code nic:} on a host; every interface of the host gets one).
 *
 * @param txRing transmit descriptors: packets handed to the NIC and not yet DMA'd to it
 * @param rxRing receive descriptors: frames taken off the wire and not yet processed by NAPI;
 *     a frame arriving to a full ring is dropped (counted as rx_ring_drops)
 * @param busRateBps the host bus (PCIe) rate each DMA transfer is serialised at, per direction
 * @param dmaLatencyPs fixed latency of one DMA transfer, on top of its serialisation
 * @param rxUsecsPs interrupt coalescing (ethtool rx-usecs): the interrupt is delayed this long
 *     after the first frame since the last one; 0 interrupts at once
 * @param rxFrames interrupt coalescing (ethtool rx-frames): interrupt as soon as this many frames
 *     are waiting; 0 means unused (the timer alone decides)
 * @param napiBudget frames one NAPI poll processes before yielding the core (Linux's weight, 64)
 * @param rss receive-side scaling: one receive queue per core, flows spread by 5-tuple hash
 */
public record NicSpec(int txRing, int rxRing, long busRateBps, long dmaLatencyPs, long rxUsecsPs, int rxFrames,
        int napiBudget, boolean rss) {
    public static final int DEFAULT_RING = 256;
    public static final long DEFAULT_BUS_RATE_BPS = 64_000_000_000L;
    public static final long DEFAULT_DMA_LATENCY_PS = 1_000_000L;
    /** Linux's NAPI_POLL_WEIGHT. */
    public static final int DEFAULT_NAPI_BUDGET = 64;

    public static NicSpec defaults() {
        return new NicSpec(DEFAULT_RING, DEFAULT_RING, DEFAULT_BUS_RATE_BPS, DEFAULT_DMA_LATENCY_PS, 0, 1,
                DEFAULT_NAPI_BUDGET, false);
    }

    /**
     * The rx-frames default: 1 with rx-usecs 0 (an interrupt per frame, ethtool's "coalescing
     * off"), unused otherwise, following ethtool.h's rule for timer-only hardware that
     * max_frames == !usecs.
     */
    public static int defaultRxFrames(long rxUsecsPs) {
        return rxUsecsPs == 0 ? 1 : 0;
    }
}
