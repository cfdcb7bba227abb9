package org.sockeye.sim;

/**
 * Something that happens at one simulated instant. Subclasses implement {@link #run()}.
 *
 * <p>An event object is reusable: once it has fired or been cancelled it may be scheduled again,
 * and scheduling it while it is still pending simply moves it. Timers (TCP re-arms its
 * retransmission timer on almost every ACK) keep one event each and never allocate.
 *
 * <p>The package-private fields are the {@link Scheduler}'s bookkeeping, kept in the event itself
 * so that scheduling, moving and cancelling need no side table and no allocation.
 */
public abstract class Event {
    /** {@link #place}: not pending. */
    static final int IDLE = -1;
    /** {@link #place}: in the scheduler's near-future heap, at slot {@link #index}. */
    static final int IN_HEAP = -2;
    /** {@link #place}: in the scheduler's unsorted far-future list. */
    static final int FAR = -3;

    /** Simulated time in picoseconds at which the event fires; valid while pending. */
    long time;
    /** Insertion sequence: breaks ties between events at the same instant (FIFO). */
    long seq;
    /** Where the event is queued: {@link #IDLE}, {@link #IN_HEAP}, {@link #FAR} or a bucket number. */
    int place = IDLE;
    /** Slot in the heap, the far list or the bucket that holds the event (O(1) cancel). */
    int index = -1;

    /** Performs the event. Called by the scheduler with {@code now() == time()}. */
    public abstract void run();

    /** The time this event fires at (meaningful while {@link #isPending()}). */
    public final long time() {
        return time;
    }

    public final boolean isPending() {
        return place != IDLE;
    }
}
