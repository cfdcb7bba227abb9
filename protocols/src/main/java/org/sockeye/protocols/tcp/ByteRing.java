package org.sockeye.protocols.tcp;

/**
 * A fixed-capacity FIFO of bytes used for send and receive buffers. It starts in virtual mode,
 * counting bytes without storing them; the first real bytes written allocate the storage (earlier
 * virtual bytes then read back as zeros). Bytes may also be written ahead of the tail
 * ({@link #writeAt}) and committed later ({@link #commit}), which is how out-of-order data waits.
 */
final class ByteRing {
    private final int capacity;
    private byte[] data;
    private int head;
    private int size;

    ByteRing(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("buffer capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    int size() {
        return size;
    }

    int free() {
        return capacity - size;
    }

    boolean storesBytes() {
        return data != null;
    }

    /** Appends {@code len} bytes ({@code src} null means virtual). Caller ensures they fit. */
    void append(byte[] src, int srcOff, int len) {
        writeAt(size, src, srcOff, len);
        size += len;
    }

    /** Writes bytes at {@code offset} from the head without making them readable. */
    void writeAt(int offset, byte[] src, int srcOff, int len) {
        if (offset < 0 || offset + len > capacity) {
            throw new IllegalArgumentException("write outside buffer: " + offset + "+" + len);
        }
        if (src == null) {
            if (data != null) {
                fill(offset, len);
            }
            return;
        }
        if (data == null) {
            data = new byte[capacity];
        }
        int pos = (head + offset) % capacity;
        int first = Math.min(len, capacity - pos);
        System.arraycopy(src, srcOff, data, pos, first);
        System.arraycopy(src, srcOff + first, data, 0, len - first);
    }

    private void fill(int offset, int len) {
        for (int i = 0; i < len; i++) {
            data[(head + offset + i) % capacity] = 0;
        }
    }

    /** Makes {@code len} bytes already written past the tail readable. */
    void commit(int len) {
        size += len;
    }

    /** Copies {@code len} bytes starting {@code offset} after the head (zeros while virtual). */
    void copyOut(int offset, byte[] dst, int dstOff, int len) {
        if (data == null) {
            java.util.Arrays.fill(dst, dstOff, dstOff + len, (byte) 0);
            return;
        }
        int pos = (head + offset) % capacity;
        int first = Math.min(len, capacity - pos);
        System.arraycopy(data, pos, dst, dstOff, first);
        System.arraycopy(data, 0, dst, dstOff + first, len - first);
    }

    /** Drops {@code len} bytes from the head. */
    void discard(int len) {
        if (len > size) {
            throw new IllegalArgumentException("discarding " + len + " of " + size + " bytes");
        }
        head = (head + len) % capacity;
        size -= len;
    }
}
