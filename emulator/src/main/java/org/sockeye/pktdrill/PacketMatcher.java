package org.sockeye.pktdrill;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sockeye.protocols.tcp.TcpSegment;

/**
 * Compares a packet the host sent with a {@code >} line: every field the line gives (flags,
 * relative sequence range, ack, window, the option list with its NOPs), nothing it leaves out.
 * The TS val of an outbound timestamp is not compared (packetdrill's default without a TS tick rate);
 * its ecr is, since the remote clock is the script's.
 */
final class PacketMatcher {
    private PacketMatcher() {
    }

    /** The differences, each "field: expected X, actual Y"; empty when the packet matches. */
    static List<String> differences(PacketSpec want, SentPacket got) {
        List<String> diffs = new ArrayList<>();
        if (want.udp() != got.isUdp()) {
            diffs.add("protocol: expected " + (want.udp() ? "UDP" : "TCP") + ", actual " + (got.isUdp() ? "UDP" : "TCP"));
            return diffs;
        }
        if (want.udp()) {
            check(diffs, "udp length", (long) want.length(), (long) got.udpLength());
            return diffs;
        }
        TcpSegment s = got.tcp();
        if (want.flags() != s.flags) {
            diffs.add("flags: expected " + PacketFormat.flags(want.flags()) + ", actual " + PacketFormat.flags(s.flags));
        }
        long start = Integer.toUnsignedLong(s.seq - got.localIss());
        check(diffs, "start sequence", want.seqStart(), start);
        check(diffs, "length", want.length() == null ? null : (long) want.length(), (long) s.payloadLength);
        if (want.ack() != null && s.has(TcpSegment.ACK)) {
            check(diffs, "ack", want.ack(), Integer.toUnsignedLong(s.ack));
        }
        check(diffs, "win", want.window() == null ? null : (long) want.window(), (long) s.window);
        if (want.options() != null) {
            List<OptionSpec> actual = PacketFormat.options(s);
            if (!sameOptions(want.options(), actual)) {
                diffs.add("options: expected <" + join(want.options()) + ">, actual <" + join(actual) + ">");
            }
        }
        return diffs;
    }

    private static void check(List<String> diffs, String field, Long want, Long got) {
        if (want != null && !want.equals(got)) {
            diffs.add(field + ": expected " + want + ", actual " + got);
        }
    }

    private static boolean sameOptions(List<OptionSpec> want, List<OptionSpec> got) {
        if (want.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            OptionSpec w = want.get(i);
            OptionSpec g = got.get(i);
            if (w.kind() != g.kind()) {
                return false;
            }
            boolean same = switch (w.kind()) {
                case TIMESTAMP -> w.values()[1] == g.values()[1]; // ecr only: TS val is the host's clock
                case FAST_OPEN -> Arrays.equals(w.cookie(), g.cookie());
                default -> Arrays.equals(w.values(), g.values());
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    static String join(List<OptionSpec> opts) {
        StringBuilder sb = new StringBuilder();
        for (OptionSpec o : opts) {
            sb.append(sb.length() == 0 ? "" : ",").append(o);
        }
        return sb.toString();
    }
}
