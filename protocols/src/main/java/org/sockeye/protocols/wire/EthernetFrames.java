package org.sockeye.protocols.wire;

import org.sockeye.protocols.Packet;
import org.sockeye.protocols.tcp.TcpSegmentCodec;

/**
 * Encodes a simulated packet as the Ethernet II frame a real host would send: Ethernet header,
 * IPv4 header (checksum, DF set), transport header with checksum, and the payload (its real bytes,
 * or zeros when virtual). MAC addresses are derived from IPv4 addresses (locally administered
 * 02:00:a.b.c.d), since the simulation has no ARP.
 *
 * <p>The FCS is not included, as with frames captured by libpcap on Linux.
 */
public final class EthernetFrames {
    public static final int ETHERNET_HEADER = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;

    private EthernetFrames() {
    }

    /** Length of the frame for {@code p} (without FCS). */
    public static int frameLength(Packet p) {
        return ETHERNET_HEADER + p.ipLength();
    }

    /**
     * Writes the frame for {@code p} into {@code buf} (at least {@link #frameLength} long, and
     * zero-filled where a virtual payload goes) and returns its length.
     */
    public static int encode(Packet p, int srcMacAddr, int dstMacAddr, byte[] buf) {
        int len = frameLength(p);
        mac(buf, 0, dstMacAddr);
        mac(buf, 6, srcMacAddr);
        put16(buf, 12, ETHERTYPE_IPV4);
        int ip = ETHERNET_HEADER;
        int l4 = ip + Packet.IPV4_HEADER;
        int payloadOff = l4 + p.transportHeaderLength();
        if (p.payload != null) {
            System.arraycopy(p.payload, 0, buf, payloadOff, p.payloadLength);
        } else {
            java.util.Arrays.fill(buf, payloadOff, payloadOff + p.payloadLength, (byte) 0);
        }
        ipv4(p, buf, ip);
        switch (p.protocol) {
            case Packet.PROTO_UDP -> udp(p, buf, l4);
            case Packet.PROTO_TCP -> TcpSegmentCodec.encode(p.tcp, p.srcAddr, p.dstAddr, buf, l4);
            default -> { }
        }
        return len;
    }

    private static void ipv4(Packet p, byte[] b, int o) {
        b[o] = 0x45; // version 4, IHL 5 words
        b[o + 1] = (byte) (p.ecn & 3);
        put16(b, o + 2, p.ipLength());
        put16(b, o + 4, p.ipId & 0xffff);
        put16(b, o + 6, 0x4000); // DF: no fragmentation anywhere in the simulation
        b[o + 8] = (byte) p.ttl;
        b[o + 9] = (byte) p.protocol;
        put16(b, o + 10, 0);
        put32(b, o + 12, p.srcAddr);
        put32(b, o + 16, p.dstAddr);
        put16(b, o + 10, InternetChecksum.finish(InternetChecksum.add(0, b, o, Packet.IPV4_HEADER)));
    }

    private static void udp(Packet p, byte[] b, int o) {
        int len = Packet.UDP_HEADER + p.payloadLength;
        put16(b, o, p.srcPort);
        put16(b, o + 2, p.dstPort);
        put16(b, o + 4, len);
        put16(b, o + 6, 0);
        long sum = InternetChecksum.pseudoHeader(p.srcAddr, p.dstAddr, Packet.PROTO_UDP, len);
        int c = InternetChecksum.finish(InternetChecksum.add(sum, b, o, len));
        put16(b, o + 6, c == 0 ? 0xffff : c); // RFC 768: a computed zero is sent as all ones
    }

    private static void mac(byte[] b, int o, int ipv4) {
        b[o] = 0x02;
        b[o + 1] = 0x00;
        put32(b, o + 2, ipv4);
    }

    public static void put16(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 8);
        b[o + 1] = (byte) v;
    }

    public static void put32(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 24);
        b[o + 1] = (byte) (v >>> 16);
        b[o + 2] = (byte) (v >>> 8);
        b[o + 3] = (byte) v;
    }
}
