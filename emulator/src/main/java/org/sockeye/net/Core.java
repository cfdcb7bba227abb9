package org.sockeye.net;

import org.sockeye.protocols.Packet;
import org.sockeye.sim.Event;
import org.sockeye.sim.Scheduler;

/**
 * One CPU core running network work in FIFO order: each piece of work starts when the core is
 * free, occupies it for its cost, and only then tells its client, which lets the packet go on.
 * Work finishes in submission order, so pending work sits in parallel rings with one completion
 * event re-armed for the head: nothing is allocated per piece of work once the rings have grown.
 */
public final class Core {
    /** Whoever submitted the work, told when it is done. */
    public interface Client {
        void workDone(int kind, Packet p);
    }

    private final Scheduler scheduler;
    private Client[] clients = new Client[16];
    private Packet[] packets = new Packet[16];
    private int[] kinds = new int[16];
    private long[] doneAt = new long[16];
    private int head;
    private int size;
    private long busyUntil;
    private long busyTotalPs;
    private long softirqPs;
    private final Event completion = new Event() {
        @Override
        public void run() {
            completeDue();
        }
    };

    Core(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Queues work costing {@code costPs}, of which {@code softirqPartPs} is softirq time (for
     * accounting only); {@code client.workDone(kind, p)} runs when it completes.
     */
    public void submit(Client client, int kind, Packet p, long costPs, long softirqPartPs) {
        long start = Math.max(scheduler.now(), busyUntil);
        busyUntil = start + costPs;
        busyTotalPs += costPs;
        softirqPs += softirqPartPs;
        if (size == clients.length) {
            grow();
        }
        int slot = (head + size) & (clients.length - 1);
        clients[slot] = client;
        packets[slot] = p;
        kinds[slot] = kind;
        doneAt[slot] = busyUntil;
        size++;
        if (!completion.isPending()) {
            scheduler.schedule(completion, doneAt[head]);
        }
    }

    private void completeDue() {
        long now = scheduler.now();
        while (size > 0 && doneAt[head] <= now) {
            Client c = clients[head];
            Packet p = packets[head];
            int kind = kinds[head];
            clients[head] = null;
            packets[head] = null;
            head = (head + 1) & (clients.length - 1);
            size--;
            c.workDone(kind, p); // may submit more work, to this core or another
        }
        if (size > 0 && !completion.isPending()) {
            scheduler.schedule(completion, doneAt[head]);
        }
    }

    /** Whether the core has no work queued or running at {@code now}. */
    public boolean idle(long now) {
        return busyUntil <= now;
    }

    /** Time this core has spent working up to {@code now}: queued work not yet done is not counted. */
    public long busyPs(long now) {
        return busyTotalPs - Math.max(0, busyUntil - now);
    }

    /** Softirq time (interrupt entry and NAPI packet processing) charged to this core. */
    long softirqPs() {
        return softirqPs;
    }

    private void grow() {
        int n = clients.length;
        Client[] c = new Client[n * 2];
        Packet[] p = new Packet[n * 2];
        int[] k = new int[n * 2];
        long[] t = new long[n * 2];
        for (int i = 0; i < size; i++) {
            int j = (head + i) & (n - 1);
            c[i] = clients[j];
            p[i] = packets[j];
            k[i] = kinds[j];
            t[i] = doneAt[j];
        }
        clients = c;
        packets = p;
        kinds = k;
        doneAt = t;
        head = 0;
    }
}
