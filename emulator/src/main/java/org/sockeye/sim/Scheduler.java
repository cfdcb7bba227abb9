package org.sockeye.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The discrete-event scheduler: a priority queue of {@link Event}s ordered by (time, insertion
 * sequence), so runs are deterministic and simultaneous events fire in the order they were
 * scheduled (a move counts as a new scheduling).
 *
 * <p>Structure: a calendar queue. Only the events of the current time slice are kept sorted.
 * <ul>
 *   <li>The <em>current bucket</em> holds the events of the bucket being consumed (and anything
 *       scheduled before it), in exact (time, seq) order. Normally it is a small sorted array,
 *       sorted once when the bucket is poured into it and then consumed by a cursor; the rare
 *       insert or cancel there shifts a few neighbours. A bucket too big for that array (many
 *       events within one bucket's width, e.g. all at one instant) is poured into a 4-ary
 *       min-heap instead, so the worst case is a plain heap's O(log n). A pour first gathers
 *       the bucket's events and times (their cache misses overlap), then sorts the first 8 with
 *       a branch-free sorting network ({@link #networkSort8}) and inserts any others.</li>
 *   <li>A calendar of {@code bucketCount} buckets of width {@code 2^shift} ps, starting at
 *       {@code base}, holds later events unsorted. The buckets are one flat arena of
 *       {@link #SLOTS} slots each, with a byte count per bucket; a bucket that fills up spills
 *       into an overflow array of its own. Inserting touches one slot; cancelling scans the
 *       bucket's few slots for the event and moves the last one into the gap, touching no other
 *       event.</li>
 *   <li>Events beyond the calendar wait in an unsorted far list.</li>
 * </ul>
 * Which structure holds a pending event follows from its time alone: with
 * {@code k = (time - base) >>> shift}, it is the current bucket if {@code time < base} or
 * {@code k <= current}, calendar bucket {@code k} if {@code k < bucketCount}, else the far list.
 * So distributing events into buckets (on a rebuild) does not touch the events. When the current
 * bucket runs dry the next non-empty bucket is poured into it; when the calendar is used up it is
 * rebuilt from the far list, sized to the events actually there (see {@link #rebuild}). Every
 * current event precedes every bucketed one, and bucket k's events precede bucket k+1's, so the
 * order is exactly that of a single heap. Nothing is allocated per operation: every array grows
 * by doubling and is reused.
 */
public final class Scheduler {
    private static final int ARITY_SHIFT = 2; // 4-ary heap: children of i are 4i+1 .. 4i+4
    private static final int ARITY = 1 << ARITY_SHIFT;
    /**
     * Calendar sizing, chosen by measurement with the hold model at 100k pending (BENCHMARKS.md):
     * the calendar spans SPAN_OVER_MEAN times the far events' mean distance from the earliest,
     * with one bucket per EVENTS_PER_BUCKET of them (rounded to a power of two).
     */
    private static final int EVENTS_PER_BUCKET = 4;
    private static final double SPAN_OVER_MEAN = 2.0;
    private static final int MAX_BUCKETS = 1 << 20;
    /** Rebuild sample size, and the span per upper quartile (2 / ln 4: exponential times). */
    private static final int SAMPLES = 64;
    private static final double QUARTILE_SPAN = 2.0 / Math.log(4.0);
    /** Slots per bucket in the arena (a power of two, at most 64: counts are bytes). */
    private static final int SLOT_SHIFT = 4;
    private static final int SLOTS = 1 << SLOT_SHIFT;
    /** Capacity of the sorted current bucket; a bigger current bucket is kept as a heap. */
    private static final int SORTED_CAPACITY = 64;
    /** Bits for the gather index in a sort key (at least log2 of the network's size). */
    private static final int KEY_INDEX_BITS = 3;
    private static final int KEY_INDEX_MASK = (1 << KEY_INDEX_BITS) - 1;

    // Current bucket as a sorted array, consumed from curHead; [curHead, curTail) are pending.
    // In heap mode it is empty (curHead == curTail == 0).
    private final Event[] curEvents = new Event[SORTED_CAPACITY];
    private int curHead;
    private int curTail;
    // A poured bucket's events are gathered here, then sorted into curEvents. (Stale references
    // stay behind in these until overwritten: at most SORTED_CAPACITY fired events kept reachable.)
    private final Event[] gatherEvents = new Event[SORTED_CAPACITY];
    private final long[] gatherTimes = new long[SORTED_CAPACITY];
    private final long[] gatherKeys = new long[SORTED_CAPACITY];

    // Current bucket as a heap (heapMode); keys in primitive arrays so sifting compares longs in
    // contiguous memory. An event in the heap knows its slot (index).
    private boolean heapMode;
    private Event[] heap = new Event[256];
    private long[] heapTimes = new long[256];
    private long[] heapSeqs = new long[256];
    private int heapSize;

    // Calendar. Initially empty (no buckets, base at -infinity) so everything goes to the far list.
    private Event[] slots = new Event[0]; // bucket b's events are slots[b*SLOTS .. b*SLOTS+counts[b])
    private byte[] counts = new byte[0];
    // Per bucket, its events beyond the slots, read only when the slots are full: an array
    // (allocated when the bucket first overflows, then reused, kept across rebuilds) and a size.
    // An overflow event knows its place in that array (index).
    private Event[][] overflow = new Event[0][];
    private int[] overflowSizes = new int[0];
    private int bucketCount;
    /** The bucket poured into the current bucket; events in buckets <= current belong there. */
    private int current = -1;
    private long base = Long.MIN_VALUE;
    private int shift = 1; // >= 1 so (t - base) >>> shift is a non-negative long

    // Far list: unsorted parallel arrays, so a rebuild scans times sequentially instead of
    // chasing pointers through scattered events; an event's far slot is its index.
    private Event[] farEvents = new Event[256];
    private long[] farTimes = new long[256];
    private int farCount;
    /** For {@link #rebuild}: a sample of far times, and whether the last sample misjudged. */
    private final long[] sample = new long[SAMPLES];
    private boolean quantileMissed;

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
        if (e.seq != Event.IDLE) {
            if (heapMode && inCurrent(e.time) && inCurrent(time)) {
                rekeyInHeap(e, time, seq);
                return;
            }
            unqueue(e);
        } else {
            size++;
        }
        e.time = time;
        e.seq = seq;
        if (time >= base) {
            long k = (time - base) >>> shift;
            if (k > current) {
                if (k < bucketCount) {
                    bucketInsert(e, (int) k);
                } else {
                    farInsert(e, time);
                }
                return;
            }
        }
        currentInsert(e, time);
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
        if (e.seq == Event.IDLE) {
            return false;
        }
        unqueue(e);
        e.seq = Event.IDLE;
        size--;
        return true;
    }

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
    public long peekTime() {
        if (curHead < curTail) {
            return curEvents[curHead].time;
        }
        if (heapSize > 0) {
            return heapTimes[0];
        }
        return refill() ? firstTime() : Long.MAX_VALUE;
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
            if (curHead == curTail && heapSize == 0 && !refill()) {
                return StopReason.EMPTY;
            }
            if (firstTime() > until) {
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
        int h = curHead;
        if (h == curTail) {
            return pollSlow();
        }
        Event first = curEvents[h];
        curEvents[h] = null;
        curHead = h + 1;
        now = first.time;
        first.seq = Event.IDLE;
        size--;
        return first;
    }

    private Event pollSlow() {
        if (heapSize == 0) {
            if (!refill()) {
                throw new NoSuchElementException("no pending events");
            }
            if (!heapMode) {
                return pollFirst();
            }
        }
        Event first = heap[0];
        first.seq = Event.IDLE;
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

    /** The earliest time; the current bucket must not be empty. */
    private long firstTime() {
        return curHead < curTail ? curEvents[curHead].time : heapTimes[0];
    }

    // ---- placement -------------------------------------------------------------------------

    /** Whether an event at {@code t} belongs in the current bucket (before every other one). */
    private boolean inCurrent(long t) {
        return t < base || (t - base) >>> shift <= current;
    }

    /** Takes a pending event out of whichever structure holds it (by its time). */
    private void unqueue(Event e) {
        long t = e.time;
        if (t >= base) {
            long k = (t - base) >>> shift;
            if (k > current) {
                if (k < bucketCount) {
                    bucketRemove(e, (int) k);
                } else {
                    farRemove(e);
                }
                return;
            }
        }
        currentRemove(e);
    }

    // ---- calendar buckets ------------------------------------------------------------------

    private void bucketInsert(Event e, int b) {
        int n = counts[b];
        if (n < SLOTS) {
            slots[(b << SLOT_SHIFT) + n] = e;
            counts[b] = (byte) (n + 1);
        } else {
            overflowInsert(e, b);
        }
    }

    private void bucketRemove(Event e, int b) {
        final Event[] sl = slots;
        int n = counts[b];
        int start = b << SLOT_SHIFT;
        int end = start + n;
        for (int i = start; i < end; i++) {
            if (sl[i] == e) {
                if (n == SLOTS && overflowSizes[b] > 0) {
                    sl[i] = overflowPop(b); // keep the slots full while the bucket overflows
                } else {
                    sl[i] = sl[end - 1];
                    sl[end - 1] = null;
                    counts[b] = (byte) (n - 1);
                }
                return;
            }
        }
        overflowRemove(e, b);
    }

    /** Off the hot path: the bucket's slots are full; the event goes to its overflow array. */
    private void overflowInsert(Event e, int b) {
        Event[] o = overflow[b];
        int n = overflowSizes[b];
        if (o == null || n == o.length) {
            o = o == null ? new Event[SLOTS] : Arrays.copyOf(o, n * 2);
            overflow[b] = o;
        }
        o[n] = e;
        e.index = n;
        overflowSizes[b] = n + 1;
    }

    /** Removes and returns the last overflow event of bucket {@code b} (which has one). */
    private Event overflowPop(int b) {
        Event[] o = overflow[b];
        int last = --overflowSizes[b];
        Event e = o[last];
        o[last] = null;
        return e;
    }

    /** Removes {@code e} from bucket {@code b}'s overflow array: the last one fills its place. */
    private void overflowRemove(Event e, int b) {
        Event[] o = overflow[b];
        int i = e.index;
        int last = --overflowSizes[b];
        if (i != last) {
            Event m = o[last];
            o[i] = m;
            m.index = i;
        }
        o[last] = null;
    }

    // ---- far list --------------------------------------------------------------------------

    private void farInsert(Event e, long t) {
        if (farCount == farEvents.length) {
            farEvents = Arrays.copyOf(farEvents, farCount * 2);
            farTimes = Arrays.copyOf(farTimes, farCount * 2);
        }
        e.index = farCount;
        farEvents[farCount] = e;
        farTimes[farCount++] = t;
    }

    private void farRemove(Event e) {
        int i = e.index;
        int last = --farCount;
        if (i != last) { // swap-remove: fill the gap with the last far event
            Event moved = farEvents[last];
            farEvents[i] = moved;
            farTimes[i] = farTimes[last];
            moved.index = i;
        }
        farEvents[last] = null;
    }

    // ---- refilling the current bucket ------------------------------------------------------

    /**
     * Called with an empty current bucket: pours the next non-empty calendar bucket into it,
     * rebuilding the calendar from the far list when the buckets are used up. Returns false if
     * nothing is pending.
     */
    private boolean refill() {
        while (true) {
            final byte[] c = counts;
            final int n = bucketCount;
            int b = current + 1;
            while (b < n && c[b] == 0) {
                b++;
            }
            if (b < n) {
                current = b;
                pour(b);
                return true;
            }
            if (farCount == 0) {
                // Nothing pending: drop the spent calendar, so the next events get one fitted to them.
                bucketCount = 0;
                base = Long.MIN_VALUE;
                shift = 1;
                current = -1;
                heapMode = false;
                return false;
            }
            rebuild();
        }
    }

    /** Moves bucket {@code b}'s events into the empty current bucket, sorted. */
    private void pour(int b) {
        final Event[] sl = slots;
        final int n = counts[b];
        final int start = b << SLOT_SHIFT;
        int more = 0; // overflow events
        if (n == SLOTS) {
            more = overflowSizes[b];
            overflowSizes[b] = 0;
        }
        counts[b] = 0;
        if (n + more > SORTED_CAPACITY) {
            pourIntoHeap(b, n, more);
            return;
        }
        heapMode = false;
        // Gather first, then sort: the events' cache misses then overlap instead of each
        // waiting behind the comparisons (and mispredictions) of the one before.
        final Event[] ge = gatherEvents;
        final long[] gt = gatherTimes;
        int m = 0;
        for (int i = start, end = start + n; i < end; i++) {
            Event e = sl[i];
            sl[i] = null;
            ge[m] = e;
            gt[m++] = e.time;
        }
        if (more > 0) {
            final Event[] o = overflow[b];
            for (int i = 0; i < more; i++) {
                Event e = o[i];
                o[i] = null;
                ge[m] = e;
                gt[m++] = e.time;
            }
        }
        if (shift <= 63 - KEY_INDEX_BITS) {
            networkSort8(Math.min(m, 8)); // the first 8, branch-free
            insertionSort(Math.min(m, 8), m); // the rest, if any
        } else {
            insertionSort(0, m);
        }
        curHead = 0;
        curTail = m;
    }

    /**
     * Sorts the first m <= 8 gathered events into the current bucket without data-dependent
     * branches (an insertion sort mispredicts about once per event): a sorting network of 19
     * compare-exchanges, each in arithmetic ({@code d = max(a - b, 0); a -= d; b += d}), over keys
     * that pack the time's offset within the bucket above the gather index, so that the keys are
     * distinct, below 2^63 (shift <= 60) and name their event. Events at the same time come out
     * in gather order; a final pass, taken only if there are such ties, puts them in sequence
     * order.
     */
    private void networkSort8(int m) {
        final long[] gt = gatherTimes;
        final long b0 = base;
        final long mask = (1L << shift) - 1;
        long k0 = key(gt[0], b0, mask, 0, m);
        long k1 = key(gt[1], b0, mask, 1, m);
        long k2 = key(gt[2], b0, mask, 2, m);
        long k3 = key(gt[3], b0, mask, 3, m);
        long k4 = key(gt[4], b0, mask, 4, m);
        long k5 = key(gt[5], b0, mask, 5, m);
        long k6 = key(gt[6], b0, mask, 6, m);
        long k7 = key(gt[7], b0, mask, 7, m);
        long x;
        x = k0 - k2;
        x &= ~(x >> 63);
        k0 -= x;
        k2 += x;
        x = k1 - k3;
        x &= ~(x >> 63);
        k1 -= x;
        k3 += x;
        x = k4 - k6;
        x &= ~(x >> 63);
        k4 -= x;
        k6 += x;
        x = k5 - k7;
        x &= ~(x >> 63);
        k5 -= x;
        k7 += x;
        x = k0 - k4;
        x &= ~(x >> 63);
        k0 -= x;
        k4 += x;
        x = k1 - k5;
        x &= ~(x >> 63);
        k1 -= x;
        k5 += x;
        x = k2 - k6;
        x &= ~(x >> 63);
        k2 -= x;
        k6 += x;
        x = k3 - k7;
        x &= ~(x >> 63);
        k3 -= x;
        k7 += x;
        x = k0 - k1;
        x &= ~(x >> 63);
        k0 -= x;
        k1 += x;
        x = k2 - k3;
        x &= ~(x >> 63);
        k2 -= x;
        k3 += x;
        x = k4 - k5;
        x &= ~(x >> 63);
        k4 -= x;
        k5 += x;
        x = k6 - k7;
        x &= ~(x >> 63);
        k6 -= x;
        k7 += x;
        x = k2 - k4;
        x &= ~(x >> 63);
        k2 -= x;
        k4 += x;
        x = k3 - k5;
        x &= ~(x >> 63);
        k3 -= x;
        k5 += x;
        x = k1 - k4;
        x &= ~(x >> 63);
        k1 -= x;
        k4 += x;
        x = k3 - k6;
        x &= ~(x >> 63);
        k3 -= x;
        k6 += x;
        x = k1 - k2;
        x &= ~(x >> 63);
        k1 -= x;
        k2 += x;
        x = k3 - k4;
        x &= ~(x >> 63);
        k3 -= x;
        k4 += x;
        x = k5 - k6;
        x &= ~(x >> 63);
        k5 -= x;
        k6 += x;
        final long[] gk = gatherKeys;
        gk[0] = k0;
        gk[1] = k1;
        gk[2] = k2;
        gk[3] = k3;
        gk[4] = k4;
        gk[5] = k5;
        gk[6] = k6;
        gk[7] = k7;
        final Event[] ge = gatherEvents;
        final Event[] ce = curEvents;
        boolean ties = false;
        long previous = -1; // times are never negative
        for (int i = 0; i < m; i++) {
            int g = (int) gk[i] & KEY_INDEX_MASK;
            long t = gt[g];
            ties |= t == previous;
            previous = t;
            ce[i] = ge[g];
        }
        if (ties) {
            for (int i = 1; i < m; i++) {
                if (ce[i].time == ce[i - 1].time && ce[i].seq < ce[i - 1].seq) {
                    fixTie(i);
                }
            }
        }
    }

    /** Event i's sort key, or the largest key if i is past the m gathered ones (no branch). */
    private static long key(long t, long base, long mask, int i, int m) {
        long k = ((t - base) & mask) << KEY_INDEX_BITS | i;
        long absent = (long) (m - 1 - i) >> 63; // all ones if i >= m
        return k | (absent & Long.MAX_VALUE);
    }

    /** Moves the event at i back among the events at its time to its place in sequence order. */
    private void fixTie(int i) {
        final Event[] ce = curEvents;
        Event e = ce[i];
        long t = e.time;
        long s = e.seq;
        int j = i;
        while (j > 0 && ce[j - 1].time == t && ce[j - 1].seq > s) {
            ce[j] = ce[j - 1];
            j--;
        }
        ce[j] = e;
    }

    /**
     * Insertion sort of gathered events {@code from .. m-1} into the current bucket, whose first
     * {@code from} events are sorted already, by (time, seq).
     */
    private void insertionSort(int from, int m) {
        final Event[] ge = gatherEvents;
        final long[] gt = gatherTimes;
        final Event[] ce = curEvents;
        for (int i = from; i < m; i++) {
            Event e = ge[i];
            long t = gt[i];
            int j = i;
            while (j > 0 && (ce[j - 1].time > t || (ce[j - 1].time == t && ce[j - 1].seq > e.seq))) {
                ce[j] = ce[j - 1];
                j--;
            }
            ce[j] = e;
        }
    }

    /** Off the hot path: a bucket too big for the sorted array becomes a heap (Floyd's build). */
    private void pourIntoHeap(int b, int n, int more) {
        heapMode = true;
        curHead = 0;
        curTail = 0;
        ensureHeapCapacity(n + more);
        final Event[] sl = slots;
        int k = 0;
        for (int i = b << SLOT_SHIFT, end = i + n; i < end; i++) {
            heapAppend(k++, sl[i]);
            sl[i] = null;
        }
        final Event[] o = overflow[b];
        for (int i = 0; i < more; i++) {
            heapAppend(k++, o[i]);
            o[i] = null;
        }
        heapSize = k;
        for (int i = (k - 2) >>> ARITY_SHIFT; i >= 0 && k > 1; i--) {
            siftDown(i, heap[i], heapTimes[i], heapSeqs[i]);
        }
    }

    private void heapAppend(int i, Event e) {
        heap[i] = e;
        heapTimes[i] = e.time;
        heapSeqs[i] = e.seq;
        e.index = i;
    }

    /**
     * Lays a new calendar over the far list (the current bucket and the buckets are empty). The
     * calendar starts at the earliest far event and spans twice the events' mean distance from
     * it, so by Markov's inequality at least half the far events fall inside and rebuild cost is
     * amortised O(1) per operation; or less, if a sample's upper quartile says so: a few outliers
     * (a timer a minute away) inflate the mean and would put all the near events in one bucket.
     * (If the sample misjudged and few events were placed, the next rebuild uses the mean.)
     * Events beyond the span stay in the far list for the next rebuild. Only the far arrays and
     * the bucket arena are touched, not the events (except the few that overflow a bucket or stay
     * far).
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
        double meanSpan = Math.max(1.0, SPAN_OVER_MEAN * meanFromMin);
        double span = meanSpan;
        if (n >= SAMPLES && !quantileMissed) {
            // The upper quartile of a sample, scaled to match the mean's span for exponential
            // times: unlike the mean, it ignores a few far outliers (a timer a minute away among
            // events microseconds apart), which would otherwise widen every bucket.
            final long[] smp = sample;
            for (int j = 0; j < SAMPLES; j++) {
                smp[j] = ft[(int) ((long) j * n / SAMPLES)] - min;
            }
            Arrays.sort(smp);
            span = Math.max(1.0, Math.min(meanSpan, QUARTILE_SPAN * smp[SAMPLES * 3 / 4]));
        }
        // A power of two > n / EVENTS_PER_BUCKET, and at least 2.
        int count = Math.min(Integer.highestOneBit(Math.max(1, n / EVENTS_PER_BUCKET)) << 1, MAX_BUCKETS);
        double width = Math.ceil(span / count);
        int s = width >= 0x1p62 ? 62 : 64 - Long.numberOfLeadingZeros((long) width - 1);
        shift = Math.max(1, s);
        base = min;
        current = -1;
        bucketCount = count;
        heapMode = false;
        if (counts.length < count) { // all buckets are empty here
            slots = new Event[count << SLOT_SHIFT];
            counts = new byte[count];
            overflow = Arrays.copyOf(overflow, count); // keeps the arrays already allocated
            overflowSizes = new int[count];
        }
        // Distribute; events beyond the span are compacted to the front of the far arrays.
        final Event[] fe = farEvents;
        final Event[] sl = slots;
        final byte[] c = counts;
        final long b0 = base;
        final int sh = shift;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            long t = ft[i];
            Event e = fe[i];
            long k = (t - b0) >>> sh;
            if (k < count) {
                int b = (int) k;
                int m = c[b];
                if (m < SLOTS) {
                    sl[(b << SLOT_SHIFT) + m] = e;
                    c[b] = (byte) (m + 1);
                } else {
                    overflowInsert(e, b);
                }
            } else {
                ft[kept] = t;
                fe[kept] = e;
                e.index = kept++;
            }
        }
        Arrays.fill(fe, kept, n, null);
        farCount = kept;
        // A sample that misjudged the far list (few events placed) must not make every rebuild
        // a near no-op: the next one then uses the mean, which places at least half.
        quantileMissed = span < meanSpan && n - kept < n / 8;
    }

    // ---- the current bucket ----------------------------------------------------------------

    /** Inserts a newly scheduled event (its seq is the largest yet) into the current bucket. */
    private void currentInsert(Event e, long t) {
        if (heapMode) {
            if (heapSize > 0) {
                heapInsert(e);
                return;
            }
            heapMode = false; // an empty heap: start a sorted array again
        }
        final Event[] ce = curEvents;
        int h = curHead;
        int tl = curTail;
        if (h == tl) {
            h = tl = curHead = curTail = 0;
        }
        // Its seq is the newest, so it goes after every event at or before its time.
        int p = tl;
        while (p > h && ce[p - 1].time > t) {
            p--;
        }
        if (tl < SORTED_CAPACITY && (h == 0 || tl - p <= p - h)) {
            System.arraycopy(ce, p, ce, p + 1, tl - p);
            curTail = tl + 1;
        } else if (h > 0) {
            System.arraycopy(ce, h, ce, h - 1, p - h);
            curHead = h - 1;
            p--;
        } else {
            sortedToHeap();
            heapInsert(e);
            return;
        }
        ce[p] = e;
    }

    private void currentRemove(Event e) {
        if (heapMode) {
            heapRemove(e.index);
            return;
        }
        final Event[] ce = curEvents;
        int h = curHead;
        int tl = curTail;
        int i = h;
        while (ce[i] != e) {
            i++;
        }
        if (i - h < tl - 1 - i) { // close the gap from the shorter side
            System.arraycopy(ce, h, ce, h + 1, i - h);
            ce[h] = null;
            curHead = h + 1;
        } else {
            System.arraycopy(ce, i + 1, ce, i, tl - 1 - i);
            ce[tl - 1] = null;
            curTail = tl - 1;
        }
    }

    /** The sorted array is full: it becomes the heap (a sorted array already is one). */
    private void sortedToHeap() {
        int k = curTail - curHead;
        ensureHeapCapacity(k + 1);
        for (int i = 0; i < k; i++) {
            int j = curHead + i;
            heapAppend(i, curEvents[j]);
            curEvents[j] = null;
        }
        heapSize = k;
        curHead = 0;
        curTail = 0;
        heapMode = true;
    }

    // ---- the current bucket as a heap ------------------------------------------------------

    private void ensureHeapCapacity(int n) {
        if (heap.length < n) {
            int c = Math.max(n, heap.length * 2);
            heap = Arrays.copyOf(heap, c);
            heapTimes = Arrays.copyOf(heapTimes, c);
            heapSeqs = Arrays.copyOf(heapSeqs, c);
        }
    }

    private void heapInsert(Event e) {
        ensureHeapCapacity(heapSize + 1);
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
