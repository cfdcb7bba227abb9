package org.sockeye.net;

import org.sockeye.protocols.Errno;

/** A socket call that failed with an errno, as a simulated system call would return -1. */
public final class SocketException extends RuntimeException {
    private final Errno errno;

    public SocketException(Errno errno, String detail) {
        super(errno + ": " + detail);
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }
}
