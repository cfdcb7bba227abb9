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
        /** -1 until first scheduled, so that removing a new event from the model matches nothing. */
        long modelSeq = -1;

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

    /** Draws the time of a schedule call; {@code now} is the scheduler's clock. */
    private interface TimeSource {
        long next(SplittableRandom rng, long now);
    }

    /** Times cluster (many ties, dense buckets) with occasional far-future outliers. */
    private static final TimeSource MIXED = (rng, now) -> {
        int kind = rng.nextInt(20);
        if (kind == 0) {
            return now + rng.nextLong(1L << 50);
        }
        if (kind < 5) {
            return now + rng.nextInt(4); // ties
        }
        return now + rng.nextInt(100_000);
    };

    /** Everything at one instant until the clock moves: one bucket holding all pending events. */
    private static final TimeSource ONE_INSTANT = (rng, now) -> now;

    /** Two instants, so inserts land in the middle of a big current bucket. */
    private static final TimeSource TWO_INSTANTS = (rng, now) -> now + rng.nextInt(2);

    /** The hold model's exponential increments: most inserts into the calendar, a few far. */
    private static final TimeSource EXPONENTIAL =
            (rng, now) -> now + 1 + (long) (-Math.log(1.0 - rng.nextDouble()) * 1_000_000);

    /** Clumps of tens of events a few picoseconds apart: bucket overflow and big pours. */
    private static final TimeSource CLUMPS = (rng, now) -> now + 10_000L * rng.nextInt(8) + rng.nextInt(3);

    /** Huge gaps, up to the end of time: shifts near 62, buckets of extreme width. */
    private static final TimeSource HUGE_GAPS = (rng, now) -> {
        long room = Long.MAX_VALUE - now;
        switch (rng.nextInt(4)) {
            case 0:
                return Math.max(now, Long.MAX_VALUE - rng.nextInt(3)); // at or next to the end of time
            case 1:
                return now + rng.nextLong(Math.max(1, room / 2));
            case 2:
                return now + Math.min(room, rng.nextInt(1000));
            default:
                return now + (room >>> rng.nextInt(63));
        }
    };

    /** A steady near-future workload plus a few events an hour away (stretch the calendar). */
    private static final TimeSource FEW_OUTLIERS = (rng, now) ->
            rng.nextInt(1000) == 0 ? now + 3_600_000_000_000_000L + rng.nextInt(1000) : now + rng.nextInt(50_000);

    private void runRandomOperations(long seed, int pool, int operations) {
        runRandomOperations(seed, pool, operations, MIXED, true);
    }

    /** With {@code runs} false there are no run(until) calls, which would drain one instant at once. */
    private void runRandomOperations(long seed, int pool, int operations, TimeSource times, boolean runs) {
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
                schedule(t, times.next(rng, now)); // new, or a move if pending
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
            } else if (!runs) {
                schedule(t, times.next(rng, now));
            } else {
                long until = now + rng.nextInt(200_000);
                until = until < now ? Long.MAX_VALUE : until; // HUGE_GAPS: now near the end of time
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

    @Test
    void allEventsAtOneInstantMatchTheReferenceModel() {
        runRandomOperations(11L, 3_000, 100_000, ONE_INSTANT, false);
        runRandomOperations(22L, 3_000, 100_000, ONE_INSTANT, true);
    }

    @Test
    void twoInstantsMatchTheReferenceModel() {
        runRandomOperations(12L, 3_000, 100_000, TWO_INSTANTS, false);
        // Populations around the sorted current bucket's capacity: it fills up and becomes a
        // heap, the heap drains and it is a sorted array again.
        runRandomOperations(26L, 300, 100_000, TWO_INSTANTS, false);
        runRandomOperations(27L, 400, 100_000, ONE_INSTANT, false);
    }

    @Test
    void exponentialTimesMatchTheReferenceModel() {
        runRandomOperations(13L, 20_000, 200_000, EXPONENTIAL, true);
        runRandomOperations(25L, 20_000, 200_000, EXPONENTIAL, false); // thousands pending
    }

    @Test
    void clumpedTimesMatchTheReferenceModel() {
        runRandomOperations(14L, 5_000, 200_000, CLUMPS, true);
        // Without run(until) the clumps hold around the sorted current bucket's capacity
        // (pours into a heap, sorted arrays that overflow into one) and beyond.
        runRandomOperations(23L, 2_500, 200_000, CLUMPS, false);
        runRandomOperations(24L, 5_000, 200_000, CLUMPS, false);
    }

    @Test
    void hugeGapsAndTheEndOfTimeMatchTheReferenceModel() {
        runRandomOperations(15L, 2_000, 100_000, HUGE_GAPS, true);
    }

    @Test
    void aFewFarOutliersMatchTheReferenceModel() {
        runRandomOperations(16L, 20_000, 200_000, FEW_OUTLIERS, true);
        runRandomOperations(29L, 20_000, 200_000, FEW_OUTLIERS, false); // thousands pending: sampled spans
    }

    /**
     * The hold model itself (pop the earliest, schedule it again a random time later), with a
     * cancel or a move now and then, against the model: the benchmark's steady state, where the
     * calendar is rebuilt again and again.
     */
    @Test
    void holdModelMatchesTheReferenceModel() {
        SplittableRandom rng = new SplittableRandom(17L);
        int pool = 30_000;
        Tagged[] events = new Tagged[pool];
        for (int i = 0; i < pool; i++) {
            events[i] = new Tagged(i);
            schedule(events[i], EXPONENTIAL.next(rng, 0));
        }
        for (int op = 0; op < 600_000; op++) {
            if (model.isEmpty()) {
                break;
            }
            Tagged expected = model.pollFirst();
            assertSame(expected, scheduler.pollFirst(), "operation " + op);
            assertEquals(expected.modelTime, scheduler.now());
            schedule(expected, EXPONENTIAL.next(rng, scheduler.now()));
            int k = rng.nextInt(64);
            Tagged other = events[rng.nextInt(pool)];
            if (k == 0) {
                assertEquals(model.remove(other), scheduler.cancel(other));
            } else if (k == 1) {
                schedule(other, scheduler.now() + rng.nextInt(100)); // into the current bucket
            } else if (k == 2 && other.isPending()) {
                schedule(other, other.time() + rng.nextInt(1_000_000)); // a timer pushed back
            }
        }
        assertEquals(model.size(), scheduler.pending());
        while (!model.isEmpty()) {
            assertSame(model.pollFirst(), scheduler.pollFirst());
        }
    }

    /** The scheduler drains, then is reused with a different time scale. */
    @Test
    void reuseAfterDrainingMatchesTheReferenceModel() {
        runRandomOperations(18L, 1_000, 50_000, EXPONENTIAL, true);
        runRandomOperations(19L, 1_000, 50_000, CLUMPS, true);
        runRandomOperations(20L, 1_000, 50_000, ONE_INSTANT, false);
        runRandomOperations(21L, 1_000, 50_000, MIXED, true);
    }

    /**
     * A far list laid out so that the rebuild's evenly spaced sample sees only the few early
     * events (every 100th scheduled), while nearly all the others are much later: the sampled
     * span places few events, and order must not suffer from it (nor from the next rebuild
     * falling back to the mean).
     */
    @Test
    void aRebuildSampleThatMisjudgesTheFarListKeepsOrder() {
        int n = 6_400;
        Tagged[] events = new Tagged[n];
        for (int i = 0; i < n; i++) {
            events[i] = new Tagged(i);
            schedule(events[i], i % 100 == 0 ? i : 1_000_000_000_000L + 7L * i % 1_000_003);
        }
        SplittableRandom rng = new SplittableRandom(28L);
        for (int op = 0; op < 20_000 && !model.isEmpty(); op++) {
            Tagged expected = model.pollFirst();
            assertSame(expected, scheduler.pollFirst(), "operation " + op);
            if (rng.nextInt(4) == 0) {
                schedule(expected, scheduler.now() + rng.nextInt(1_000_000));
            }
        }
        while (!model.isEmpty()) {
            assertSame(model.pollFirst(), scheduler.pollFirst());
        }
        assertEquals(0, scheduler.pending());
    }
}
