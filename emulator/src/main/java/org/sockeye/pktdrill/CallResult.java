package org.sockeye.pktdrill;

import org.sockeye.protocols.Errno;

/**
 * What a system call did: its return value and errno, or that it would block. {@code mismatch}
 * reports an output argument that differs from the script's (poll revents, getsockopt value).
 */
record CallResult(boolean blocked, long value, Errno errno, String mismatch) {
    static final CallResult BLOCKED = new CallResult(true, 0, null, null);

    static CallResult ok(long value) {
        return new CallResult(false, value, null, null);
    }

    static CallResult error(Errno e) {
        return new CallResult(false, -1, e, null);
    }

    CallResult withMismatch(String m) {
        return new CallResult(blocked, value, errno, m);
    }

    String describe() {
        return errno == null ? Long.toString(value) : "-1 " + errno.name();
    }
}
