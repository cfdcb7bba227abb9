package org.sockeye.net;

import org.sockeye.config.CpuSpec;
import org.sockeye.config.NicSpec;
import org.sockeye.protocols.Packet;
import org.sockeye.sim.Scheduler;

/**
 * A host modelled as a machine: its cores and what network work costs on them, plus the counters
 * results report. The transmit path runs here (socket to driver); the receive path runs in each
 * NIC's {@link RxQueue}s, on the cores this machine hands out.
 */
public final class Machine implements Core.Client {
    private static final int TX = 0;

    private final Host host;
    private final Scheduler scheduler;
    private final CpuSpec cpu;
    private final NicSpec nic;
    private final Core[] cores;
    long interrupts;
    long rxRingDrops;

    Machine(Host host, Scheduler scheduler, CpuSpec cpu, NicSpec nic) {
        this.host = host;
        this.scheduler = scheduler;
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
    void equip(Interface i) {
        i.attachNic(new NicPort(this, i, scheduler));
    }

    int coreCount() {
        return cores.length;
    }

    Core core(int index) {
        return cores[index];
    }

    /**
     * The core for a packet's flow: with RSS the flow's hash picks it (the same hash both ways, so a
     * flow's transmit and receive work share a core), else core 0 does all network work.
     */
    int coreFor(Packet p) {
        return nic.rss() ? Math.floorMod(FlowHash.symmetric(p), cores.length) : 0;
    }

    /** The stack's transmit work for a packet the host sends; it leaves by the route when done. */
    void transmit(Packet p) {
        cores[coreFor(p)].submit(this, TX, p, txCostPs(p), 0);
    }

    @Override
    public void workDone(int kind, Packet p) {
        host.forwardProcessed(p);
    }

    long txCostPs(Packet p) {
        long cost = cpu.txPacketPs() + cpu.copyPsPerByte() * p.payloadLength;
        return p.protocol == Packet.PROTO_UDP ? cost + cpu.syscallPs() : cost;
    }

    long rxCostPs(Packet p) {
        long cost = cpu.rxPacketPs() + cpu.copyPsPerByte() * p.payloadLength;
        return p.protocol == Packet.PROTO_UDP ? cost + cpu.syscallPs() : cost;
    }

    /** Called by a receive queue when the stack has processed a packet. */
    void received(Packet p, Interface in) {
        host.receiveProcessed(p, in);
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
