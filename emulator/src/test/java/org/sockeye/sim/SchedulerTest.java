package org.sockeye.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    /** Appends its id to a shared trace when it runs. */
    private static final class Recorder extends Event {
        final int id;
        final List<Integer> trace;

        Recorder(int id, List<Integer> trace) {
            this.id = id;
            this.trace = trace;
        }

        @Override
        public void run() {
            trace.add(id);
        }
    }

    private final Scheduler scheduler = new Scheduler();
    private final List<Integer> trace = new ArrayList<>();

    private Recorder at(int id, long time) {
        Recorder r = new Recorder(id, trace);
        scheduler.schedule(r, time);
        return r;
    }

    @Test
    void eventsFireInTimeOrderRegardlessOfInsertionOrder() {
        at(3, 30);
        at(1, 10);
        at(4, 40);
        at(2, 20);
        assertEquals(Scheduler.StopReason.EMPTY, scheduler.run());
        assertEquals(List.of(1, 2, 3, 4), trace);
        assertEquals(40, scheduler.now());
        assertEquals(4, scheduler.executed());
    }

    @Test
    void simultaneousEventsFireInSchedulingOrder() {
        for (int i = 0; i < 50; i++) {
            at(i, i % 2 == 0 ? 100 : 50); // odd ids at 50, even at 100, interleaved insertion
        }
        scheduler.run();
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i < 50; i += 2) {
            expected.add(i);
        }
        for (int i = 0; i < 50; i += 2) {
            expected.add(i);
        }
        assertEquals(expected, trace);
    }

    @Test
    void eventScheduledDuringRunAtTheCurrentInstantFiresAfterThoseAlreadyQueuedThere() {
        Recorder late = new Recorder(9, trace);
        scheduler.schedule(new Event() {
            @Override
            public void run() {
                trace.add(0);
                scheduler.schedule(late, scheduler.now());
            }
        }, 5);
        at(1, 5);
        scheduler.run();
        assertEquals(List.of(0, 1, 9), trace);
    }

    @Test
    void cancellingAPendingEventRemovesItAndReportsTrue() {
        at(1, 10);
        Recorder victim = at(2, 20);
        at(3, 30);
        assertTrue(scheduler.cancel(victim));
        assertFalse(victim.isPending());
        assertEquals(2, scheduler.pending());
        scheduler.run();
        assertEquals(List.of(1, 3), trace);
    }

    @Test
    void cancellingAnEventThatIsNotPendingReportsFalseAndChangesNothing() {
        Recorder never = new Recorder(1, trace);
        assertFalse(scheduler.cancel(never));
        Recorder fired = at(2, 10);
        at(3, 20);
        scheduler.run(10, Long.MAX_VALUE);
        assertFalse(scheduler.cancel(fired));
        Recorder cancelled = at(4, 30);
        assertTrue(scheduler.cancel(cancelled));
        assertFalse(scheduler.cancel(cancelled));
        assertEquals(1, scheduler.pending());
        scheduler.run();
        assertEquals(List.of(2, 3), trace);
    }

    /** Schedules ids 0..n-1 at pseudo-random times; returns them. */
    private Recorder[] scatter(int n) {
        Recorder[] rs = new Recorder[n];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            rs[i] = at(i, 1 + rng.nextInt(1000));
        }
        return rs;
    }

    /** Drains the scheduler and checks that it fired exactly the survivors in (time, seq) order. */
    private void assertDrainsInOrder(Recorder[] all, Recorder... cancelled) {
        List<Recorder> survivors = new ArrayList<>(List.of(all));
        survivors.removeAll(List.of(cancelled));
        List<Integer> expected = survivors.stream()
                .sorted((a, b) -> a.time() != b.time() ? Long.compare(a.time(), b.time())
                        : Integer.compare(a.id, b.id)) // ids were scheduled in id order
                .map(r -> r.id).toList();
        scheduler.run();
        assertEquals(expected, trace);
    }

    @Test
    void cancellingTheEarliestEventKeepsOrder() {
        Recorder[] rs = scatter(200);
        Recorder earliest = rs[0];
        for (Recorder r : rs) {
            if (r.time() < earliest.time()) {
                earliest = r;
            }
        }
        assertEquals(earliest.time(), scheduler.peekTime());
        scheduler.cancel(earliest);
        assertDrainsInOrder(rs, earliest);
    }

    @Test
    void cancellingTheLastScheduledEventKeepsOrder() {
        Recorder[] rs = scatter(200);
        scheduler.cancel(rs[199]);
        assertDrainsInOrder(rs, rs[199]);
    }

    @Test
    void cancellingMiddleEventsKeepsOrder() {
        Recorder[] rs = scatter(200);
        scheduler.cancel(rs[17]);
        scheduler.cancel(rs[100]);
        scheduler.cancel(rs[101]);
        assertDrainsInOrder(rs, rs[17], rs[100], rs[101]);
    }

    @Test
    void cancellingAfterSomeEventsHaveRunKeepsOrder() {
        Recorder[] rs = scatter(300);
        scheduler.run(500, Long.MAX_VALUE);
        List<Integer> before = new ArrayList<>(trace);
        trace.clear();
        List<Recorder> cancelled = new ArrayList<>();
        for (Recorder r : rs) {
            if (r.isPending() && r.id % 3 == 0) {
                scheduler.cancel(r);
                cancelled.add(r);
            }
        }
        List<Recorder> remaining = new ArrayList<>();
        for (Recorder r : rs) {
            if (!before.contains(r.id)) {
                remaining.add(r);
            }
        }
        assertDrainsInOrder(remaining.toArray(new Recorder[0]), cancelled.toArray(new Recorder[0]));
    }

    @Test
    void reschedulingAPendingEventEarlierMovesItForward() {
        at(1, 10);
        at(2, 20);
        Recorder moved = at(3, 30);
        scheduler.schedule(moved, 5);
        assertEquals(5, moved.time());
        assertEquals(3, scheduler.pending());
        scheduler.run();
        assertEquals(List.of(3, 1, 2), trace);
    }

    @Test
    void reschedulingAPendingEventLaterMovesItBack() {
        Recorder moved = at(1, 10);
        at(2, 20);
        at(3, 30);
        scheduler.schedule(moved, 25);
        assertEquals(3, scheduler.pending());
        scheduler.run();
        assertEquals(List.of(2, 1, 3), trace);
    }

    @Test
    void reschedulingToTheSameTimeQueuesBehindEventsAlreadyThere() {
        Recorder moved = at(1, 10);
        at(2, 10);
        scheduler.schedule(moved, 10);
        scheduler.run();
        assertEquals(List.of(2, 1), trace);
    }

    @Test
    void firedEventCanBeScheduledAgain() {
        Recorder r = at(1, 10);
        scheduler.run();
        assertFalse(r.isPending());
        scheduler.schedule(r, 20);
        assertTrue(r.isPending());
        scheduler.run();
        assertEquals(List.of(1, 1), trace);
        assertEquals(20, scheduler.now());
    }

    @Test
    void schedulingInThePastThrowsAndLeavesThePendingEventAlone() {
        Recorder r = at(1, 100);
        at(2, 50);
        scheduler.run(50, Long.MAX_VALUE);
        assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(new Recorder(3, trace), 49));
        assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(r, 10));
        assertEquals(100, r.time());
        assertEquals(1, scheduler.pending());
        scheduler.schedule(new Recorder(4, trace), 50); // "now" itself is allowed
        scheduler.run();
        assertEquals(List.of(2, 4, 1), trace);
    }

    @Test
    void runUntilStopsAtTheLimitLeavingLaterEventsPending() {
        at(1, 10);
        at(2, 20);
        Recorder later = at(3, 21);
        assertEquals(Scheduler.StopReason.TIME_LIMIT, scheduler.run(20, Long.MAX_VALUE));
        assertEquals(List.of(1, 2), trace); // an event exactly at the limit runs
        assertEquals(20, scheduler.now());
        assertTrue(later.isPending());
        assertEquals(21, scheduler.peekTime());
    }

    @Test
    void runUntilAdvancesTheClockToTheLimitEvenWithNothingDue() {
        at(1, 1_000);
        assertEquals(Scheduler.StopReason.TIME_LIMIT, scheduler.run(700, Long.MAX_VALUE));
        assertEquals(700, scheduler.now());
        assertTrue(trace.isEmpty());
        at(2, 800); // between the new clock and the pending event
        scheduler.run();
        assertEquals(List.of(2, 1), trace);
    }

    @Test
    void eventBudgetLimitsHowManyRun() {
        for (int i = 0; i < 10; i++) {
            at(i, 10 * i);
        }
        assertEquals(Scheduler.StopReason.EVENT_BUDGET, scheduler.run(Long.MAX_VALUE, 3));
        assertEquals(List.of(0, 1, 2), trace);
        assertEquals(7, scheduler.pending());
        assertEquals(Scheduler.StopReason.EVENT_BUDGET, scheduler.run(Long.MAX_VALUE, 4));
        assertEquals(7, trace.size());
        assertEquals(Scheduler.StopReason.EMPTY, scheduler.run(Long.MAX_VALUE, 100));
        assertEquals(10, scheduler.executed());
    }

    @Test
    void stopReturnsAfterTheCurrentEvent() {
        at(1, 10);
        scheduler.schedule(new Event() {
            @Override
            public void run() {
                trace.add(2);
                scheduler.stop();
            }
        }, 20);
        at(3, 20);
        at(4, 30);
        assertEquals(Scheduler.StopReason.STOPPED, scheduler.run());
        assertEquals(List.of(1, 2), trace);
        assertEquals(20, scheduler.now());
        assertEquals(2, scheduler.pending());
        assertEquals(Scheduler.StopReason.EMPTY, scheduler.run()); // a new run is not stopped
        assertEquals(List.of(1, 2, 3, 4), trace);
    }

    @Test
    void emptySchedulerReportsEmptyAndPollThrows() {
        assertEquals(Scheduler.StopReason.EMPTY, scheduler.run());
        assertEquals(Long.MAX_VALUE, scheduler.peekTime());
        assertThrows(NoSuchElementException.class, scheduler::pollFirst);
    }

    @Test
    void pollFirstRemovesTheEarliestAndAdvancesTheClock() {
        at(1, 30);
        Recorder first = at(2, 10);
        assertEquals(first, scheduler.pollFirst());
        assertEquals(10, scheduler.now());
        assertFalse(first.isPending());
        assertTrue(trace.isEmpty()); // polled, not run
    }

    @Test
    void runnableConvenienceSchedulesAnEvent() {
        Event e = scheduler.schedule(15, () -> trace.add(7));
        assertTrue(e.isPending());
        scheduler.run();
        assertEquals(List.of(7), trace);
    }

    @Test
    void extremeTimesAreOrderedCorrectly() {
        at(1, Long.MAX_VALUE);
        at(2, 0);
        at(3, Long.MAX_VALUE - 1);
        at(4, 1L << 62);
        scheduler.run();
        assertEquals(List.of(2, 4, 3, 1), trace);
        assertEquals(Long.MAX_VALUE, scheduler.now());
    }

    /** Each event re-arms itself at a random later time drawn from a named stream. */
    private static List<Long> trace(long seed) {
        Scheduler s = new Scheduler();
        RandomStreams streams = new RandomStreams(seed);
        var rng = streams.stream("workload");
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int id = i;
            s.schedule(new Event() {
                @Override
                public void run() {
                    out.add(s.now() * 1000 + id);
                    s.scheduleIn(this, rng.nextInt(5) * Time.NS); // frequent ties
                }
            }, rng.nextInt(1000));
        }
        s.run(Long.MAX_VALUE, 20_000);
        return out;
    }

    @Test
    void identicalRunsProduceIdenticalTraces() {
        List<Long> a = trace(11);
        assertEquals(20_000, a.size());
        assertEquals(a, trace(11));
        assertNotEquals(a, trace(12));
    }
}
