package org.sockeye.net;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sockeye.protocols.Packet;

/**
 * A network node: interfaces and a forwarding table from destination IPv4 address to the
 * outgoing interface (host routes, filled by {@link Routing}).
 */
public abstract class Node {
    private final String name;
    private final List<Interface> interfaces = new ArrayList<>();
    private final Int2ObjectOpenHashMap<Interface> forwarding = new Int2ObjectOpenHashMap<>();
    /** This node's addresses: a router of a big dumbbell has hundreds, checked for every packet. */
    private final IntOpenHashSet addresses = new IntOpenHashSet();
    protected final NetworkCounters counters;
    private boolean down;

    protected Node(String name, NetworkCounters counters) {
        this.name = name;
        this.counters = counters;
    }

    public String name() {
        return name;
    }

    /**
     * Takes the node down (a crash or power loss: it neither sends nor receives, and its peers are
     * not told) or brings it back up. Its state survives, as if frozen.
     */
    public void setDown(boolean down) {
        this.down = down;
    }

    public boolean isDown() {
        return down;
    }

    public List<Interface> interfaces() {
        return Collections.unmodifiableList(interfaces);
    }

    Interface addInterface(int address, int mtu) {
        Interface i = new Interface(this, address, mtu);
        interfaces.add(i);
        addresses.add(address);
        return i;
    }

    /** An address of this node on no link (a host's loopback). */
    void addAddress(int address) {
        addresses.add(address);
    }

    void setRoute(int destination, Interface via) {
        forwarding.put(destination, via);
    }

    /** The interface towards {@code destination}, or null if unreachable. */
    public Interface route(int destination) {
        return forwarding.get(destination);
    }

    /** Whether one of this node's interfaces has {@code address}. */
    public boolean owns(int address) {
        return addresses.contains(address);
    }

    /**
     * Forwards a packet towards its destination. Drops it (counted) if there is no route, its TTL
     * has run out, or it exceeds the egress MTU (IPv4 with DF set, as TCP and PMTU-discovering UDP
     * send: no fragmentation).
     */
    protected void forward(Packet p) {
        Interface out = forwarding.get(p.dstAddr);
        if (out == null) {
            counters.noRouteDrops++;
            return;
        }
        if (p.ipLength() > out.mtu()) {
            counters.mtuDrops++;
            return;
        }
        out.send(p);
    }

    /** A packet arriving from a link on interface {@code in}. */
    abstract void receive(Packet p, Interface in);

    @Override
    public String toString() {
        return name;
    }
}
