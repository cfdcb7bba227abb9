package org.sockeye.run;

import org.sockeye.net.TcpSocket;
import org.sockeye.protocols.tcp.TcpConnection;
import org.sockeye.protocols.tcp.TcpSegment;
import org.sockeye.reports.TimeSeriesCsvWriter;

/**
 * Event-driven TCP series for one flow's sender, written as they happen rather than sampled:
 * {@code cwnd} and {@code ssthresh} whenever they change (the sawtooth keeps its exact corners),
 * {@code retransmit} for each retransmitted segment (value: relative sequence number), and, for
 * time–sequence graphs, {@code seq-sent} (relative end of each data segment) and {@code ack}
 * (relative ACK number of each arriving ACK).
 */
final class TcpTracer implements TcpSocket.SegmentObserver {
    private final String subject;
    private final TimeSeriesCsvWriter out;
    private final boolean cwnd;
    private final boolean ssthresh;
    private final boolean retransmits;
    private final boolean sequence;
    private TcpConnection connection;
    private int iss;
    private int highestEnd;
    private int lastCwnd = -1;
    private int lastSsthresh = -1;

    TcpTracer(String subject, TimeSeriesCsvWriter out, boolean cwnd, boolean ssthresh, boolean retransmits,
            boolean sequence) {
        this.subject = subject;
        this.out = out;
        this.cwnd = cwnd;
        this.ssthresh = ssthresh;
        this.retransmits = retransmits;
        this.sequence = sequence;
    }

    /** Starts tracing {@code socket}, just after its SYN went out. */
    void attach(TcpSocket socket) {
        this.connection = socket.connection();
        this.iss = connection.iss();
        this.highestEnd = iss + 1;
        socket.observe(this);
        windowChanged(socket.host().scheduler().now());
    }

    @Override
    public void sent(TcpSocket s, TcpSegment seg, long now) {
        if (seg.payloadLength == 0) {
            return;
        }
        int end = seg.seq + seg.payloadLength;
        long t = now;
        if (end - highestEnd <= 0) {
            if (retransmits) {
                out.add(t, "retransmit", subject, relative(seg.seq));
            }
        } else {
            highestEnd = end;
        }
        if (sequence) {
            out.add(t, "seq-sent", subject, relative(end));
        }
    }

    @Override
    public void received(TcpSocket s, TcpSegment seg, long now) {
        if (sequence && seg.has(TcpSegment.ACK)) {
            out.add(now, "ack", subject, relative(seg.ack));
        }
    }

    @Override
    public void processed(TcpSocket s, long now) {
        windowChanged(now);
    }

    /** Records cwnd and ssthresh if they moved. */
    private void windowChanged(long now) {
        if (connection == null || !(cwnd || ssthresh)) {
            return;
        }
        int c = connection.cwnd();
        int st = connection.ssthresh();
        long t = now;
        if (cwnd && c != lastCwnd) {
            out.add(t, "cwnd", subject, c);
        }
        if (ssthresh && st != lastSsthresh) {
            out.add(t, "ssthresh", subject, st);
        }
        lastCwnd = c;
        lastSsthresh = st;
    }

    private double relative(int seq) {
        return (seq - iss - 1) & 0xffffffffL;
    }
}
