package org.sockeye.sim;

/**
 * Something that happens at one simulated instant. Subclasses implement {@link #run()}.
 *
 * <p>An event object is reusable: once it has fired or been cancelled it may be scheduled again,
 * and scheduling it while it is still pending simply moves it. Timers (TCP re-arms its
 * retransmission timer on almost every ACK) keep one event each and never allocate.
 *
 * <p>The package-private fields are the {@link Scheduler}'s bookkeeping, kept in the event itself
 * so that scheduling, moving and cancelling need no side table and no allocation. Which of the
 * scheduler's structures holds a pending event follows from its {@link #time} (see
 * {@link Scheduler}), so the event does not record it.
 */
public abstract class Event {
    /** Simulated time in picoseconds at which the event fires; valid while pending. */
    long time;
    /** {@link #seq} of an event that is not pending. */
    static final long IDLE = -1;

    /**
     * Insertion sequence: breaks ties between events at the same instant (FIFO); {@link #IDLE}
     * (negative) when the event is not pending. (One field for both keeps an event at 32 bytes.)
     */
    long seq = IDLE;
    /**
     * Slot in the structure that holds the event, where that structure needs one for O(1) cancel:
     * the far list, a bucket's overflow array, or the current bucket while it is a heap. Stale
     * otherwise.
     */
    int index = -1;

    /** Performs the event. Called by the scheduler with {@code now() == time()}. */
    public abstract void run();

    /** The time this event fires at (meaningful while {@link #isPending()}). */
    public final long time() {
        return time;
    }

    public final boolean isPending() {
        return seq != IDLE;
    }
}
