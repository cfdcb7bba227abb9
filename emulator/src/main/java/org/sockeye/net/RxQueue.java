package org.sockeye.net;

import org.sockeye.config.NicSpec;
import org.sockeye.protocols.Packet;
import org.sockeye.sim.Event;
import org.sockeye.sim.Scheduler;

/**
 * One receive queue of a NIC, bound to one core: descriptor ring, DMA into host memory, interrupt
 * coalescing and NAPI polling.
 *
 * <ul>
 *   <li>A frame off the wire needs a free descriptor, else it is dropped (rx_ring_drops). It holds
 *       its descriptor through DMA and until NAPI has processed it.</li>
 *   <li>Once in memory, with interrupts enabled, it raises an interrupt at once (rx-usecs 0), when
 *       rx-frames frames are waiting, or rx-usecs after the first waiting frame, whichever comes
 *       first (ethtool.h, struct ethtool_coalesce).</li>
 *   <li>The interrupt costs its entry on the core, then disables further interrupts and schedules
 *       NAPI (Linux: napi_schedule). Each poll processes up to the budget of frames, one after
 *       another on the core; with frames left it yields and polls again (Linux: net_rx_action's
 *       repoll), with none it completes and re-enables interrupts (napi_complete_done).</li>
 * </ul>
 */
final class RxQueue implements Dma.Sink, Core.Client {
    private static final int IRQ = 0;
    private static final int RX = 1;
    private static final int REPOLL = 2;

    private final Machine machine;
    private final Core core;
    private final int coreIndex;
    private final Interface iface;
    private final Scheduler scheduler;
    private final int ring;
    private final long rxUsecsPs;
    private final int rxFrames;
    private final int budget;
    private final Dma dma;
    private final TimedFifo inMemory = new TimedFifo();
    private int descriptorsHeld;
    private int waitingSinceInterrupt;
    private boolean napiScheduled;
    private int budgetLeft;
    private final Event coalesceTimer = new Event() {
        @Override
        public void run() {
            interrupt();
        }
    };

    RxQueue(Machine machine, int coreIndex, Interface iface, Scheduler scheduler) {
        NicSpec spec = machine.nic();
        this.machine = machine;
        this.core = machine.core(coreIndex);
        this.coreIndex = coreIndex;
        this.iface = iface;
        this.scheduler = scheduler;
        this.ring = spec.rxRing();
        this.rxUsecsPs = spec.rxUsecsPs();
        this.rxFrames = spec.rxFrames();
        this.budget = spec.napiBudget();
        this.dma = new Dma(scheduler, spec.busRateBps(), spec.dmaLatencyPs(), this);
    }

    void arrive(Packet p) {
        if (descriptorsHeld >= ring) {
            machine.rxRingDrops++;
            return;
        }
        descriptorsHeld++;
        dma.start(p, iface.out().wireBytes(p));
    }

    @Override
    public void dmaDone(Packet p) {
        inMemory.add(p, p.ipLength(), scheduler.now());
        if (napiScheduled) {
            return; // interrupts are off: the running poll will find it
        }
        waitingSinceInterrupt++;
        if (rxUsecsPs == 0 || (rxFrames > 0 && waitingSinceInterrupt >= rxFrames)) {
            interrupt();
        } else if (!coalesceTimer.isPending()) {
            scheduler.scheduleIn(coalesceTimer, rxUsecsPs);
        }
    }

    private void interrupt() {
        if (coalesceTimer.isPending()) {
            scheduler.cancel(coalesceTimer);
        }
        waitingSinceInterrupt = 0;
        napiScheduled = true;
        machine.interrupts++;
        long cost = machine.cpu().interruptPs();
        core.submit(this, IRQ, null, cost, cost);
    }

    @Override
    public void workDone(int kind, Packet p) {
        if (kind == RX) {
            descriptorsHeld--;
            machine.received(p, iface, coreIndex);
        } else {
            budgetLeft = budget; // IRQ or REPOLL: a fresh poll
        }
        pollNext();
    }

    private void pollNext() {
        if (inMemory.isEmpty()) {
            napiScheduled = false; // napi_complete_done: interrupts back on
            return;
        }
        if (budgetLeft == 0) {
            core.submit(this, REPOLL, null, 0, 0); // budget spent: let other work on the core go first
            return;
        }
        budgetLeft--;
        Packet p = inMemory.poll();
        long cost = machine.rxCostPs(p);
        core.submit(this, RX, p, cost, cost);
    }
}
