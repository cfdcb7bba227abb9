package org.sockeye.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random schedule / cancel / reschedule / poll operations checked step by step against a
 * reference model: a sorted set keyed by (time, order of the latest schedule call).
 */
class SchedulerModelTest {
    private static final class Tagged extends Event {
        final int id;
        long modelTime;
        long modelSeq;

        Tagged(int id) {
            this.id = id;
        }

        @Override
        public void run() {
        }
    }

    private static final Comparator<Tagged> MODEL_ORDER =
            Comparator.<Tagged>comparingLong(t -> t.modelTime).thenComparingLong(t -> t.modelSeq);

    private final Scheduler scheduler = new Scheduler();
    private final TreeSet<Tagged> model = new TreeSet<>(MODEL_ORDER);
    private long modelSeq;

    private void schedule(Tagged t, long time) {
        model.remove(t);
        t.modelTime = time;
        t.modelSeq = modelSeq++;
        model.add(t);
        scheduler.schedule(t, time);
    }

    /** Times cluster (many ties, dense buckets) with occasional far-future outliers. */
    private static long nextTime(SplittableRandom rng, long now) {
        int kind = rng.nextInt(20);
        if (kind == 0) {
            return now + rng.nextLong(1L << 50);
        }
        if (kind < 5) {
            return now + rng.nextInt(4); // ties
        }
        return now + rng.nextInt(100_000);
    }

    private void runRandomOperations(long seed, int pool, int operations) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tagged[] events = new Tagged[pool];
        for (int i = 0; i < pool; i++) {
            events[i] = new Tagged(i);
        }
        for (int op = 0; op < operations; op++) {
            Tagged t = events[rng.nextInt(pool)];
            int kind = rng.nextInt(10);
            long now = scheduler.now();
            if (kind < 4) {
                schedule(t, nextTime(rng, now)); // new, or a move if pending
            } else if (kind == 4 && t.isPending()) {
                schedule(t, now + rng.nextLong(Math.max(1, t.time() - now))); // earlier
            } else if (kind == 5) {
                assertEquals(model.remove(t), scheduler.cancel(t));
            } else if (kind <= 8) {
                if (model.isEmpty()) {
                    assertEquals(Long.MAX_VALUE, scheduler.peekTime());
                } else {
                    Tagged expected = model.pollFirst();
                    assertEquals(expected.modelTime, scheduler.peekTime());
                    assertSame(expected, scheduler.pollFirst(), "operation " + op);
                    assertEquals(expected.modelTime, scheduler.now());
                }
            } else {
                long until = now + rng.nextInt(200_000);
                // run(until) fires everything due by `until`; mirror it in the model.
                while (!model.isEmpty() && model.first().modelTime <= until) {
                    model.pollFirst();
                }
                scheduler.run(until, Long.MAX_VALUE);
                if (!model.isEmpty()) {
                    assertEquals(until, scheduler.now());
                }
            }
            assertEquals(model.size(), scheduler.pending(), "operation " + op);
        }
        // Drain: the remaining events must come out in exactly the model's order.
        while (!model.isEmpty()) {
            Tagged expected = model.pollFirst();
            assertSame(expected, scheduler.pollFirst());
            assertEquals(expected.modelTime, scheduler.now());
        }
        assertEquals(0, scheduler.pending());
        for (Tagged t : events) {
            assertEquals(false, t.isPending());
        }
    }

    @Test
    void hundredThousandRandomOperationsMatchTheReferenceModel() {
        runRandomOperations(20261125L, 2_000, 100_000);
    }

    @Test
    void largePopulationMatchesTheReferenceModel() {
        runRandomOperations(7L, 50_000, 200_000);
    }

    @Test
    void smallPopulationWithHeavyChurnMatchesTheReferenceModel() {
        runRandomOperations(3L, 16, 100_000);
    }
}
