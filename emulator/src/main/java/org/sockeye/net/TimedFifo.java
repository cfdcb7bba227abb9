package org.sockeye.net;

import org.sockeye.protocols.Packet;

/**
 * A FIFO of packets with the IPv4 length and enqueue time of each, for disciplines that measure
 * sojourn time (CoDel). Parallel growable rings, so queueing allocates nothing once warmed up.
 */
final class TimedFifo {
    private Packet[] packets = new Packet[16];
    private int[] lengths = new int[16];
    private long[] times = new long[16];
    private int head;
    private int size;
    private long bytes;

    void add(Packet p, int len, long now) {
        if (size == packets.length) {
            grow();
        }
        int slot = (head + size) & (packets.length - 1);
        packets[slot] = p;
        lengths[slot] = len;
        times[slot] = now;
        size++;
        bytes += len;
    }

    /** Enqueue time of the head packet; the queue must not be empty. */
    long headTime() {
        return times[head];
    }

    /** IPv4 length of the head packet; the queue must not be empty. */
    int headLength() {
        return lengths[head];
    }

    /** Removes and returns the head packet, or null if empty. */
    Packet poll() {
        if (size == 0) {
            return null;
        }
        Packet p = packets[head];
        packets[head] = null;
        bytes -= lengths[head];
        head = (head + 1) & (packets.length - 1);
        size--;
        return p;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int packets() {
        return size;
    }

    long bytes() {
        return bytes;
    }

    private void grow() {
        int n = packets.length;
        Packet[] p = new Packet[n * 2];
        int[] l = new int[n * 2];
        long[] t = new long[n * 2];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (n - 1);
            p[i] = packets[from];
            l[i] = lengths[from];
            t[i] = times[from];
        }
        packets = p;
        lengths = l;
        times = t;
        head = 0;
    }
}
