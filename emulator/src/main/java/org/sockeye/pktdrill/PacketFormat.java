package org.sockeye.pktdrill;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sockeye.protocols.tcp.TcpSegment;
import org.sockeye.protocols.tcp.TcpSegmentCodec;

/**
 * Renders packets the host sent in script notation, with the option list read back from the
 * segment's wire encoding (so NOP padding and order are exactly what {@link TcpSegmentCodec} lays
 * out, Linux's layout).
 */
final class PacketFormat {
    private static final int KIND_EOL = 0;
    private static final int KIND_NOP = 1;

    private PacketFormat() {
    }

    /** E.g. {@code > P. 1:1001(1000) ack 1 win 1024 <nop,nop,TS val 5 ecr 100>}. */
    static String format(SentPacket p) {
        if (p.isUdp()) {
            return "> udp (" + p.udpLength() + ")";
        }
        TcpSegment s = p.tcp();
        long start = Integer.toUnsignedLong(s.seq - p.localIss());
        StringBuilder sb = new StringBuilder("> ").append(flags(s.flags)).append(' ').append(start).append(':')
                .append(start + s.payloadLength).append('(').append(s.payloadLength).append(')');
        if (s.has(TcpSegment.ACK)) {
            sb.append(" ack ").append(Integer.toUnsignedLong(s.ack));
        }
        sb.append(" win ").append(s.window);
        List<OptionSpec> opts = options(s);
        if (!opts.isEmpty()) {
            sb.append(" <");
            for (int i = 0; i < opts.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(opts.get(i));
            }
            sb.append('>');
        }
        return sb.toString();
    }

    static String flags(int f) {
        StringBuilder sb = new StringBuilder();
        appendIf(sb, f, TcpSegment.SYN, 'S');
        appendIf(sb, f, TcpSegment.FIN, 'F');
        appendIf(sb, f, TcpSegment.RST, 'R');
        appendIf(sb, f, TcpSegment.PSH, 'P');
        appendIf(sb, f, TcpSegment.URG, 'U');
        appendIf(sb, f, TcpSegment.ECE, 'E');
        appendIf(sb, f, TcpSegment.CWR, 'W');
        appendIf(sb, f, TcpSegment.ACK, '.');
        return sb.toString();
    }

    private static void appendIf(StringBuilder sb, int flags, int bit, char c) {
        if ((flags & bit) != 0) {
            sb.append(c);
        }
    }

    /** The options as they appear on the wire, in order, NOPs included. */
    static List<OptionSpec> options(TcpSegment s) {
        byte[] b = new byte[TcpSegmentCodec.encodedLength(s)];
        TcpSegmentCodec.encode(s, 0, 0, b, 0);
        List<OptionSpec> out = new ArrayList<>();
        int p = TcpSegment.BASE_HEADER;
        int end = s.headerLength();
        while (p < end) {
            int kind = b[p] & 0xff;
            if (kind == KIND_NOP) {
                out.add(OptionSpec.of(OptionSpec.Kind.NOP));
                p++;
                continue;
            }
            if (kind == KIND_EOL) {
                out.add(OptionSpec.of(OptionSpec.Kind.EOL));
                break;
            }
            int len = b[p + 1] & 0xff;
            out.add(switch (kind) {
                case 2 -> OptionSpec.of(OptionSpec.Kind.MSS, u16(b, p + 2));
                case 3 -> OptionSpec.of(OptionSpec.Kind.WSCALE, b[p + 2] & 0xff);
                case 4 -> OptionSpec.of(OptionSpec.Kind.SACK_OK);
                case 5 -> {
                    long[] edges = new long[(len - 2) / 4];
                    for (int i = 0; i < edges.length; i++) {
                        edges[i] = u32(b, p + 2 + 4 * i);
                    }
                    yield OptionSpec.of(OptionSpec.Kind.SACK, edges);
                }
                case 8 -> OptionSpec.of(OptionSpec.Kind.TIMESTAMP, u32(b, p + 2), u32(b, p + 6));
                case 34 -> new OptionSpec(OptionSpec.Kind.FAST_OPEN, new long[0],
                        java.util.Arrays.copyOfRange(b, p + 2, p + len));
                default -> throw new IllegalStateException("option kind " + kind + " unknown to the runner");
            });
            p += len;
        }
        return out;
    }

    private static long u16(byte[] b, int p) {
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }

    private static long u32(byte[] b, int p) {
        return (u16(b, p) << 16 | u16(b, p + 2)) & 0xffffffffL;
    }

    static String hex(byte[] cookie) {
        return HexFormat.of().formatHex(cookie);
    }
}
