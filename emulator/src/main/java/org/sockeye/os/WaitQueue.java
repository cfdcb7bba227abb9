package org.sockeye.os;

/**
 * A file's wait queue (Linux wait_queue_head_t): the waiters to wake when its readiness
 * changes. A woken waiter may remove itself or others, or add new ones, so waking walks the list
 * again from the head after each wake-up, skipping the waiters already woken in this round;
 * every wake is idempotent, so this is safe, and the common case (one waiter) is one step.
 */
final class WaitQueue {
    private Waiter head;
    private Waiter tail;
    /** Stamps the waiters woken by one {@link #wakeUp}; never repeats within a run. */
    private long round;

    void add(Waiter w) {
        if (w.queue != null) {
            throw new IllegalStateException("waiter already queued");
        }
        w.queue = this;
        w.prev = tail;
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
    }

    void remove(Waiter w) {
        if (w.queue != this) {
            return;
        }
        if (w.prev == null) {
            head = w.next;
        } else {
            w.prev.next = w.next;
        }
        if (w.next == null) {
            tail = w.prev;
        } else {
            w.next.prev = w.prev;
        }
        w.queue = null;
        w.prev = null;
        w.next = null;
    }

    Waiter first() {
        return head;
    }

    boolean isEmpty() {
        return head == null;
    }

    /** Wakes every waiter interested in {@code mask} (POLLERR and POLLHUP interest everyone). */
    void wakeUp(int mask) {
        if (head == null) {
            return;
        }
        if (head == tail) { // the common case: one waiter, nothing to keep track of
            Waiter w = head;
            if ((w.interest & mask) != 0 || (mask & (Sys.POLLERR | Sys.POLLHUP)) != 0) {
                w.wake(mask);
            }
            return;
        }
        // Several: stamp the woken and restart after each wake, since the woken may have changed
        // the list.
        long r = ++round;
        Waiter w = head;
        while (w != null) {
            boolean wokenNow = w.wokenBy == this && w.wokenRound == r;
            if (!wokenNow && ((w.interest & mask) != 0 || (mask & (Sys.POLLERR | Sys.POLLHUP)) != 0)) {
                w.wokenBy = this;
                w.wokenRound = r;
                w.wake(mask);
                w = head;
            } else {
                w = w.next;
            }
        }
    }
}
