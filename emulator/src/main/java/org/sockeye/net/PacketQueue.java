package org.sockeye.net;

import org.sockeye.protocols.Packet;

/**
 * A drop-tail FIFO of packets waiting for a transmitter, limited in packets or in bytes (the
 * packet on the wire is not in the queue, as with a Linux qdisc or an ns-3 device queue).
 *
 * <p>A growable ring of packet references; it also integrates its occupancy over time so the
 * time-weighted mean queue length costs two multiplications per change, not a sample per event.
 */
public final class PacketQueue {
    private final int limitPackets;
    private final long limitBytes;

    private Packet[] ring = new Packet[16];
    private int head;
    private int size;
    private long bytes;

    private int maxPackets;
    private long maxBytes;
    private long lastChange;
    private double packetTimeIntegral; // sum of size * dt, in packet·ps

    /** @param limitPackets limit in packets, or 0 if limited in bytes
     *  @param limitBytes limit in bytes, or 0 if limited in packets */
    public PacketQueue(int limitPackets, long limitBytes) {
        if ((limitPackets > 0) == (limitBytes > 0)) {
            throw new IllegalArgumentException("exactly one of the packet and byte limits must be positive");
        }
        this.limitPackets = limitPackets;
        this.limitBytes = limitBytes;
    }

    /** Appends {@code p} ({@code len} bytes) unless that would exceed the limit; returns whether it did. */
    public boolean offer(Packet p, int len, long now) {
        if (!hasRoomFor(len)) {
            return false;
        }
        account(now);
        if (size == ring.length) {
            grow();
        }
        ring[(head + size) & (ring.length - 1)] = p;
        size++;
        bytes += len;
        if (size > maxPackets) {
            maxPackets = size;
        }
        if (bytes > maxBytes) {
            maxBytes = bytes;
        }
        return true;
    }

    /** Removes and returns the head packet, whose length the caller passes back in {@code len}. */
    public Packet poll(int len, long now) {
        account(now);
        Packet p = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        bytes -= len;
        return p;
    }

    /** Whether a packet of {@code len} bytes would be accepted now. */
    public boolean hasRoomFor(int len) {
        return limitPackets > 0 ? size < limitPackets : bytes + len <= limitBytes;
    }

    public Packet peek() {
        return size == 0 ? null : ring[head];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int packets() {
        return size;
    }

    public long bytes() {
        return bytes;
    }

    public int maxPackets() {
        return maxPackets;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Time-weighted mean number of queued packets over [0, now]. */
    public double meanPackets(long now) {
        account(now);
        return now == 0 ? 0 : packetTimeIntegral / now;
    }

    private void account(long now) {
        packetTimeIntegral += (double) size * (now - lastChange);
        lastChange = now;
    }

    private void grow() {
        Packet[] bigger = new Packet[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = bigger;
        head = 0;
    }
}
