package org.sockeye.net;

import org.sockeye.protocols.Packet;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

/**
 * One direction of a NIC's DMA over the host bus: transfers are serialised at the bus rate one
 * after another, and each completes a fixed latency after its last byte crossed. Completions keep
 * FIFO order, so one re-armed event serves them all (no allocation per packet).
 */
final class Dma {
    /** Told when a packet's transfer has completed. */
    interface Sink {
        void dmaDone(Packet p);
    }

    private final Scheduler scheduler;
    private final long busRateBps;
    private final long latencyPs;
    private final DelayLine completions;
    private long busFreeAt;

    Dma(Scheduler scheduler, long busRateBps, long latencyPs, Sink sink) {
        this.scheduler = scheduler;
        this.busRateBps = busRateBps;
        this.latencyPs = latencyPs;
        this.completions = new DelayLine(scheduler, sink::dmaDone);
    }

    void start(Packet p, int bytes) {
        busFreeAt = Math.max(scheduler.now(), busFreeAt) + Time.serialisation(bytes, busRateBps);
        completions.add(p, busFreeAt + latencyPs);
    }
}
