package org.sockeye.os;

/**
 * The continuation of a system call that may take simulated time: called once, when the call
 * completes, with its return value — a count or descriptor (&gt;= 0), or a negated errno
 * ({@code -Errno.EAGAIN.code}), exactly what the C call returns with {@code -errno} for -1.
 */
@FunctionalInterface
public interface Resume {
    void resume(long result);
}
