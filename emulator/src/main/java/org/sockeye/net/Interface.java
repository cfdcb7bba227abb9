package org.sockeye.net;

import org.sockeye.protocols.Ipv4;
import org.sockeye.protocols.Packet;

/** A node's attachment to one link: its IPv4 address, MTU and outgoing channel. */
public final class Interface {
    private final Node node;
    private final int address;
    private final int mtu;
    private Channel out;
    private NicPort nic; // null: packets go straight between the node and the link
    private PacketObserver received; // a capture of this interface's incoming side, or null

    Interface(Node node, int address, int mtu) {
        this.node = node;
        this.address = address;
        this.mtu = mtu;
    }

    void attach(Channel out) {
        this.out = out;
    }

    void attachNic(NicPort nic) {
        this.nic = nic;
    }

    /** Sends a packet out of this interface: through its NIC if it has one, else onto the link. */
    void send(Packet p) {
        if (nic != null) {
            nic.send(p);
        } else {
            out.send(p);
        }
    }

    public Node node() {
        return node;
    }

    public int address() {
        return address;
    }

    public int mtu() {
        return mtu;
    }

    /** The direction of the link leaving this interface. */
    public Channel out() {
        return out;
    }

    /** Observes every packet arriving on this interface (as its last bit arrives). */
    public void observeReceived(PacketObserver o) {
        this.received = o;
    }

    /** A packet arriving on this interface from the link. */
    void receive(Packet p) {
        if (received != null) {
            received.seen(p);
        }
        if (node.isDown()) {
            node.counters.downDrops++;
            return;
        }
        if (nic != null) {
            nic.receive(p); // reaches the node once NAPI has processed it
            return;
        }
        node.receive(p, this);
    }

    @Override
    public String toString() {
        return node.name() + "[" + Ipv4.format(address) + "]";
    }
}
