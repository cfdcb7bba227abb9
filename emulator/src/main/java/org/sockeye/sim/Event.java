package org.sockeye.sim;

/**
 * Something that happens at one simulated instant. Subclasses implement {@link #run()}.
 *
 * <p>An event object is reusable: once it has fired or been cancelled it may be scheduled again,
 * and scheduling it while it is still pending simply moves it. Timers (TCP re-arms its
 * retransmission timer on almost every ACK) keep one event each and never allocate.
 */
public abstract class Event {
    /** Simulated time in picoseconds at which the event fires; valid while pending. */
    long time;
    /** Insertion sequence: breaks ties between events at the same instant (FIFO). */
    long seq;
    /** Position in the scheduler's heap, or -1 when not pending. */
    int index = -1;

    /** Performs the event. Called by the scheduler with {@code now() == time()}. */
    public abstract void run();

    /** The time this event fires at (meaningful while {@link #isPending()}). */
    public final long time() {
        return time;
    }

    public final boolean isPending() {
        return index >= 0;
    }
}
