package org.sockeye.net;

import org.sockeye.protocols.Packet;
import org.sockeye.sim.Event;
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
    private final Sink sink;
    private Packet[] packets = new Packet[16];
    private long[] doneAt = new long[16];
    private int head;
    private int size;
    private long busFreeAt;
    private final Event completion = new Event() {
        @Override
        public void run() {
            completeDue();
        }
    };

    Dma(Scheduler scheduler, long busRateBps, long latencyPs, Sink sink) {
        this.scheduler = scheduler;
        this.busRateBps = busRateBps;
        this.latencyPs = latencyPs;
        this.sink = sink;
    }

    void start(Packet p, int bytes) {
        busFreeAt = Math.max(scheduler.now(), busFreeAt) + Time.serialisation(bytes, busRateBps);
        if (size == packets.length) {
            grow();
        }
        int slot = (head + size) & (packets.length - 1);
        packets[slot] = p;
        doneAt[slot] = busFreeAt + latencyPs;
        size++;
        if (!completion.isPending()) {
            scheduler.schedule(completion, doneAt[head]);
        }
    }

    private void completeDue() {
        long now = scheduler.now();
        while (size > 0 && doneAt[head] <= now) {
            Packet p = packets[head];
            packets[head] = null;
            head = (head + 1) & (packets.length - 1);
            size--;
            sink.dmaDone(p);
        }
        if (size > 0 && !completion.isPending()) {
            scheduler.schedule(completion, doneAt[head]);
        }
    }

    private void grow() {
        int n = packets.length;
        Packet[] p = new Packet[n * 2];
        long[] t = new long[n * 2];
        for (int i = 0; i < size; i++) {
            p[i] = packets[(head + i) & (n - 1)];
            t[i] = doneAt[(head + i) & (n - 1)];
        }
        packets = p;
        doneAt = t;
        head = 0;
    }
}
