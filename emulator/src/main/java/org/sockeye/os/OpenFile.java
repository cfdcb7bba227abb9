package org.sockeye.os;

import org.sockeye.protocols.Errno;

/**
 * An open file description (Linux struct file): what a descriptor refers to. Several
 * descriptors, in one process or several (SCM_RIGHTS), may share one; it is released when the
 * last is closed. Holds the O_NONBLOCK status flag and the wait queue that readiness changes wake.
 *
 * <p>Operations take the call in progress and return its result: a count or descriptor
 * (&gt;= 0), a negated errno, or {@link #BLOCK} when the caller would have to wait (never for a
 * non-blocking call: those answer EAGAIN or EINPROGRESS themselves). After a wake-up the same
 * call is attempted again with {@link Call#retry} set. Defaults answer as Linux does for a file
 * that does not support the operation.
 */
abstract class OpenFile {
    /** An operation's answer meaning "wait for readiness, then try again". */
    static final long BLOCK = Long.MIN_VALUE;
    /** Readiness that always wakes a waiter, whatever it asked for. */
    static final int ALWAYS = Sys.POLLERR | Sys.POLLHUP;

    final Kernel kernel;
    final WaitQueue waiters = new WaitQueue();
    /** Descriptors (and in-flight SCM_RIGHTS messages) referring to this description. */
    int refs;
    boolean nonblocking;
    long rcvTimeoutPs;
    long sndTimeoutPs;

    OpenFile(Kernel kernel) {
        this.kernel = kernel;
    }

    static long err(Errno e) {
        return -e.code;
    }

    /** Current readiness: POLLIN, POLLOUT, POLLERR, POLLHUP, POLLRDHUP bits. */
    abstract int pollMask();

    /** SO_TYPE: SOCK_STREAM or SOCK_DGRAM (0 for non-sockets). */
    int socketType() {
        return 0;
    }

    boolean isSocket() {
        return socketType() != 0;
    }

    /** Whether this is an AF_UNIX socket (its system calls pay the unix costs, not TCP/IP's). */
    boolean isUnix() {
        return false;
    }

    /** Wakes the waiters interested in {@code mask}. */
    final void wakeUp(int mask) {
        waiters.wakeUp(mask);
    }

    // ---------------------------------------------------------------- operations

    int bind(Process p, SockAddr a) {
        return (int) err(isSocket() ? Errno.EINVAL : Errno.ENOTSOCK);
    }

    int listen(Process p, int backlog) {
        return (int) err(isSocket() ? Errno.EOPNOTSUPP : Errno.ENOTSOCK);
    }

    long connect(Process p, Call c) {
        return err(isSocket() ? Errno.EOPNOTSUPP : Errno.ENOTSOCK);
    }

    long accept(Process p, Call c) {
        return err(isSocket() ? Errno.EOPNOTSUPP : Errno.ENOTSOCK);
    }

    long send(Process p, Call c) {
        return err(Errno.EINVAL);
    }

    long recv(Process p, Call c) {
        return err(Errno.EINVAL);
    }

    int shutdown(int how) {
        return (int) err(isSocket() ? Errno.EOPNOTSUPP : Errno.ENOTSOCK);
    }

    int setsockopt(int level, int name, long value) {
        return (int) err(isSocket() ? Errno.ENOPROTOOPT : Errno.ENOTSOCK);
    }

    long getsockopt(int level, int name) {
        if (level == Sys.SOL_SOCKET && name == Sys.SO_TYPE && isSocket()) {
            return socketType();
        }
        return err(isSocket() ? Errno.ENOPROTOOPT : Errno.ENOTSOCK);
    }

    SockAddr localAddress() {
        return null;
    }

    SockAddr peerAddress() {
        return null;
    }

    /**
     * Bytes a send could queue now without waiting: the copy cost of a send is charged before it
     * takes effect, for this many bytes (the rest, if the call waits, when they are queued).
     */
    long sendSpace() {
        return 0;
    }

    /** Whether a blocking close must wait before it returns (SO_LINGER with a timeout, data unacknowledged). */
    boolean lingers() {
        return false;
    }

    /** How long a lingering close may wait. */
    long lingerPs() {
        return 0;
    }

    /** A lingering close starts: begin the orderly shutdown while the descriptor still exists. */
    void startClosing() {
    }

    /** The file whose wait queue a call that blocks sleeps on: its own, unless the wait is for another's room. */
    OpenFile waitTarget(Call c) {
        return this;
    }

    /** The last reference is gone: leave every epoll set, then free what the file holds. */
    final void dropped() {
        Waiter w = waiters.first();
        while (w != null) {
            Waiter next = w.next;
            if (w instanceof EpollFile.Item item) {
                item.owner().forget(item);
            }
            w = next;
        }
        release();
    }

    /** Frees what the file holds (its connection, its name); called once, by {@link #dropped}. */
    void release() {
    }

    // ---------------------------------------------------------------- shared socket options

    /** SO_RCVTIMEO, SO_SNDTIMEO (picoseconds): handled alike by every socket. */
    final boolean setTimeout(int level, int name, long value) {
        if (level != Sys.SOL_SOCKET || (name != Sys.SO_RCVTIMEO && name != Sys.SO_SNDTIMEO)) {
            return false;
        }
        if (name == Sys.SO_RCVTIMEO) {
            rcvTimeoutPs = Math.max(0, value);
        } else {
            sndTimeoutPs = Math.max(0, value);
        }
        return true;
    }

    final long timeout(int name) {
        return name == Sys.SO_RCVTIMEO ? rcvTimeoutPs : sndTimeoutPs;
    }
}
