package org.sockeye.net;

import org.sockeye.protocols.Packet;
import org.sockeye.sim.Event;
import org.sockeye.sim.Scheduler;

/**
 * Packets each due at a time, handed on in FIFO order when due: propagation along a link, DMA
 * completions. Due times never decrease, so one re-armed event for the head serves them all and
 * nothing is allocated per packet (the rings grow by doubling).
 */
final class DelayLine {
    /** Told when a packet is due. */
    @FunctionalInterface
    interface Sink {
        void due(Packet p);
    }

    private final Scheduler scheduler;
    private final Sink sink;
    private Packet[] packets = new Packet[16];
    private long[] dueAt = new long[16];
    private int head;
    private int size;
    private long last;
    private final Event next = new Event() {
        @Override
        public void run() {
            handOn();
        }
    };

    DelayLine(Scheduler scheduler, Sink sink) {
        this.scheduler = scheduler;
        this.sink = sink;
    }

    /** The latest due time so far: a packet added now cannot be due before it. */
    long lastDue() {
        return last;
    }

    /** Adds {@code p}, due at {@code at} (not before {@link #lastDue()}). */
    void add(Packet p, long at) {
        if (at < last) {
            throw new IllegalArgumentException("due times must not decrease: " + at + " < " + last);
        }
        last = at;
        if (size == packets.length) {
            grow();
        }
        int slot = (head + size) & (packets.length - 1);
        packets[slot] = p;
        dueAt[slot] = at;
        size++;
        if (!next.isPending()) {
            scheduler.schedule(next, at);
        }
    }

    int size() {
        return size;
    }

    private void handOn() {
        long now = scheduler.now();
        while (size > 0 && dueAt[head] <= now) {
            Packet p = packets[head];
            packets[head] = null;
            head = (head + 1) & (packets.length - 1);
            size--;
            sink.due(p);
        }
        if (size > 0 && !next.isPending()) {
            scheduler.schedule(next, dueAt[head]);
        }
    }

    private void grow() {
        int n = packets.length;
        Packet[] p = new Packet[n * 2];
        long[] t = new long[n * 2];
        for (int i = 0; i < size; i++) {
            p[i] = packets[(head + i) & (n - 1)];
            t[i] = dueAt[(head + i) & (n - 1)];
        }
        packets = p;
        dueAt = t;
        head = 0;
    }
}
