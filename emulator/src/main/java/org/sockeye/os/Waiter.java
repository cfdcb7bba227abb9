package org.sockeye.os;

/**
 * One entry on a file's {@link WaitQueue}: a blocked process, a poll table slot, an epoll item.
 * Intrusive (its links live here), so waiting allocates nothing once the entry exists.
 */
abstract class Waiter {
    /** Readiness bits this waiter cares about (POLLERR and POLLHUP always wake). */
    int interest;
    WaitQueue queue;
    Waiter prev;
    Waiter next;
    /** The queue and wake-up round that last woke it (a waiter re-queued in that round is not woken twice). */
    WaitQueue wokenBy;
    long wokenRound;

    /** The file it waits on became ready for (some of) {@code mask}. */
    abstract void wake(int mask);

    boolean isQueued() {
        return queue != null;
    }
}
