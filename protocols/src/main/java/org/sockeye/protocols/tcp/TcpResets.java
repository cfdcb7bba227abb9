package org.sockeye.protocols.tcp;

/** Reset segments sent in reply to segments that belong to no connection (RFC 9293 §3.10.7.1). */
public final class TcpResets {
    private TcpResets() {
    }

    /**
     * The RST answering {@code seg}: with ACK set, {@code <SEQ=SEG.ACK><CTL=RST>}; otherwise
     * {@code <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>}. Returns null for an incoming RST, which
     * is never answered.
     */
    public static TcpSegment replyTo(TcpSegment seg) {
        if (seg.has(TcpSegment.RST)) {
            return null;
        }
        TcpSegment r = new TcpSegment();
        r.srcPort = seg.dstPort;
        r.dstPort = seg.srcPort;
        if (seg.has(TcpSegment.ACK)) {
            r.seq = seg.ack;
            r.flags = TcpSegment.RST;
        } else {
            r.ack = seg.seq + seg.sequenceLength();
            r.flags = TcpSegment.RST | TcpSegment.ACK;
        }
        return r;
    }
}
