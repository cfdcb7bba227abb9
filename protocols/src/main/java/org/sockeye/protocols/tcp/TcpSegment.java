package org.sockeye.protocols.tcp;

/**
 * A TCP header with its options, and the length of the payload it carries (RFC 9293 §3.1).
 * Owned by the TCP engine; the emulator wraps it in a {@link org.sockeye.protocols.Packet}.
 *
 * <p>Options are held as decoded fields; {@link #headerLength()} and {@link TcpSegmentCodec} lay
 * them out on the wire exactly as Linux's {@code tcp_options_write} does (MSS, SACK-permitted and
 * timestamps sharing one word, NOP-padded window scale, SACK blocks, Fast Open cookie).
 */
public final class TcpSegment {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    public static final int BASE_HEADER = 20;
    /** Options space in a TCP header: data offset is 4 bits of 32-bit words (RFC 9293 §3.1). */
    public static final int MAX_OPTIONS = 40;
    /** Most SACK blocks that fit next to the timestamp option (RFC 2018 §3). */
    public static final int MAX_SACK_BLOCKS = 4;

    public int srcPort;
    public int dstPort;
    /** Sequence number, 32-bit unsigned held in an int. */
    public int seq;
    public int ack;
    public int flags;
    /** Window field as sent (already scaled down). */
    public int window;
    /** Payload length in bytes. */
    public int payloadLength;
    /** Real payload bytes (exactly {@link #payloadLength} long), or null when virtual. */
    public byte[] payload;

    /** MSS option value (RFC 9293 §3.7.1), 0 when absent. */
    public int mss;
    /** Window scale shift (RFC 7323 §2), -1 when absent. */
    public int windowScale = -1;
    /** SACK-permitted option (RFC 2018 §2). */
    public boolean sackPermitted;
    /** Timestamps option present (RFC 7323 §3). */
    public boolean hasTimestamps;
    public int tsVal;
    public int tsEcr;
    /** Number of SACK blocks in {@link #sackBlocks} (RFC 2018 §3). */
    public int sackCount;
    /** SACK blocks as (left edge, right edge) pairs; null when {@link #sackCount} is 0. */
    public int[] sackBlocks;
    /** Fast Open cookie (RFC 7413 §4.1.1): null when absent, empty for a cookie request. */
    public byte[] fastOpenCookie;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Sequence space the segment occupies: payload plus one each for SYN and FIN (RFC 9293 §3.4). */
    public int sequenceLength() {
        return payloadLength + (flags & SYN) / SYN + (flags & FIN);
    }

    /** Appends a SACK block, allocating the block array on first use. */
    public void addSackBlock(int left, int right) {
        if (sackBlocks == null) {
            sackBlocks = new int[2 * MAX_SACK_BLOCKS];
        }
        sackBlocks[2 * sackCount] = left;
        sackBlocks[2 * sackCount + 1] = right;
        sackCount++;
    }

    /** Header length in bytes including options, padded to a multiple of four. */
    public int headerLength() {
        return BASE_HEADER + optionsLength();
    }

    /** Options length in the Linux layout (every option group is already 4-byte aligned). */
    public int optionsLength() {
        int len = 0;
        if (mss != 0) {
            len += 4;
        }
        if (hasTimestamps) {
            len += 12; // NOP NOP TS, or SACK_PERM TS sharing the leading two bytes
        } else if (sackPermitted) {
            len += 4; // NOP NOP SACK_PERM
        }
        if (windowScale >= 0) {
            len += 4; // NOP WS
        }
        if (sackCount > 0) {
            len += 4 + 8 * sackCount; // NOP NOP SACK
        }
        if (fastOpenCookie != null) {
            len += (2 + fastOpenCookie.length + 3) & ~3; // kind 34, padded with NOPs
        }
        return len;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(srcPort).append(" > ").append(dstPort).append(" [");
        if (has(SYN)) {
            sb.append('S');
        }
        if (has(FIN)) {
            sb.append('F');
        }
        if (has(RST)) {
            sb.append('R');
        }
        if (has(PSH)) {
            sb.append('P');
        }
        if (has(ACK)) {
            sb.append('.');
        }
        sb.append("] seq ").append(Integer.toUnsignedString(seq));
        if (payloadLength > 0) {
            sb.append(':').append(Integer.toUnsignedString(seq + payloadLength));
        }
        if (has(ACK)) {
            sb.append(" ack ").append(Integer.toUnsignedString(ack));
        }
        sb.append(" win ").append(window);
        if (mss != 0) {
            sb.append(" mss ").append(mss);
        }
        if (sackPermitted) {
            sb.append(" sackOK");
        }
        if (hasTimestamps) {
            sb.append(" TS val ").append(Integer.toUnsignedString(tsVal)).append(" ecr ")
                    .append(Integer.toUnsignedString(tsEcr));
        }
        if (windowScale >= 0) {
            sb.append(" wscale ").append(windowScale);
        }
        for (int i = 0; i < sackCount; i++) {
            sb.append(i == 0 ? " sack " : ",").append(Integer.toUnsignedString(sackBlocks[2 * i])).append(':')
                    .append(Integer.toUnsignedString(sackBlocks[2 * i + 1]));
        }
        if (fastOpenCookie != null) {
            sb.append(" tfo cookie");
            for (byte b : fastOpenCookie) {
                sb.append(String.format("%02x", b & 0xff));
            }
        }
        sb.append(" length ").append(payloadLength);
        return sb.toString();
    }
}
