package org.sockeye.os;

import java.util.Arrays;

/**
 * An fd_set: a bitmap of descriptors 0..{@link Sys#FD_SETSIZE}-1. Setting a larger descriptor
 * fails, as glibc's FD_SET does (its fortified build aborts the program): select cannot watch
 * descriptors of 1024 or more.
 */
public final class FdSet {
    private final long[] bits = new long[Sys.FD_SETSIZE / 64];

    /** FD_SET; returns false (and sets nothing) for a descriptor outside the set's range. */
    public boolean set(int fd) {
        if (fd < 0 || fd >= Sys.FD_SETSIZE) {
            return false;
        }
        bits[fd >>> 6] |= 1L << fd;
        return true;
    }

    public void clear(int fd) {
        if (fd >= 0 && fd < Sys.FD_SETSIZE) {
            bits[fd >>> 6] &= ~(1L << fd);
        }
    }

    public boolean isSet(int fd) {
        return fd >= 0 && fd < Sys.FD_SETSIZE && (bits[fd >>> 6] & 1L << fd) != 0;
    }

    /** FD_ZERO. */
    public void zero() {
        Arrays.fill(bits, 0);
    }

    void copyFrom(FdSet other) {
        System.arraycopy(other.bits, 0, bits, 0, bits.length);
    }
}
