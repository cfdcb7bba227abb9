package org.sockeye.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The discrete-event scheduler: a priority queue of {@link Event}s ordered by (time, insertion
 * sequence), so runs are deterministic and simultaneous events fire in the order they were
 * scheduled (a move counts as a new scheduling).
 *
 * <p>Structure (a calendar queue whose current day is a heap). With hundreds of thousands of
 * pending events a plain heap pays a cache miss per level on every pop; here only the events of
 * the nearest time slice are kept sorted:
 * <ul>
 *   <li>a small 4-ary min-heap holds the events of the current bucket (and anything scheduled
 *       before it); it alone defines the exact (time, seq) order;</li>
 *   <li>a calendar of {@code bucketCount} buckets of width {@code 2^shift} ps, starting at
 *       {@code base}, holds later events in unsorted arrays (O(1) insert and, since each event
 *       knows its slot, O(1) cancel);</li>
 *   <li>events beyond the calendar wait in an unsorted far list.</li>
 * </ul>
 * When the heap runs dry the next non-empty bucket is poured into it; when the calendar is used
 * up it is rebuilt from the far list, sized to the events actually there (see {@link #rebuild}).
 * Every heap event precedes every bucket event, and bucket k's events precede bucket k+1's, so
 * the order is exactly that of a single heap. Nothing is allocated per operation: the heap, the
 * far list and each bucket's array grow by doubling and are reused; an event's position lives in
 * the event. Worst case (all pending events within one bucket's width) it degrades to the heap.
 */
public final class Scheduler {
    private static final int ARITY_SHIFT = 2; // 4-ary heap: children of i are 4i+1 .. 4i+4
    private static final int ARITY = 1 << ARITY_SHIFT;
    /**
     * Calendar sizing, chosen by measurement with the hold model at 100k pending (BENCHMARKS.md):
     * the calendar spans SPAN_OVER_MEAN times the far events' mean distance from the earliest,
     * with one bucket per EVENTS_PER_BUCKET of them. Wider spans or more buckets measured slower:
     * the bucket table then outgrows the caches.
     */
    private static final int EVENTS_PER_BUCKET = 4;
    private static final double SPAN_OVER_MEAN = 2.0;
    private static final int MAX_BUCKETS = 1 << 22;

    // Near-future heap; keys in primitive arrays so sifting compares longs in contiguous memory.
    private Event[] heap = new Event[256];
    private long[] heapTimes = new long[256];
    private long[] heapSeqs = new long[256];
    private int heapSize;

    // Calendar. Initially empty (no buckets, base at -infinity) so everything goes to the far list.
    // Each bucket is an unsorted array (allocated on first use, kept across rebuilds): appends
    // and swap-removes are O(1), and pouring a bucket into the heap reads its events
    // independently of each other, so their cache misses overlap instead of queueing up the way a
    // linked list's do.
    private Event[][] buckets = new Event[0][];
    private int[] bucketSizes = new int[0];
    private int bucketCount;
    /** The bucket whose events are in the heap; events in buckets <= current belong in the heap. */
    private int current = -1;
    private long base = Long.MIN_VALUE;
    private int shift = 1; // >= 1 so (t - base) >>> shift is a non-negative long
    // Far list: unsorted parallel arrays, so a rebuild scans times sequentially instead of
    // chasing pointers through scattered events; an event's far slot is its index.
    private Event[] farEvents = new Event[256];
    private long[] farTimes = new long[256];
    private int farCount;

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
        if (e.place == Event.IN_HEAP && belongsInHeap(time)) {
            rekeyInHeap(e, time, seq);
            return;
        }
        if (e.place != Event.IDLE) {
            unqueue(e);
        } else {
            size++;
        }
        e.time = time;
        e.seq = seq;
        enqueue(e);
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
        if (e.place == Event.IDLE) {
            return false;
        }
        unqueue(e);
        e.place = Event.IDLE;
        size--;
        return true;
    }

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
    public long peekTime() {
        return heapSize > 0 || refill() ? heapTimes[0] : Long.MAX_VALUE;
    }

    /** Asks a running {@link #run} to return after the current event. */
    public void stop() {
        stopRequested = true;
    }

    /** Why {@link #run} returned. */
    public enum StopReason { TIME_LIMIT, EVENT_BUDGET, EMPTY, STOPPED }

    /**
     * Runs events in order until the next one would fire after {@code until} (then the clock is
     * set to {@code until}), {@code maxEvents} more have run, the queue is empty (the clock stays
     * at the last event), or {@link #stop()} is called.
     */
    public StopReason run(long until, long maxEvents) {
        stopRequested = false;
        long budgetEnd = maxEvents == Long.MAX_VALUE ? Long.MAX_VALUE : executed + maxEvents;
        while (true) {
            if (stopRequested) {
                return StopReason.STOPPED;
            }
            if (heapSize == 0 && !refill()) {
                return StopReason.EMPTY;
            }
            if (heapTimes[0] > until) {
                now = Math.max(now, until); // never backwards, even if until is in the past
                return StopReason.TIME_LIMIT;
            }
            if (executed >= budgetEnd) {
                return StopReason.EVENT_BUDGET;
            }
            Event e = pollFirst();
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
     *
     * @throws NoSuchElementException if nothing is pending
     */
    public Event pollFirst() {
        if (heapSize == 0 && !refill()) {
            throw new NoSuchElementException("no pending events");
        }
        Event first = heap[0];
        first.place = Event.IDLE;
        first.index = -1;
        int last = --heapSize;
        if (last > 0) {
            Event moved = heap[last];
            heap[last] = null;
            siftDown(0, moved, heapTimes[last], heapSeqs[last]);
        } else {
            heap[0] = null;
        }
        size--;
        now = first.time;
        return first;
    }

    // ---- placement -------------------------------------------------------------------------

    /** Whether an event at {@code t} sorts before every bucketed and far event. */
    private boolean belongsInHeap(long t) {
        return t < base || (t - base) >>> shift <= current;
    }

    private void enqueue(Event e) {
        long t = e.time;
        if (belongsInHeap(t)) {
            heapInsert(e);
            return;
        }
        long bucket = (t - base) >>> shift;
        if (bucket < bucketCount) {
            linkIntoBucket(e, (int) bucket);
        } else {
            linkFar(e);
        }
    }

    /** Takes a pending event out of whichever structure holds it (place is left stale). */
    private void unqueue(Event e) {
        if (e.place == Event.IN_HEAP) {
            heapRemove(e.index);
            e.index = -1;
            return;
        }
        if (e.place == Event.FAR) {
            int i = e.index;
            int last = --farCount;
            if (i != last) { // swap-remove: fill the gap with the last far event
                Event moved = farEvents[last];
                farEvents[i] = moved;
                farTimes[i] = farTimes[last];
                moved.index = i;
            }
            farEvents[last] = null;
            e.index = -1;
            return;
        }
        int b = e.place;
        Event[] slots = buckets[b];
        int i = e.index;
        int last = --bucketSizes[b];
        if (i != last) {
            Event moved = slots[last];
            slots[i] = moved;
            moved.index = i;
        }
        slots[last] = null;
        e.index = -1;
    }

    private void linkIntoBucket(Event e, int b) {
        Event[] slots = buckets[b];
        int n = bucketSizes[b];
        if (slots == null || n == slots.length) {
            slots = growBucket(b, n);
        }
        slots[n] = e;
        bucketSizes[b] = n + 1;
        e.place = b;
        e.index = n;
    }

    /** Off the hot path: a bucket's array is allocated once and then only grows. */
    private Event[] growBucket(int b, int n) {
        Event[] slots = buckets[b] == null ? new Event[4] : Arrays.copyOf(buckets[b], n * 2);
        buckets[b] = slots;
        return slots;
    }

    private void linkFar(Event e) {
        if (farCount == farEvents.length) {
            farEvents = Arrays.copyOf(farEvents, farCount * 2);
            farTimes = Arrays.copyOf(farTimes, farCount * 2);
        }
        e.place = Event.FAR;
        e.index = farCount;
        farEvents[farCount] = e;
        farTimes[farCount++] = e.time;
    }

    /**
     * Called with an empty heap: pours the next non-empty bucket into it, rebuilding the
     * calendar from the far list when the buckets are used up. Returns false if nothing is
     * pending.
     */
    private boolean refill() {
        while (true) {
            while (current + 1 < bucketCount) {
                current++;
                int n = bucketSizes[current];
                if (n > 0) {
                    Event[] slots = buckets[current];
                    for (int i = 0; i < n; i++) {
                        heapInsert(slots[i]);
                        slots[i] = null;
                    }
                    bucketSizes[current] = 0;
                    return true;
                }
            }
            if (farCount == 0) {
                return false;
            }
            rebuild();
        }
    }

    /**
     * Lays a new calendar over the far list (heap and buckets are empty). The calendar starts at
     * the earliest far event and spans twice the events' mean distance from it: an outlier (a
     * timer an hour away) cannot stretch the buckets so wide that everything lands in one, and by
     * Markov's inequality at least half the far events fall inside, so rebuild cost is amortised
     * O(1) per operation. Events beyond the span stay in the far list for the next rebuild.
     */
    private void rebuild() {
        final long[] ft = farTimes;
        final int n = farCount;
        // Offsets from the first event keep the double sum precise late in long simulations.
        long ref = ft[0];
        long min = ref;
        double offsetSum = 0;
        for (int i = 0; i < n; i++) {
            long t = ft[i];
            min = Math.min(min, t);
            offsetSum += t - ref;
        }
        double meanFromMin = (ref - min) + offsetSum / n;
        double span = Math.max(1.0, SPAN_OVER_MEAN * meanFromMin);
        // A power of two > n / EVENTS_PER_BUCKET, and at least 2.
        int count = Math.min(Integer.highestOneBit(Math.max(1, n / EVENTS_PER_BUCKET)) << 1, MAX_BUCKETS);
        double width = Math.ceil(span / count);
        int s = width >= 0x1p62 ? 62 : 64 - Long.numberOfLeadingZeros((long) width - 1);
        shift = Math.max(1, s);
        base = min;
        current = -1;
        bucketCount = count;
        if (buckets.length < count) {
            buckets = Arrays.copyOf(buckets, count);
            bucketSizes = new int[count]; // all buckets are empty here
        }
        // Distribute; events beyond the span are compacted to the front of the far arrays.
        final Event[] fe = farEvents;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            long t = ft[i];
            Event e = fe[i];
            long bucket = (t - base) >>> shift;
            if (bucket < count) {
                linkIntoBucket(e, (int) bucket);
            } else {
                ft[kept] = t;
                fe[kept] = e;
                e.index = kept++;
            }
        }
        Arrays.fill(fe, kept, n, null);
        farCount = kept;
    }

    // ---- near-future heap ------------------------------------------------------------------

    private void heapInsert(Event e) {
        if (heapSize == heap.length) {
            int n = heap.length * 2;
            heap = Arrays.copyOf(heap, n);
            heapTimes = Arrays.copyOf(heapTimes, n);
            heapSeqs = Arrays.copyOf(heapSeqs, n);
        }
        e.place = Event.IN_HEAP;
        siftUp(heapSize++, e, e.time, e.seq);
    }

    private void rekeyInHeap(Event e, long time, long seq) {
        int i = e.index;
        long oldTime = heapTimes[i];
        e.time = time;
        e.seq = seq;
        // A later (time, seq) key can only move down; an earlier one only up.
        if (time < oldTime) {
            siftUp(i, e, time, seq);
        } else {
            siftDown(i, e, time, seq);
        }
    }

    private void heapRemove(int i) {
        int last = --heapSize;
        Event moved = heap[last];
        heap[last] = null;
        if (i == last) {
            return;
        }
        long t = heapTimes[last];
        long s = heapSeqs[last];
        int p = (i - 1) >>> ARITY_SHIFT;
        if (i > 0 && (t < heapTimes[p] || (t == heapTimes[p] && s < heapSeqs[p]))) {
            siftUp(i, moved, t, s);
        } else {
            siftDown(i, moved, t, s);
        }
    }

    /** Hole-based sift: parents move down into the hole, the event is written once at the end. */
    private void siftUp(int i, Event e, long t, long s) {
        final long[] ts = heapTimes;
        final long[] ss = heapSeqs;
        final Event[] es = heap;
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
        final long[] ts = heapTimes;
        final long[] ss = heapSeqs;
        final Event[] es = heap;
        final int n = heapSize;
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
}
