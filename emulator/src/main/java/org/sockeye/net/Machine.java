package org.sockeye.net;

import org.sockeye.config.CpuSpec;
import org.sockeye.config.NicSpec;
import org.sockeye.protocols.Packet;
import org.sockeye.sim.Scheduler;

/**
 * A host modelled as a machine: its cores and what network work costs on them, plus the counters
 * results report. The transmit path runs here (stack to driver, or through loopback); the receive
 * path runs in each NIC's {@link RxQueue}s, on the cores this machine hands out; system calls run
 * on their process's core (see org.sockeye.os).
 *
 * <p>Transmit work runs on the core of whoever caused it, as in Linux: a system call's packets on
 * the calling process's core, an ACK-clocked transmission on the core whose softirq processed the
 * ACK. Only work with no such context (a timer) goes to the flow's core ({@link #coreFor}).
 */
public final class Machine implements Core.Client {
    private static final int TX = 0;
    private static final int LOOPBACK_TX = 1;
    private static final int LOOPBACK_RX = 2;
    /** A loopback packet's work kind carries its core above these bits: the softirq runs where it was sent. */
    private static final int KIND_BITS = 2;

    private final Host host;
    private final CpuSpec cpu;
    private final NicSpec nic;
    private final Core[] cores;
    /** The core whose work is running now (a process's system call, a softirq), or -1. */
    private int context = -1;
    long interrupts;
    long rxRingDrops;

    Machine(Host host, Scheduler scheduler, CpuSpec cpu, NicSpec nic) {
        this.host = host;
        this.cpu = cpu;
        this.nic = nic;
        this.cores = new Core[cpu.cores()];
        for (int i = 0; i < cores.length; i++) {
            cores[i] = new Core(scheduler);
        }
    }

    public CpuSpec cpu() {
        return cpu;
    }

    public NicSpec nic() {
        return nic;
    }

    /** Gives {@code i} a NIC of this machine's kind. */
    void equip(Interface i, Scheduler scheduler) {
        i.attachNic(new NicPort(this, i, scheduler));
    }

    public int coreCount() {
        return cores.length;
    }

    public Core core(int index) {
        return cores[index];
    }

    /**
     * Makes {@code core} the current context, so the packets sent until {@link #leave} are
     * processed on it; returns the previous context (contexts nest: a system call made from a
     * softirq's wake-up).
     */
    public int enter(int core) {
        int outer = context;
        context = core;
        return outer;
    }

    public void leave(int outer) {
        context = outer;
    }

    /**
     * The core for a packet's flow: with RSS the flow's hash picks it (the same hash both ways, so a
     * flow's transmit and receive work share a core), else core 0 does all network work.
     */
    int coreFor(Packet p) {
        return nic.rss() ? Math.floorMod(FlowHash.symmetric(p), cores.length) : 0;
    }

    private int txCore(Packet p) {
        return context >= 0 ? context : coreFor(p);
    }

    /** The stack's transmit work for a packet the host sends; it leaves by the route when done. */
    void transmit(Packet p) {
        cores[txCore(p)].submit(this, TX, p, cpu.txPacketPs(p.protocol == Packet.PROTO_TCP, false), 0);
    }

    /**
     * A packet to one of the host's own addresses: transmit work and loopback_xmit on the current
     * core, then the receive work in that core's softirq (Linux: netif_rx onto the per-CPU
     * backlog, processed by the same CPU).
     */
    void loopback(Packet p) {
        int core = txCore(p);
        cores[core].submit(this, LOOPBACK_TX | core << KIND_BITS, p,
                cpu.txPacketPs(p.protocol == Packet.PROTO_TCP, true), 0);
    }

    @Override
    public void workDone(int kind, Packet p) {
        int core = kind >>> KIND_BITS; // a loopback packet's core (the sender's context is gone by now)
        switch (kind & ((1 << KIND_BITS) - 1)) {
            case TX -> host.forwardProcessed(p);
            case LOOPBACK_TX -> {
                long rx = cpu.rxPacketPs(p.protocol == Packet.PROTO_TCP, true);
                cores[core].submit(this, LOOPBACK_RX | core << KIND_BITS, p, rx, rx);
            }
            default -> {
                int outer = enter(core);
                try {
                    host.deliverLocally(p);
                } finally {
                    leave(outer);
                }
            }
        }
    }

    /** Receive-path (softirq) work for a packet off a NIC. */
    long rxCostPs(Packet p) {
        return cpu.rxPacketPs(p.protocol == Packet.PROTO_TCP, false);
    }

    /** Called by a receive queue on {@code core} when the stack has processed a packet. */
    void received(Packet p, Interface in, int core) {
        int outer = enter(core);
        try {
            host.receiveProcessed(p, in);
        } finally {
            leave(outer);
        }
    }

    /** Busy time of all cores up to {@code now}. */
    public long busyPs(long now) {
        long sum = 0;
        for (Core c : cores) {
            sum += c.busyPs(now);
        }
        return sum;
    }

    /** Busy time over available time, all cores, from 0 to {@code now}. */
    public double utilisation(long now) {
        return now <= 0 ? 0.0 : (double) busyPs(now) / ((double) cores.length * now);
    }

    public long softirqPs() {
        long sum = 0;
        for (Core c : cores) {
            sum += c.softirqPs();
        }
        return sum;
    }

    public long interrupts() {
        return interrupts;
    }

    public long rxRingDrops() {
        return rxRingDrops;
    }
}
