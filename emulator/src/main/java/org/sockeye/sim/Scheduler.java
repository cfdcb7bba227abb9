package org.sockeye.sim;

import java.util.Arrays;

/**
 * The discrete-event scheduler: a priority queue of {@link Event}s ordered by (time, insertion
 * sequence), so runs are deterministic and simultaneous events fire in the order they were
 * scheduled.
 *
 * <p>The queue is an implicit 4-ary min-heap. The ordering keys live in primitive arrays parallel
 * to the event array, so sifting compares longs in contiguous memory instead of chasing event
 * pointers, and each event remembers its heap slot so that cancelling or re-arming it is
 * O(log n) in place. Nothing is allocated per operation; the arrays grow by doubling.
 */
public final class Scheduler {
    private static final int ARITY_SHIFT = 2; // 4-ary: children of i are 4i+1 .. 4i+4
    private static final int ARITY = 1 << ARITY_SHIFT;

    private Event[] events = new Event[1024];
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private int size;

    private long now;
    private long nextSeq;
    private long executed;
    private boolean stopRequested;

    /** Current simulated time in picoseconds. */
    public long now() {
        return now;
    }

    /** Number of events executed so far. */
    public long executed() {
        return executed;
    }

    /** Number of pending events. */
    public int pending() {
        return size;
    }

    /**
     * Schedules {@code e} at absolute time {@code time}; if it is already pending, moves it (and
     * it then orders after events already scheduled for that same instant).
     *
     * @throws IllegalArgumentException if {@code time} is in the past
     */
    public void schedule(Event e, long time) {
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule in the past: " + time + " < " + now);
        }
        long seq = nextSeq++;
        int i = e.index;
        if (i >= 0) {
            long oldTime = times[i];
            e.time = time;
            e.seq = seq;
            times[i] = time;
            seqs[i] = seq;
            // A later (time, seq) key can only move down; an earlier one only up.
            if (time < oldTime) {
                siftUp(i, e, time, seq);
            } else {
                siftDown(i, e, time, seq);
            }
            return;
        }
        if (size == events.length) {
            grow();
        }
        e.time = time;
        e.seq = seq;
        siftUp(size++, e, time, seq);
    }

    /** Schedules {@code e} at {@code now() + delay}. */
    public void scheduleIn(Event e, long delay) {
        schedule(e, now + delay);
    }

    /** Convenience for one-off actions off the hot path: wraps {@code action} in a new event. */
    public Event schedule(long time, Runnable action) {
        Event e = new Event() {
            @Override
            public void run() {
                action.run();
            }
        };
        schedule(e, time);
        return e;
    }

    /** Removes {@code e} if pending. Returns whether it was pending. */
    public boolean cancel(Event e) {
        int i = e.index;
        if (i < 0) {
            return false;
        }
        e.index = -1;
        int last = --size;
        if (i != last) {
            Event moved = events[last];
            long t = times[last];
            long s = seqs[last];
            events[last] = null;
            if (i > 0 && before(t, s, times[parent(i)], seqs[parent(i)])) {
                siftUp(i, moved, t, s);
            } else {
                siftDown(i, moved, t, s);
            }
        } else {
            events[last] = null;
        }
        return true;
    }

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /** Asks a running {@link #run} to return after the current event. */
    public void stop() {
        stopRequested = true;
    }

    /** Why {@link #run} returned. */
    public enum StopReason { TIME_LIMIT, EVENT_BUDGET, EMPTY, STOPPED }

    /**
     * Runs events in order until the next one would fire after {@code until} (then the clock is
     * set to {@code until}), {@code maxEvents} more have run, the queue is empty, or {@link #stop()}
     * is called.
     */
    public StopReason run(long until, long maxEvents) {
        stopRequested = false;
        long budgetEnd = maxEvents == Long.MAX_VALUE ? Long.MAX_VALUE : executed + maxEvents;
        while (true) {
            if (stopRequested) {
                return StopReason.STOPPED;
            }
            if (size == 0) {
                return StopReason.EMPTY;
            }
            if (times[0] > until) {
                now = until;
                return StopReason.TIME_LIMIT;
            }
            if (executed >= budgetEnd) {
                return StopReason.EVENT_BUDGET;
            }
            Event e = pollFirst();
            now = e.time;
            executed++;
            e.run();
        }
    }

    /** Runs to the end of time or an empty queue. */
    public StopReason run() {
        return run(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Removes and returns the earliest event without running it and advances the clock to its
     * time; for drivers that run events themselves (benchmarks, stepping debuggers).
     */
    public Event pollFirst() {
        Event first = events[0];
        first.index = -1;
        int last = --size;
        if (last > 0) {
            Event moved = events[last];
            events[last] = null;
            siftDown(0, moved, times[last], seqs[last]);
        } else {
            events[0] = null;
        }
        now = first.time;
        return first;
    }

    private static int parent(int i) {
        return (i - 1) >>> ARITY_SHIFT;
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int i, Event e, long t, long s) {
        final long[] ts = times;
        final long[] ss = seqs;
        final Event[] es = events;
        while (i > 0) {
            int p = (i - 1) >>> ARITY_SHIFT;
            long pt = ts[p];
            if (t > pt || (t == pt && s > ss[p])) {
                break;
            }
            Event pe = es[p];
            es[i] = pe;
            ts[i] = pt;
            ss[i] = ss[p];
            pe.index = i;
            i = p;
        }
        es[i] = e;
        ts[i] = t;
        ss[i] = s;
        e.index = i;
    }

    private void siftDown(int i, Event e, long t, long s) {
        final long[] ts = times;
        final long[] ss = seqs;
        final Event[] es = events;
        final int n = size;
        while (true) {
            int first = (i << ARITY_SHIFT) + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + ARITY, n);
            int best = first;
            long bt = ts[first];
            long bs = ss[first];
            for (int c = first + 1; c < end; c++) {
                long ct = ts[c];
                if (ct < bt || (ct == bt && ss[c] < bs)) {
                    best = c;
                    bt = ct;
                    bs = ss[c];
                }
            }
            if (t < bt || (t == bt && s < bs)) {
                break;
            }
            Event be = es[best];
            es[i] = be;
            ts[i] = bt;
            ss[i] = bs;
            be.index = i;
            i = best;
        }
        es[i] = e;
        ts[i] = t;
        ss[i] = s;
        e.index = i;
    }

    private void grow() {
        int n = events.length * 2;
        events = Arrays.copyOf(events, n);
        times = Arrays.copyOf(times, n);
        seqs = Arrays.copyOf(seqs, n);
    }
}
