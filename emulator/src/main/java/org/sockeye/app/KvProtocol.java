package org.sockeye.app;

/**
 * The wire format of {@code kv-server} and {@code kv-client}: binary and length-prefixed, like
 * memcached's binary protocol. Every message is an 8-byte header of real bytes (big-endian)
 *
 * <pre>
 *   byte 0     op: GET (1) or SET (2) in a request, OK (0) in a response
 *   byte 1     0
 *   bytes 2-3  key length (the key follows the header in a request)
 *   bytes 4-7  value length: of the value a SET carries after its key, of the value a GET asks
 *              for, of the value a response carries
 * </pre>
 *
 * followed by its body: a request's key (and a SET's value), a GET response's value. Bodies are
 * zeros: their content is not modelled, only their length.
 */
final class KvProtocol {
    static final int HEADER = 8;
    static final int OK = 0;
    static final int GET = 1;
    static final int SET = 2;
    /** The largest value a GET may ask for: values travel as real bytes, held in memory. */
    static final int MAX_VALUE = 1 << 20;

    private KvProtocol() {
    }

    static void header(byte[] into, int at, int op, int keyLength, int valueLength) {
        into[at] = (byte) op;
        into[at + 1] = 0;
        into[at + 2] = (byte) (keyLength >>> 8);
        into[at + 3] = (byte) keyLength;
        into[at + 4] = (byte) (valueLength >>> 24);
        into[at + 5] = (byte) (valueLength >>> 16);
        into[at + 6] = (byte) (valueLength >>> 8);
        into[at + 7] = (byte) valueLength;
    }

    static int op(byte[] header) {
        return header[0] & 0xff;
    }

    static int keyLength(byte[] header) {
        return (header[2] & 0xff) << 8 | (header[3] & 0xff);
    }

    static long valueLength(byte[] header) {
        return (header[4] & 0xffL) << 24 | (header[5] & 0xff) << 16 | (header[6] & 0xff) << 8 | (header[7] & 0xff);
    }

    /** Receives the messages a {@link Reader} finds in a stream. */
    interface Sink {
        /** The body length the complete {@code header} announces, or -1 if the header is malformed. */
        long bodyLength(byte[] header);

        /** A whole message (its body read and skipped); false if it is not acceptable. */
        boolean message(byte[] header);
    }

    /**
     * Splits a byte stream into messages whatever the read boundaries: a header may arrive in
     * pieces, a body over many reads, several messages in one read.
     */
    static final class Reader {
        private final byte[] header = new byte[HEADER];
        private int have;
        private long bodyLeft;

        /** Consumes {@code n} bytes of {@code buf}; false as soon as the sink refuses (the stream is broken). */
        boolean feed(byte[] buf, int n, Sink sink) {
            int i = 0;
            while (i < n) {
                if (have < HEADER) {
                    int k = Math.min(HEADER - have, n - i);
                    System.arraycopy(buf, i, header, have, k);
                    have += k;
                    i += k;
                    if (have < HEADER) {
                        return true;
                    }
                    bodyLeft = sink.bodyLength(header);
                    if (bodyLeft < 0) {
                        return false;
                    }
                }
                long k = Math.min(bodyLeft, n - i);
                i += (int) k;
                bodyLeft -= k;
                if (bodyLeft == 0) {
                    have = 0;
                    if (!sink.message(header)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
