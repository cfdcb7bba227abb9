package org.sockeye.net;

import org.sockeye.config.LinkSpec;
import org.sockeye.protocols.Packet;

/**
 * RFC 8290 FQ-CoDel: packets are hashed on their 5-tuple into a fixed number of flow queues, each
 * with its own CoDel; DRR++ serves new (sparse) flows before old ones, a quantum of bytes per turn.
 * When the total limit is hit, packets are dropped from the head of the flow with the largest
 * backlog, up to a batch, until half of its bytes are gone (RFC 8290 §4.1, Linux fq_codel_drop).
 */
final class FqCoDelDiscipline extends QueueDiscipline {
    private static final int INACTIVE = 0;
    private static final int NEW = 1;
    private static final int OLD = 2;

    /** One hash bucket: created when first used, then kept (as Linux keeps its flow array). */
    private static final class Flow {
        final TimedFifo fifo = new TimedFifo();
        final CoDelControl codel;
        int deficit;
        int list = INACTIVE;
        Flow next;

        Flow(CoDelControl codel) {
            this.codel = codel;
        }
    }

    /** An intrusive FIFO list of flows (each flow is on at most one list). */
    private static final class FlowList {
        Flow head;
        Flow tail;

        void addLast(Flow f) {
            f.next = null;
            if (tail == null) {
                head = f;
            } else {
                tail.next = f;
            }
            tail = f;
        }

        Flow removeFirst() {
            Flow f = head;
            head = f.next;
            if (head == null) {
                tail = null;
            }
            f.next = null;
            return f;
        }

        boolean isEmpty() {
            return head == null;
        }
    }

    private final LinkSpec.FqCoDelSpec spec;
    private final int mtu;
    private final Flow[] flows;
    private final FlowList newFlows = new FlowList();
    private final FlowList oldFlows = new FlowList();
    private int packets;
    private long bytes;

    FqCoDelDiscipline(LinkSpec.FqCoDelSpec spec, int mtu, int framing, ChannelStats stats) {
        super(stats, framing);
        this.spec = spec;
        this.mtu = mtu;
        this.flows = new Flow[spec.flows()];
    }

    @Override
    public void enqueue(Packet p, long now) {
        Flow f = flow(bucket(p));
        int len = p.ipLength();
        f.fifo.add(p, len, now);
        packets++;
        bytes += len;
        if (f.list == INACTIVE) {
            // RFC 8290 §4.1: a flow that was not queued counts as new and starts with a full quantum.
            f.list = NEW;
            f.deficit = spec.quantumBytes();
            newFlows.addLast(f);
        }
        if (packets > spec.limitPackets()) {
            dropFromFattest();
        }
    }

    @Override
    public Packet dequeue(long now) {
        while (true) {
            FlowList list = !newFlows.isEmpty() ? newFlows : !oldFlows.isEmpty() ? oldFlows : null;
            if (list == null) {
                return null;
            }
            Flow f = list.head;
            if (f.deficit <= 0) {
                // RFC 8290 §4.2: out of credit, so a new flow becomes old; either way it goes to the back.
                f.deficit += spec.quantumBytes();
                list.removeFirst();
                f.list = OLD;
                oldFlows.addLast(f);
                continue;
            }
            long before = f.fifo.bytes();
            int beforePackets = f.fifo.packets();
            Packet p = f.codel.dequeue(f.fifo, now, this);
            // CoDel may have dropped packets of this flow on the way.
            packets -= beforePackets - f.fifo.packets();
            bytes -= before - f.fifo.bytes();
            if (p == null) {
                list.removeFirst();
                // RFC 8290 §4.2 (as Linux): an emptied new flow goes to the old list so that it cannot
                // come back as new at once and starve the old flows; an emptied old flow leaves.
                if (list == newFlows && !oldFlows.isEmpty()) {
                    f.list = OLD;
                    oldFlows.addLast(f);
                } else {
                    f.list = INACTIVE;
                }
                continue;
            }
            f.deficit -= f.codel.lastLength();
            return p;
        }
    }

    @Override
    public int packets() {
        return packets;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    private Flow flow(int bucket) {
        Flow f = flows[bucket];
        if (f == null) {
            f = new Flow(new CoDelControl(spec.targetPs(), spec.intervalPs(), mtu));
            flows[bucket] = f;
        }
        return f;
    }

    /** Linux fq_codel_drop: up to a batch from the fattest flow's head, stopping at half its bytes. */
    private void dropFromFattest() {
        Flow fattest = null;
        for (Flow f : flows) {
            if (f != null && (fattest == null || f.fifo.bytes() > fattest.fifo.bytes())) {
                fattest = f;
            }
        }
        long threshold = fattest.fifo.bytes() >> 1;
        long freed = 0;
        int n = 0;
        do {
            int len = fattest.fifo.headLength();
            Packet p = fattest.fifo.poll();
            dropped(p, len);
            packets--;
            bytes -= len;
            freed += len;
        } while (++n < spec.dropBatch() && freed < threshold && !fattest.fifo.isEmpty());
    }

    /** Bucket of the packet's 5-tuple: a fixed mix, so runs are reproducible. */
    int bucket(Packet p) {
        int h = p.srcAddr;
        h = h * 0x9E3779B1 + p.dstAddr;
        h = h * 0x9E3779B1 + p.protocol;
        h = h * 0x9E3779B1 + ((p.srcPort << 16) | (p.dstPort & 0xFFFF));
        // murmur3 fmix32: spreads every input bit over the bucket index.
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return Integer.remainderUnsigned(h, flows.length);
    }
}
