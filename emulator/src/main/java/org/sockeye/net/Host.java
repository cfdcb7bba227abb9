package org.sockeye.net;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import org.sockeye.protocols.Errno;
import org.sockeye.protocols.Packet;
import org.sockeye.sim.Scheduler;

/**
 * An end host: terminates traffic addressed to any of its interfaces and demultiplexes it to
 * transport sockets by protocol and port; sends its own traffic along its forwarding table.
 * Hosts do not forward others' packets (Linux's default, ip_forward = 0).
 */
public final class Host extends Node {
    /** Linux's default ephemeral port range, net.ipv4.ip_local_port_range = 32768 60999. */
    public static final int EPHEMERAL_FIRST = 32_768;
    public static final int EPHEMERAL_LAST = 60_999;
    /** 127.0.0.1: every host has a loopback interface (MTU 65536, as Linux's lo). */
    public static final int LOOPBACK = org.sockeye.protocols.Ipv4.parse("127.0.0.1");
    public static final int LOOPBACK_MTU = 65_536;

    private final Scheduler scheduler;
    private final PacketIds ids;
    private final Int2ObjectOpenHashMap<UdpSocket> udpPorts = new Int2ObjectOpenHashMap<>();
    private int nextEphemeral = EPHEMERAL_FIRST;
    private int ephemeralFirst = EPHEMERAL_FIRST;
    private int ephemeralLast = EPHEMERAL_LAST;
    private TcpStack tcp;
    private Object kernel; // the org.sockeye.os kernel of this host, created on first use
    /** Loopback without a machine: delivered by an event, never re-entrantly from the sender. */
    private final DelayLine loopback;
    private PacketObserver loopbackObserver; // a capture of lo, or null
    private Machine machine; // null: packet processing costs no time
    private long packetsSent;
    private long packetsReceived;

    Host(String name, NetworkCounters counters, Scheduler scheduler, PacketIds ids) {
        super(name, counters);
        this.scheduler = scheduler;
        this.ids = ids;
        this.loopback = new DelayLine(scheduler, this::deliverLocally);
        addAddress(LOOPBACK);
    }

    /** This host's TCP (configured by {@link #configureTcp}; Linux defaults otherwise). */
    public TcpStack tcp() {
        if (tcp == null) {
            tcp = new TcpStack(this, org.sockeye.protocols.tcp.TcpProfiles.linux());
        }
        return tcp;
    }

    void configureTcp(org.sockeye.protocols.tcp.TcpConfig config) {
        tcp = new TcpStack(this, config);
    }

    /** Models this host as a machine: CPU cores with network costs and a NIC on every interface. */
    void makeMachine(org.sockeye.config.CpuSpec cpu, org.sockeye.config.NicSpec nic) {
        machine = new Machine(this, scheduler, cpu, nic);
        for (Interface i : interfaces()) {
            machine.equip(i, scheduler);
        }
    }

    /** The machine model, or null if this host's packet processing costs no time. */
    public Machine machine() {
        return machine;
    }

    /**
     * Per-host state of a higher layer (the simulated kernel of org.sockeye.os), created by
     * {@code factory} on first use: the network model does not depend on that layer.
     */
    @SuppressWarnings("unchecked")
    public <T> T kernel(java.util.function.Function<Host, T> factory) {
        if (kernel == null) {
            kernel = factory.apply(this);
        }
        return (T) kernel;
    }

    /** Observes every packet the host sends to itself (tcpdump -i lo). */
    public void observeLoopback(PacketObserver o) {
        this.loopbackObserver = o;
    }

    /** The ephemeral port range (Linux net.ipv4.ip_local_port_range). */
    public void setEphemeralRange(int first, int last) {
        if (first < 1 || last > 65_535 || first > last) {
            throw new IllegalArgumentException("bad ephemeral port range " + first + "-" + last);
        }
        ephemeralFirst = first;
        ephemeralLast = last;
        nextEphemeral = first;
        if (tcp != null) {
            tcp.resetEphemeral();
        }
    }

    public int ephemeralFirst() {
        return ephemeralFirst;
    }

    public int ephemeralLast() {
        return ephemeralLast;
    }

    /** Packets this host's stack sent (loopback included). */
    public long packetsSent() {
        return packetsSent;
    }

    /** Packets addressed to this host that its stack processed. */
    public long packetsReceived() {
        return packetsReceived;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The host's primary address: that of its first interface (loopback's for a host on no link). */
    public int address() {
        return interfaces().isEmpty() ? LOOPBACK : interfaces().get(0).address();
    }

    /**
     * Binds a UDP socket to {@code port} (0 picks the next free ephemeral port).
     *
     * @throws SocketException EADDRINUSE if taken, EADDRNOTAVAIL if no ephemeral port is free
     */
    public UdpSocket bindUdp(int port, UdpSocket.Receiver receiver) {
        if (port == 0) {
            port = freeEphemeral();
        } else if (udpPorts.containsKey(port)) {
            throw new SocketException(Errno.EADDRINUSE, "UDP port " + port + " on " + name());
        }
        UdpSocket s = new UdpSocket(this, port, receiver);
        udpPorts.put(port, s);
        return s;
    }

    void unbindUdp(int port) {
        udpPorts.remove(port);
    }

    /** Whether a UDP socket is bound to {@code port}. */
    public boolean udpBound(int port) {
        return udpPorts.containsKey(port);
    }

    private int freeEphemeral() {
        int span = ephemeralLast - ephemeralFirst + 1;
        for (int tries = 0; tries < span; tries++) {
            int p = nextEphemeral;
            nextEphemeral = p == ephemeralLast ? ephemeralFirst : p + 1;
            if (!udpPorts.containsKey(p)) {
                return p;
            }
        }
        throw new SocketException(Errno.EADDRNOTAVAIL, "no free ephemeral UDP port on " + name());
    }

    /** A new packet with a run-unique id, for this host's transport layer to fill in. */
    Packet newPacket() {
        Packet p = new Packet();
        p.id = ids.next();
        return p;
    }

    /** MTU of the interface that traffic to {@code destination} leaves by, or 0 if unreachable. */
    public int pathMtu(int destination) {
        if (owns(destination)) {
            return LOOPBACK_MTU;
        }
        Interface out = route(destination);
        return out == null ? 0 : out.mtu();
    }

    /** Sends a packet this host originated. */
    void output(Packet p) {
        if (isDown()) {
            counters.downDrops++;
            return;
        }
        packetsSent++;
        if (owns(p.dstAddr)) {
            packetsReceived++;
            if (loopbackObserver != null) {
                loopbackObserver.seen(p);
            }
            if (machine != null) {
                machine.loopback(p);
            } else {
                loopback.add(p, scheduler.now());
            }
            return;
        }
        if (machine != null) {
            machine.transmit(p); // comes back to forwardProcessed when the core has done the work
            return;
        }
        forward(p);
    }

    /** A packet whose transmit-path CPU work is done. */
    void forwardProcessed(Packet p) {
        forward(p);
    }

    @Override
    void receive(Packet p, Interface in) {
        receiveProcessed(p, in);
    }

    /** A packet off the link (after the NIC and the receive-path CPU work, for a machine). */
    void receiveProcessed(Packet p, Interface in) {
        if (!owns(p.dstAddr)) {
            counters.noRouteDrops++; // not a router: ip_forward = 0
            return;
        }
        packetsReceived++;
        deliverLocally(p);
    }

    /** The source address for traffic to {@code destination}: loopback's own, or the egress interface's. */
    public int sourceFor(int destination) {
        if (owns(destination)) {
            return destination;
        }
        Interface out = route(destination);
        return out == null ? 0 : out.address();
    }

    void deliverLocally(Packet p) {
        if (p.protocol == Packet.PROTO_UDP) {
            UdpSocket s = udpPorts.get(p.dstPort);
            if (s == null) {
                counters.noListenerDrops++;
                return;
            }
            s.deliver(p);
        } else if (p.protocol == Packet.PROTO_TCP) {
            tcp().receive(p);
        }
    }
}
