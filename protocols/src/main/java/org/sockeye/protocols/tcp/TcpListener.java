package org.sockeye.protocols.tcp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening socket (RFC 9293 LISTEN state) with Linux's two queues: the SYN queue of half-open
 * connections and the accept queue of established ones not yet accepted.
 *
 * <p>Linux semantics modelled: a SYN is dropped (no reply) when the SYN queue holds
 * {@code backlog} entries or the accept queue holds more than {@code backlog}
 * ({@code sk_acceptq_is_full} tests {@code >}, so backlog + 1 connections can wait); a final ACK
 * arriving while the accept queue is full is dropped, so the SYN-ACK is retransmitted later
 * (tcp_abort_on_overflow = 0). No SYN cookies.
 *
 * <p>Fast Open (RFC 7413 §4.2): a SYN with a valid cookie has its data delivered at once and its
 * connection goes straight to the accept queue (as Linux does); a SYN with a cookie request or an
 * invalid cookie gets a fresh cookie in the SYN-ACK and its data is not acknowledged.
 */
public final class TcpListener {
    private final TcpConfig cfg;
    private final int localAddr;
    private final int localPort;
    private final int backlog;
    private final List<TcpConnection> synQueue = new ArrayList<>();
    private final ArrayDeque<TcpConnection> acceptQueue = new ArrayDeque<>();
    private long droppedSyns;
    private long droppedAcks;

    public TcpListener(TcpConfig cfg, int localAddr, int localPort, int backlog) {
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog must be >= 0: " + backlog);
        }
        this.cfg = cfg;
        this.localAddr = localAddr;
        this.localPort = localPort;
        this.backlog = backlog;
    }

    /**
     * Handles a segment for this port that matches no existing connection. A SYN creates a
     * connection in SYN_RECEIVED (the SYN-ACK goes out through {@code out}, which becomes that
     * connection's output) and returns it, so the caller can route later segments of its four-tuple
     * to it. Returns null otherwise (a RST may have been sent, RFC 9293 §3.10.7.2).
     *
     * @param id the four-tuple from this side: local = this listener, remote = the SYN's source
     */
    public TcpConnection onSegment(long now, ConnectionId id, TcpSegment seg, TcpOutput out) {
        return onSegment(now, id, seg, out, cfg);
    }

    /**
     * As {@link #onSegment(long, ConnectionId, TcpSegment, TcpOutput)}, the new connection taking
     * {@code childCfg} (the listener's settings with, say, the MSS of the interface the SYN came in on:
     * Linux derives the advertised MSS from the route's MTU).
     */
    public TcpConnection onSegment(long now, ConnectionId id, TcpSegment seg, TcpOutput out, TcpConfig childCfg) {
        if (seg.has(TcpSegment.RST)) {
            return null;
        }
        if (seg.has(TcpSegment.ACK)) {
            out.send(TcpResets.replyTo(seg));
            return null;
        }
        if (!seg.has(TcpSegment.SYN)) {
            return null;
        }
        if (synQueue.size() >= backlog || acceptQueue.size() > backlog) {
            droppedSyns++; // Linux: listen queue overflow drops the SYN silently
            return null;
        }
        boolean dataAccepted = false;
        byte[] cookieToIssue = null;
        if (childCfg.fastOpen() && seg.fastOpenCookie != null) {
            if (FastOpenCookies.isValid(cfg.fastOpenKey(), id.remoteAddr(), seg.fastOpenCookie)) {
                dataAccepted = true;
            } else {
                cookieToIssue = FastOpenCookies.forClient(cfg.fastOpenKey(), id.remoteAddr());
            }
        }
        int iss = IsnGenerator.isn(id, now, cfg.fastOpenKey());
        TcpConnection c = TcpConnection.accepted(childCfg, id, iss, now, seg, this, dataAccepted, cookieToIssue, out);
        if (dataAccepted) {
            acceptQueue.add(c);
        } else {
            synQueue.add(c);
        }
        return c;
    }

    /** The oldest connection waiting in the accept queue, or null. */
    public TcpConnection accept() {
        return acceptQueue.poll();
    }

    public int acceptQueueLength() {
        return acceptQueue.size();
    }

    public int synQueueLength() {
        return synQueue.size();
    }

    /** SYNs dropped because a queue was full (Linux ListenOverflows/ListenDrops). */
    public long droppedSyns() {
        return droppedSyns;
    }

    /** Handshake-completing ACKs dropped because the accept queue was full (the SYN-ACK is sent again later). */
    public long droppedAcks() {
        return droppedAcks;
    }

    /** Everything this listener dropped for want of queue space: Linux's TcpExtListenDrops. */
    public long drops() {
        return droppedSyns + droppedAcks;
    }

    public int localAddr() {
        return localAddr;
    }

    public int localPort() {
        return localPort;
    }

    public int backlog() {
        return backlog;
    }

    /** The settings connections accepted here start from. */
    public TcpConfig config() {
        return cfg;
    }

    /** Called by a child completing its handshake; false means "accept queue full, drop the ACK". */
    boolean childEstablished(TcpConnection child) {
        if (acceptQueue.contains(child)) {
            return true; // a Fast Open child is queued from its SYN on
        }
        if (acceptQueue.size() > backlog) {
            droppedAcks++;
            return false;
        }
        synQueue.remove(child);
        acceptQueue.add(child);
        return true;
    }

    /** Called by a child reaching CLOSED before it was accepted. */
    void childClosed(TcpConnection child) {
        synQueue.remove(child);
    }
}
