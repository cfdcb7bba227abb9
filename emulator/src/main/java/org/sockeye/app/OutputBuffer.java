package org.sockeye.app;

import java.util.Arrays;

/**
 * Bytes an application has produced for a stream socket and not yet handed to send(2): real
 * bytes (a protocol's headers, with zeros for the bodies they announce) or, for a protocol that
 * needs no content, a count of virtual bytes. A partial send removes what was taken from the
 * front; the array is kept and reused, so steady state allocates nothing.
 */
final class OutputBuffer {
    /** Null for virtual bytes. */
    private byte[] data;
    private int length;

    private OutputBuffer(byte[] data) {
        this.data = data;
    }

    /** A buffer of real bytes. */
    static OutputBuffer real() {
        return new OutputBuffer(new byte[256]);
    }

    /** A buffer of virtual bytes: only their number. */
    static OutputBuffer virtual() {
        return new OutputBuffer(null);
    }

    /** What send(2) takes: the bytes from offset 0, or null for virtual ones. */
    byte[] data() {
        return data;
    }

    int length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    /**
     * Appends {@code n} bytes and returns the offset where they start; real bytes are zeros until
     * the caller writes them into {@link #data()} (after this call: the array may have grown).
     */
    int append(int n) {
        int at = length;
        if (data != null) {
            if (at + n > data.length) {
                data = Arrays.copyOf(data, Math.max(at + n, data.length * 2));
            }
            Arrays.fill(data, at, at + n, (byte) 0);
        }
        length += n;
        return at;
    }

    /** send(2) took the first {@code n} bytes. */
    void sent(int n) {
        if (data != null && n < length) {
            System.arraycopy(data, n, data, 0, length - n);
        }
        length -= n;
    }
}
