package org.sockeye.pktdrill;

import java.util.List;

/**
 * A packet line's packet. TCP: flags ({@link org.sockeye.protocols.tcp.TcpSegment} bits),
 * {@code start:end(len)} in script-relative sequence numbers, optional ack and window, and the
 * option list (null when the line gives none, so an outbound check leaves options alone). UDP:
 * {@code udp (len)}. A null field was written {@code ...} or left out: not checked.
 */
public record PacketSpec(boolean udp, int flags, Long seqStart, Long seqEnd, Integer length, Long ack, Integer window,
        List<OptionSpec> options) {

    public static PacketSpec udp(int length) {
        return new PacketSpec(true, 0, null, null, length, null, null, null);
    }
}
