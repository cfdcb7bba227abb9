package org.sockeye.protocols.tcp;

/**
 * A TCP header with its options, and the length of the payload it carries (RFC 9293 §3.1).
 * Owned by the TCP engine; the emulator wraps it in a {@link org.sockeye.protocols.Packet}.
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
    /** Real payload bytes, or null when virtual. */
    public byte[] payload;

    /** Header length in bytes including options, padded to a multiple of four. */
    public int headerLength() {
        return BASE_HEADER;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
