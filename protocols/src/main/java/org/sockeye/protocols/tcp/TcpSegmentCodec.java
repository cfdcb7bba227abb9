package org.sockeye.protocols.tcp;

import org.sockeye.protocols.wire.InternetChecksum;

import java.util.Arrays;

/**
 * Wire format of {@link TcpSegment}s (RFC 9293 §3.1): encodes a segment to real header and payload
 * bytes with its checksum, and decodes bytes back. Used for pcap output and tests, never on the
 * simulation hot path. Virtual payloads are written as zero bytes.
 */
public final class TcpSegmentCodec {
    static final int KIND_EOL = 0;
    static final int KIND_NOP = 1;
    static final int KIND_MSS = 2;
    static final int KIND_WSCALE = 3;
    static final int KIND_SACK_PERM = 4;
    static final int KIND_SACK = 5;
    static final int KIND_TIMESTAMP = 8;
    /** RFC 7413 §4.1.1 assigned option kind. */
    static final int KIND_FAST_OPEN = 34;
    private static final int PROTO_TCP = 6;

    private TcpSegmentCodec() {
    }

    /** Bytes {@link #encode} writes: header, options and payload. */
    public static int encodedLength(TcpSegment s) {
        return s.headerLength() + s.payloadLength;
    }

    /**
     * Writes the segment at {@code off} and returns the number of bytes written. The checksum covers
     * the IPv4 pseudo-header built from {@code srcAddr} and {@code dstAddr} (RFC 9293 §3.1).
     */
    public static int encode(TcpSegment s, int srcAddr, int dstAddr, byte[] buf, int off) {
        int hl = s.headerLength();
        int total = hl + s.payloadLength;
        if (buf.length - off < total) {
            throw new IllegalArgumentException("buffer too small: need " + total + " bytes");
        }
        Arrays.fill(buf, off, off + total, (byte) 0);
        put16(buf, off, s.srcPort);
        put16(buf, off + 2, s.dstPort);
        put32(buf, off + 4, s.seq);
        put32(buf, off + 8, s.ack);
        buf[off + 12] = (byte) ((hl / 4) << 4);
        buf[off + 13] = (byte) s.flags;
        put16(buf, off + 14, s.window);
        int p = writeOptions(s, buf, off + TcpSegment.BASE_HEADER);
        assert p == off + hl;
        if (s.payload != null) {
            System.arraycopy(s.payload, 0, buf, off + hl, s.payloadLength);
        }
        put16(buf, off + 16, checksum(srcAddr, dstAddr, buf, off, total));
        return total;
    }

    /** Linux {@code tcp_options_write} order and padding. */
    private static int writeOptions(TcpSegment s, byte[] b, int p) {
        if (s.mss != 0) {
            b[p++] = KIND_MSS;
            b[p++] = 4;
            put16(b, p, s.mss);
            p += 2;
        }
        boolean sackPermDone = false;
        if (s.hasTimestamps) {
            if (s.sackPermitted) {
                b[p++] = KIND_SACK_PERM;
                b[p++] = 2;
                sackPermDone = true;
            } else {
                b[p++] = KIND_NOP;
                b[p++] = KIND_NOP;
            }
            b[p++] = KIND_TIMESTAMP;
            b[p++] = 10;
            put32(b, p, s.tsVal);
            put32(b, p + 4, s.tsEcr);
            p += 8;
        }
        if (s.sackPermitted && !sackPermDone) {
            b[p++] = KIND_NOP;
            b[p++] = KIND_NOP;
            b[p++] = KIND_SACK_PERM;
            b[p++] = 2;
        }
        if (s.windowScale >= 0) {
            b[p++] = KIND_NOP;
            b[p++] = KIND_WSCALE;
            b[p++] = 3;
            b[p++] = (byte) s.windowScale;
        }
        if (s.sackCount > 0) {
            b[p++] = KIND_NOP;
            b[p++] = KIND_NOP;
            b[p++] = KIND_SACK;
            b[p++] = (byte) (2 + 8 * s.sackCount);
            for (int i = 0; i < 2 * s.sackCount; i++) {
                put32(b, p, s.sackBlocks[i]);
                p += 4;
            }
        }
        if (s.fastOpenCookie != null) {
            int start = p;
            b[p++] = KIND_FAST_OPEN;
            b[p++] = (byte) (2 + s.fastOpenCookie.length);
            System.arraycopy(s.fastOpenCookie, 0, b, p, s.fastOpenCookie.length);
            p += s.fastOpenCookie.length;
            while (((p - start) & 3) != 0) {
                b[p++] = KIND_NOP;
            }
        }
        return p;
    }

    /**
     * Parses a segment of {@code len} bytes at {@code off}. Payload bytes are copied out.
     *
     * @throws IllegalArgumentException if the header or an option is malformed
     */
    public static TcpSegment decode(byte[] b, int off, int len) {
        if (len < TcpSegment.BASE_HEADER) {
            throw new IllegalArgumentException("TCP segment shorter than 20 bytes");
        }
        int hl = ((b[off + 12] & 0xff) >>> 4) * 4;
        if (hl < TcpSegment.BASE_HEADER || hl > len) {
            throw new IllegalArgumentException("bad TCP data offset " + hl);
        }
        TcpSegment s = new TcpSegment();
        s.srcPort = get16(b, off);
        s.dstPort = get16(b, off + 2);
        s.seq = get32(b, off + 4);
        s.ack = get32(b, off + 8);
        s.flags = b[off + 13] & 0xff;
        s.window = get16(b, off + 14);
        readOptions(s, b, off + TcpSegment.BASE_HEADER, off + hl);
        s.payloadLength = len - hl;
        if (s.payloadLength > 0) {
            s.payload = Arrays.copyOfRange(b, off + hl, off + len);
        }
        return s;
    }

    private static void readOptions(TcpSegment s, byte[] b, int p, int end) {
        while (p < end) {
            int kind = b[p] & 0xff;
            if (kind == KIND_EOL) {
                return;
            }
            if (kind == KIND_NOP) {
                p++;
                continue;
            }
            if (p + 1 >= end) {
                throw new IllegalArgumentException("truncated TCP option " + kind);
            }
            int olen = b[p + 1] & 0xff;
            if (olen < 2 || p + olen > end) {
                throw new IllegalArgumentException("bad length " + olen + " for TCP option " + kind);
            }
            switch (kind) {
                case KIND_MSS -> s.mss = get16(b, p + 2);
                case KIND_WSCALE -> s.windowScale = b[p + 2] & 0xff;
                case KIND_SACK_PERM -> s.sackPermitted = true;
                case KIND_TIMESTAMP -> {
                    s.hasTimestamps = true;
                    s.tsVal = get32(b, p + 2);
                    s.tsEcr = get32(b, p + 6);
                }
                case KIND_SACK -> {
                    for (int q = p + 2; q + 8 <= p + olen && s.sackCount < TcpSegment.MAX_SACK_BLOCKS; q += 8) {
                        s.addSackBlock(get32(b, q), get32(b, q + 4));
                    }
                }
                case KIND_FAST_OPEN -> s.fastOpenCookie = Arrays.copyOfRange(b, p + 2, p + olen);
                default -> {
                    // RFC 9293 §3.1: unknown options are skipped by their length.
                }
            }
            p += olen;
        }
    }

    /**
     * Internet checksum (RFC 1071) over the IPv4 pseudo-header and {@code len} bytes of segment.
     * Returns the value to store; over a correctly checksummed segment it returns 0.
     */
    public static int checksum(int srcAddr, int dstAddr, byte[] b, int off, int len) {
        long pseudo = InternetChecksum.pseudoHeader(srcAddr, dstAddr, PROTO_TCP, len);
        return InternetChecksum.finish(InternetChecksum.add(pseudo, b, off, len));
    }

    private static void put16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }

    private static void put32(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }

    private static int get16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static int get32(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }
}
