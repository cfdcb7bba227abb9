package org.sockeye.net;

import org.sockeye.config.NicSpec;
import org.sockeye.protocols.Packet;
import org.sockeye.sim.Scheduler;

/**
 * The NIC behind one interface of a machine. Transmit: a packet takes a tx descriptor, is DMA'd
 * to the card and handed to the link's channel; when every descriptor is taken the driver stops
 * the queue and packets wait above it (Linux: netif_stop_queue). The descriptor is freed when the
 * frame reaches the channel, whose queue stands for the device queue. Receive: frames go to one
 * of the {@link RxQueue}s (one per core with RSS, else one).
 */
final class NicPort implements Dma.Sink {
    private final Interface iface;
    private final int txRing;
    private final Dma txDma;
    private final TimedFifo txBacklog = new TimedFifo();
    private final Scheduler scheduler;
    private int txInFlight;
    private final RxQueue[] rxQueues;
    private final boolean rss;

    NicPort(Machine machine, Interface iface, Scheduler scheduler) {
        NicSpec spec = machine.nic();
        this.iface = iface;
        this.scheduler = scheduler;
        this.txRing = spec.txRing();
        this.txDma = new Dma(scheduler, spec.busRateBps(), spec.dmaLatencyPs(), this);
        this.rss = spec.rss();
        int queues = rss ? machine.coreCount() : 1;
        this.rxQueues = new RxQueue[queues];
        for (int q = 0; q < queues; q++) {
            rxQueues[q] = new RxQueue(machine, q, iface, scheduler);
        }
    }

    void send(Packet p) {
        if (txInFlight < txRing) {
            txInFlight++;
            txDma.start(p, iface.out().wireBytes(p));
        } else {
            txBacklog.add(p, p.ipLength(), scheduler.now());
        }
    }

    @Override
    public void dmaDone(Packet p) {
        txInFlight--;
        iface.out().send(p);
        if (!txBacklog.isEmpty()) {
            send(txBacklog.poll());
        }
    }

    void receive(Packet p) {
        RxQueue q = rss ? rxQueues[Math.floorMod(FlowHash.symmetric(p), rxQueues.length)] : rxQueues[0];
        q.arrive(p);
    }
}
