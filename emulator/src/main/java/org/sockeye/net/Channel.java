package org.sockeye.net;

import org.apache.commons.math3.random.RandomGenerator;
import org.sockeye.config.LinkSpec;
import org.sockeye.protocols.Packet;
import org.sockeye.sim.Event;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

/**
 * One direction of a point-to-point link: an output queue, a store-and-forward transmitter and
 * the propagation path to the far interface.
 *
 * <p>A packet waits in the drop-tail queue, occupies the transmitter for exactly
 * {@code wireBytes · 8 / rate} (IPv4 length plus link framing), may be lost on the wire, and
 * arrives {@code delay} (plus jitter) after its last bit left. Packets in flight keep FIFO order in
 * a ring with a single arrival event re-armed for the head, so a busy link costs two events per
 * packet and allocates nothing; only packets picked for explicit reordering get an event of their
 * own.
 *
 * <p>With a queue discipline configured, every packet enters the discipline and the drop-tail
 * queue becomes the device queue below it: the discipline hands packets down whenever the device
 * queue could take a full-size frame (ns-3's NetDeviceQueue stop/wake flow control; no BQL).
 */
public final class Channel {
    private final Scheduler scheduler;
    private final String name;
    private final Interface from;
    private final Interface to;
    private final long rateBps;
    private final long delayPs;
    private final int framing;
    private final PacketQueue queue;
    private final QueueDiscipline qdisc; // null: the device queue alone
    private final int maxFrameBytes;
    private final LossModel loss;
    private final RandomGenerator lossRng;
    private final long jitterPs;
    private final RandomGenerator jitterRng;
    private final LinkSpec.ReorderSpec reorder;
    private final RandomGenerator reorderRng;

    private final ChannelStats stats = new ChannelStats();
    private PacketTap tap;
    private Packet onWire;
    private int onWireBytes;
    private final Event txDone = new Event() {
        @Override
        public void run() {
            finishTransmission();
        }
    };

    /** Packets propagating towards the far interface, in arrival order. */
    private final DelayLine flight;

    Channel(Scheduler scheduler, String name, Interface from, Interface to, LinkSpec spec, LossModel loss,
            RandomGenerator lossRng, RandomGenerator jitterRng, RandomGenerator reorderRng) {
        this.scheduler = scheduler;
        this.name = name;
        this.from = from;
        this.to = to;
        this.rateBps = spec.rateBps();
        this.delayPs = spec.delayPs();
        this.framing = spec.framing().overheadBytes;
        LinkSpec.QueueSpec q = spec.queue();
        this.queue = new PacketQueue(q.limitPackets(), q.limitBytes());
        this.qdisc = QueueDiscipline.of(spec.qdisc(), spec.mtu(), framing, stats);
        this.maxFrameBytes = spec.mtu() + framing;
        this.loss = loss;
        this.lossRng = lossRng;
        this.jitterPs = spec.jitterPs();
        this.jitterRng = jitterRng;
        this.reorder = spec.reorder();
        this.reorderRng = reorderRng;
        this.flight = new DelayLine(scheduler, to::receive);
    }

    /** {@code link:from->to}, the subject name used in results. */
    public String name() {
        return name;
    }

    public Interface from() {
        return from;
    }

    public Interface to() {
        return to;
    }

    public long rateBps() {
        return rateBps;
    }

    public long delayPs() {
        return delayPs;
    }

    public PacketQueue queue() {
        return queue;
    }

    public ChannelStats stats() {
        return stats;
    }

    /** Bytes the packet occupies on this link: the IPv4 datagram plus link framing. */
    public int wireBytes(Packet p) {
        return p.ipLength() + framing;
    }

    /** Hands a packet to this direction: transmit now if idle, else queue it, else drop it. */
    public void send(Packet p) {
        if (qdisc != null) {
            qdisc.enqueue(p, scheduler.now());
            feedDevice();
            return;
        }
        int len = wireBytes(p);
        if (onWire == null) {
            transmit(p, len);
        } else if (!queue.offer(p, len, scheduler.now())) {
            stats.queueDrops++;
            stats.queueDropBytes += len;
        }
    }

    /** Adds an observer of every packet this direction transmits. */
    public void tap(PacketTap t) {
        if (tap != null && t != null) {
            PacketTap first = tap;
            tap = (c, p, now) -> {
                first.transmitting(c, p, now);
                t.transmitting(c, p, now);
            };
        } else {
            tap = t;
        }
    }

    private void transmit(Packet p, int len) {
        if (tap != null) {
            tap.transmitting(this, p, scheduler.now());
        }
        onWire = p;
        onWireBytes = len;
        scheduler.scheduleIn(txDone, Time.serialisation(len, rateBps));
    }

    private void finishTransmission() {
        Packet p = onWire;
        int len = onWireBytes;
        stats.packetsSent++;
        stats.bytesSent += len;
        if (loss.lose(lossRng)) {
            stats.lossDrops++;
            stats.lossDropBytes += len;
        } else {
            propagate(p);
        }
        long now = scheduler.now();
        if (queue.isEmpty()) {
            onWire = null;
        } else {
            Packet next = queue.peek();
            int nextLen = wireBytes(next);
            queue.poll(nextLen, now);
            transmit(next, nextLen);
        }
        if (qdisc != null) {
            feedDevice();
        }
    }

    /** Moves packets from the discipline down while the transmitter or the device queue has room. */
    private void feedDevice() {
        long now = scheduler.now();
        while (onWire == null || queue.hasRoomFor(maxFrameBytes)) {
            Packet p = qdisc.dequeue(now);
            if (p == null) {
                return;
            }
            int len = wireBytes(p);
            if (onWire == null) {
                transmit(p, len);
            } else {
                queue.offer(p, len, now);
            }
        }
    }

    private void propagate(Packet p) {
        long at = scheduler.now() + delayPs;
        if (jitterPs > 0) {
            at += (long) (jitterRng.nextDouble() * (jitterPs + 1));
        }
        if (reorder.probability() > 0 && reorderRng.nextDouble() < reorder.probability()) {
            stats.reordered++;
            scheduler.schedule(at + reorder.extraDelayPs(), () -> to.receive(p));
            return;
        }
        // Jitter never reorders: a packet cannot arrive before one that left earlier.
        flight.add(p, Math.max(at, flight.lastDue()));
    }

    /** Whether the transmitter is busy. */
    public boolean busy() {
        return onWire != null;
    }

    /** Packets queued or on the wire: the backlog a sender sees. */
    public int backlogPackets() {
        return queuedPackets() + (onWire == null ? 0 : 1);
    }

    /** Packets waiting: the device queue plus the discipline's backlog. */
    public int queuedPackets() {
        return queue.packets() + (qdisc == null ? 0 : qdisc.packets());
    }

    /** Wire bytes waiting: the device queue plus the discipline's backlog. */
    public long queuedBytes() {
        return queue.bytes() + (qdisc == null ? 0 : qdisc.bytes() + (long) framing * qdisc.packets());
    }

    /** The queue discipline above the device queue, or null if none. */
    public QueueDiscipline qdisc() {
        return qdisc;
    }

    @Override
    public String toString() {
        return name;
    }
}
