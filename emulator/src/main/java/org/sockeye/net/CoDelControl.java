package org.sockeye.net;

import org.sockeye.protocols.Packet;

/**
 * The CoDel state machine of RFC 8289 for one FIFO: it dequeues from a {@link TimedFifo}, dropping
 * head packets while the sojourn time has stayed above {@code target} for at least {@code interval}.
 * FQ-CoDel runs one per flow queue (RFC 8290 §4.2).
 */
final class CoDelControl {
    private final long targetPs;
    private final long intervalPs;
    /** RFC 8289 §4.4 MAXPACKET: with at most this many bytes left a queue is not "standing". */
    private final long maxPacketBytes;

    private long firstAboveTime; // 0 = sojourn below target (or too few bytes) at the last dequeue
    private long dropNext;
    private int count;
    private int lastCount;
    private boolean dropping;

    // Out-parameters of dequeueHead(), so a dequeue allocates nothing.
    private boolean okToDrop;
    private int lastLength;

    CoDelControl(long targetPs, long intervalPs, long maxPacketBytes) {
        this.targetPs = targetPs;
        this.intervalPs = intervalPs;
        this.maxPacketBytes = maxPacketBytes;
    }

    /**
     * The next packet to send from {@code q} at {@code now}, or null if {@code q} ran empty;
     * packets CoDel drops on the way go to {@code drops} (RFC 8289 §5, dequeue()).
     */
    Packet dequeue(TimedFifo q, long now, QueueDiscipline drops) {
        Packet p = dequeueHead(q, now);
        if (p == null) {
            dropping = false;
            return null;
        }
        if (dropping) {
            if (!okToDrop) {
                // Sojourn went below target: leave the dropping state.
                dropping = false;
            }
            // Drops come at the control-law times; several may be due at once.
            while (dropping && now >= dropNext) {
                drops.dropped(p, lastLength);
                count++;
                p = dequeueHead(q, now);
                if (!okToDrop) {
                    dropping = false;
                } else {
                    dropNext = controlLaw(dropNext, count);
                }
            }
        } else if (okToDrop) {
            drops.dropped(p, lastLength);
            p = dequeueHead(q, now);
            dropping = true;
            // RFC 8289 §5: re-entering soon after leaving resumes near the old drop rate rather than
            // starting again from one drop per interval.
            int delta = count - lastCount;
            count = delta > 1 && now - dropNext < 16 * intervalPs ? delta : 1;
            dropNext = controlLaw(now, count);
            lastCount = count;
        }
        return p;
    }

    /** RFC 8289 §5 control law: the next drop interval/√count after {@code t}. */
    long controlLaw(long t, int n) {
        return t + (long) (intervalPs / Math.sqrt(n));
    }

    /** IPv4 length of the packet the last {@link #dequeue} returned. */
    int lastLength() {
        return lastLength;
    }

    boolean dropping() {
        return dropping;
    }

    int count() {
        return count;
    }

    /** RFC 8289 §5 dodequeue(): removes the head and decides whether it may be dropped. */
    private Packet dequeueHead(TimedFifo q, long now) {
        okToDrop = false;
        if (q.isEmpty()) {
            firstAboveTime = 0;
            return null;
        }
        long sojourn = now - q.headTime();
        lastLength = q.headLength();
        Packet p = q.poll();
        if (sojourn < targetPs || q.bytes() <= maxPacketBytes) {
            firstAboveTime = 0;
        } else if (firstAboveTime == 0) {
            // Above target now; only an interval of it makes a standing queue.
            firstAboveTime = now + intervalPs;
        } else if (now >= firstAboveTime) {
            okToDrop = true;
        }
        return p;
    }
}
