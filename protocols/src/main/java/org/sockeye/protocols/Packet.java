package org.sockeye.protocols;

import org.sockeye.protocols.tcp.TcpSegment;

/**
 * One IPv4 datagram as it crosses the simulated network: the IPv4 header fields that matter to
 * forwarding, the transport header ({@link TcpSegment} for TCP; ports for UDP) and the payload.
 *
 * <p>Payload bytes are virtual by default (only {@link #payloadLength} counts); a protocol that
 * needs real bytes (tests comparing byte streams, pcap output) carries them in {@code payload}.
 * Application metadata a real sender would write into its payload (a datagram's sequence number and
 * send timestamp, as iperf does) rides in {@link #appSeq} and {@link #appTimestamp}.
 *
 * <p>Fields are public and mutable: packets are built and consumed on the hot path and this keeps
 * them free of accessors and copies.
 */
public final class Packet {
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;

    public static final int IPV4_HEADER = 20;
    public static final int UDP_HEADER = 8;

    /** Run-unique identifier, for tracing and captures. */
    public long id;
    public int srcAddr;
    public int dstAddr;
    public int protocol;
    public int ttl = 64;
    /** IPv4 identification field. */
    public int ipId;
    /** Low two bits of the IPv4 traffic-class byte (RFC 3168 ECN codepoint). */
    public int ecn;

    public int srcPort;
    public int dstPort;

    /** TCP header and options; null for other protocols. */
    public TcpSegment tcp;

    /** Transport payload length in bytes (for TCP this equals {@code tcp.payloadLength}). */
    public int payloadLength;
    /** Real payload bytes, or null when the payload is virtual. */
    public byte[] payload;

    /** Sender-written sequence number (UDP applications). */
    public long appSeq;
    /** Sender-written send time in picoseconds (UDP applications), for one-way delay. */
    public long appTimestamp;

    /** Transport header length in bytes, options included. */
    public int transportHeaderLength() {
        return switch (protocol) {
            case PROTO_TCP -> tcp.headerLength();
            case PROTO_UDP -> UDP_HEADER;
            default -> 0;
        };
    }

    /** Length of the IPv4 datagram: IP header + transport header + payload. */
    public int ipLength() {
        return IPV4_HEADER + transportHeaderLength() + payloadLength;
    }

    @Override
    public String toString() {
        return "Packet#" + id + " " + Ipv4.format(srcAddr) + ":" + srcPort + " > " + Ipv4.format(dstAddr)
                + ":" + dstPort + " proto=" + protocol + " len=" + payloadLength
                + (tcp != null ? " " + tcp : "");
    }
}
