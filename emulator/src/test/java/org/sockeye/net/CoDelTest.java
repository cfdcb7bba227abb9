package org.sockeye.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.config.LinkSpec;
import org.sockeye.protocols.Packet;
import org.sockeye.sim.Time;

/**
 * CoDel driven by hand: one packet arrives and one is served every {@link #TICK}, on top of an
 * initial backlog that sets the standing sojourn time.
 */
class CoDelTest {
    private static final long TICK = 100 * Time.US;
    private static final long TARGET = 5 * Time.MS;
    private static final long INTERVAL = 100 * Time.MS;

    private final ChannelStats stats = new ChannelStats();
    private final CoDelDiscipline codel = new CoDelDiscipline(
            new LinkSpec.CoDelSpec(TARGET, INTERVAL, 10_000), 1500, 2, stats);
    private final List<Long> dropTimes = new ArrayList<>();

    private static Packet packet() {
        Packet p = new Packet();
        p.protocol = Packet.PROTO_UDP;
        p.payloadLength = 1000;
        return p;
    }

    private void preload(int n, long now) {
        for (int i = 0; i < n; i++) {
            codel.enqueue(packet(), now);
        }
    }

    /** One arrival (if {@code arrivals}) and one service per tick over (from, to]; returns the last tick. */
    private long run(long from, long to, boolean arrivals) {
        long t = from;
        while (t + TICK <= to) {
            t += TICK;
            if (arrivals) {
                codel.enqueue(packet(), t);
            }
            long before = stats.qdiscDrops;
            codel.dequeue(t);
            for (long i = before; i < stats.qdiscDrops; i++) {
                dropTimes.add(t);
            }
        }
        return t;
    }

    private static long firstTickAtOrAfter(long t) {
        return (t + TICK - 1) / TICK * TICK;
    }

    @Test
    void rfc8289_noDropsWhileSojournStaysBelowTarget() {
        preload(40, 0); // 40 ticks: a standing 4 ms, below the 5 ms target
        run(0, 3 * Time.S, true);
        assertEquals(0, stats.qdiscDrops);
        assertFalse(codel.control().dropping());
        assertEquals(40, codel.packets());
    }

    @Test
    void rfc8289_firstDropAfterAnIntervalAboveTargetThenIntervalOverSqrtCount() {
        preload(200, 0);
        long start = 20 * Time.MS; // the first head has waited 20 ms: above target from here on
        run(start - TICK, start + 600 * Time.MS, true);
        assertTrue(dropTimes.size() >= 6, "drops: " + dropTimes);
        // §5: the state is entered (one drop) an interval after the sojourn first exceeded target.
        long scheduled = start + INTERVAL;
        for (int k = 1; k <= 6; k++) {
            assertEquals(firstTickAtOrAfter(scheduled), dropTimes.get(k - 1), "drop " + k);
            // control_law: the next drop interval/sqrt(count) after the scheduled one.
            scheduled += (long) (INTERVAL / Math.sqrt(k));
        }
        assertTrue(dropTimes.get(2) - dropTimes.get(1) < dropTimes.get(1) - dropTimes.get(0));
        assertEquals(stats.qdiscDrops * (1028 + 2), stats.qdiscDropBytes, "wire bytes = IPv4 length + framing");
    }

    @Test
    void rfc8289_reenteringSoonResumesFromTheCountOfTheLastEpisode() {
        preload(200, 0);
        long t = run(20 * Time.MS - TICK, 20 * Time.MS + 350 * Time.MS, true);
        int count = codel.control().count();
        assertTrue(count >= 4, "count " + count);
        // Drain completely (no arrivals): an empty queue leaves the dropping state.
        t = run(t, t + 300 * Time.MS, false);
        assertEquals(0, codel.packets());
        assertFalse(codel.control().dropping());
        // A new standing queue soon after (well within 16 intervals).
        dropTimes.clear();
        preload(200, t);
        long start = t + 20 * Time.MS;
        run(start - TICK, start + INTERVAL + 90 * Time.MS, true);
        assertFalse(dropTimes.isEmpty(), "re-entered");
        assertEquals(firstTickAtOrAfter(start + INTERVAL), dropTimes.get(0));
        // count - lastcount, where lastcount was 1 at the first entry.
        int resumed = count - 1;
        assertTrue(dropTimes.size() >= 2, "drops " + dropTimes);
        assertEquals(firstTickAtOrAfter(dropTimes.get(0) + (long) (INTERVAL / Math.sqrt(resumed))),
                dropTimes.get(1), "the second drop comes at interval/sqrt(" + resumed + "), not a full interval");
    }
}
