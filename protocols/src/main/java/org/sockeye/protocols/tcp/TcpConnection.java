package org.sockeye.protocols.tcp;

import static org.sockeye.protocols.tcp.TcpSegment.ACK;
import static org.sockeye.protocols.tcp.TcpSegment.FIN;
import static org.sockeye.protocols.tcp.TcpSegment.PSH;
import static org.sockeye.protocols.tcp.TcpSegment.RST;
import static org.sockeye.protocols.tcp.TcpSegment.SYN;
import static org.sockeye.protocols.tcp.TcpSeq.geq;
import static org.sockeye.protocols.tcp.TcpSeq.gt;
import static org.sockeye.protocols.tcp.TcpSeq.leq;
import static org.sockeye.protocols.tcp.TcpSeq.lt;

import org.sockeye.protocols.Errno;

/**
 * One TCP connection endpoint as a sans-I/O engine (RFC 9293). Every input — a segment, an
 * application call, a timer expiry — comes with the current time in picoseconds and a
 * {@link TcpOutput} that receives the segments, timer requests and events it causes. The engine
 * never reads a clock or schedules anything itself.
 *
 * <p>Create one with {@link #connect} (active open) or get one from a {@link TcpListener}
 * (passive open). Sequence numbers are ints compared modulo 2^32 ({@link TcpSeq}).
 *
 * <p>Not modelled: urgent data, PAWS (RFC 7323 §5), D-SACK, ECN, receive-buffer autotuning, Linux's
 * adaptive delayed-ACK timeout (ato) and interactive "pingpong" mode, RACK-TLP. Loss recovery is
 * described in the package documentation.
 */
public final class TcpConnection {
    /** {@link #send} flag: more data follows, hold a partial segment (Linux MSG_MORE). */
    public static final int MSG_MORE = 0x8000;
    /** {@link #read} result at end of stream. */
    public static final int EOF = -1;
    /** Receive-buffer room beyond the window for its rounding to the window scale (at most 14). */
    private static final int WINDOW_ROUNDING_SLACK = (1 << 14) - 1;

    /** RFC 5681 §3.2: fast retransmit on the third duplicate ACK. */
    private static final int DUP_THRESH = 3;
    /** RFC 9293 §3.7.1: MSS assumed when the peer sends no MSS option. */
    private static final int DEFAULT_PEER_MSS = 536;
    /** RFC 7323 §3: the timestamp option's share of every segment once negotiated. */
    private static final int TIMESTAMP_OPTION_SPACE = 12;
    private static final long NOT_ARMED = Long.MIN_VALUE;
    private static final TcpTimer[] TIMERS = TcpTimer.values();
    private static final TcpEvent[] EVENTS = TcpEvent.values();
    private static final byte[] COOKIE_REQUEST = new byte[0];

    private final TcpConfig cfg;
    private final ConnectionId id;
    private final TcpListener parent;
    private final CongestionControl cc;
    private final RttEstimator rtt;
    private final ByteRing sndBuf;
    private final ByteRing rcvBuf;
    private final SeqIntervals outOfOrder = new SeqIntervals();
    private final SeqIntervals sacked = new SeqIntervals();
    private final long[] deadlines = new long[TIMERS.length];

    private TcpState state = TcpState.CLOSED;
    /** Events raised but not yet delivered, one bit per {@link TcpEvent} ordinal. */
    private int pendingEvents;
    private boolean delivering;
    private Errno error;

    // Send sequence space (RFC 9293 §3.3.1). sndMax is the highest sequence ever sent.
    private final int iss;
    private int sndUna;
    private int sndNxt;
    private int sndMax;
    private int sndWnd;
    private int sndWl1;
    private int sndWl2;
    /** Sequence number of the first byte held in {@link #sndBuf}. */
    private int sndBufSeq;
    private int sndShift;
    private int rcvShift;
    private int smss = DEFAULT_PEER_MSS;
    private int rcvMss = DEFAULT_PEER_MSS;
    private boolean finQueued;
    private int finSeq;

    // Receive sequence space.
    private int irs;
    private int rcvNxt;
    /** Right edge of the window we last advertised; never moved left (RFC 9293 §3.8.6.2.2). */
    private int rcvAdvEdge;
    private boolean peerFin;
    private boolean pendingFin;
    private int pendingFinSeq;

    // Negotiated options.
    private boolean tsOn;
    private boolean sackOn;
    private boolean wsOn;
    private int tsRecent;
    private int lastAckSent;

    // RTT measurement: one timed segment when timestamps are off (RFC 6298 §3).
    private boolean rttTiming;
    private int rttSeq;
    private long rttStart;
    private boolean synRetransmitted;
    private int retransmitsInRow;
    private long totalRetrans;
    /** RTO expiries that retransmitted (Linux tcpi_total_rto). */
    private long timeouts;

    // Loss recovery.
    private CaState caState = CaState.OPEN;
    private int dupAcks;
    private int recover;
    private int highRxt;
    private int nextSegStart;
    private int nextSegLen;
    private final ProportionalRateReduction prr = new ProportionalRateReduction();
    private final LostRetransmissions lostRetransmissions = new LostRetransmissions();
    /** RFC 6937 DeliveredData of the ACK being processed: newly cumulatively acked plus newly SACKed bytes. */
    private int deliveredNow;
    /**
     * Without SACK: bytes assumed to have left the network, one SMSS per duplicate ACK (RFC 6937 §3
     * DeliveredData estimate; Linux tcp_add_reno_sack). Never more than the flight minus one segment.
     */
    private int dupAckedBytes;
    /** Fast retransmit or a NewReno partial ACK owes a retransmission of the segment at SND.UNA. */
    private boolean headRetransmitDue;
    /** Partial ACKs seen in this recovery episode (RFC 6582 §3.2 step 3 restarts the timer on the first only). */
    private int partialAcks;

    // Nagle, cork, delayed ACK, keep-alive, persist.
    private boolean nodelay;
    private boolean cork;
    private boolean moreComing;
    private boolean forcePush;
    private int sndSml;
    private boolean ackNow;
    private int quickAcksLeft;
    private boolean quickAckOption;
    private boolean keepalive;
    private long keepaliveIdle;
    private long keepaliveInterval;
    private int keepaliveCount;
    private int keepaliveProbes;
    private long lastReceived;
    private int persistBackoff;

    private boolean appClosed;
    private boolean wantWritable;
    private FastOpenCache fastOpenCache;
    private boolean fastOpenAccepted;

    private long bytesAcked;
    private long bytesReceived;
    private long segsOut;
    private long segsIn;

    private TcpConnection(TcpConfig cfg, ConnectionId id, int iss, TcpListener parent) {
        this.cfg = cfg;
        this.id = id;
        this.iss = iss;
        this.parent = parent;
        this.cc = CongestionControls.byName(cfg.congestionControl());
        this.rtt = new RttEstimator(cfg.minRto(), cfg.maxRto(), cfg.rtoMinOnVariance());
        this.sndBuf = new ByteRing(cfg.sndbuf());
        // The receive window is cfg.rcvbuf(); the buffer holds 2^14 - 1 bytes more, since a scaled
        // window that must not shrink is rounded up to its scale (RFC 7323 §2.3, Linux
        // tcp_select_window) and may then reach past rcvbuf by up to 2^shift - 1 bytes, which a
        // receiver must take (Linux's truesize accounting leaves it that room).
        this.rcvBuf = new ByteRing(cfg.rcvbuf() + WINDOW_ROUNDING_SLACK);
        java.util.Arrays.fill(deadlines, NOT_ARMED);
        sndUna = iss;
        sndNxt = iss;
        sndMax = iss;
        sndBufSeq = iss + 1;
        recover = iss;
        highRxt = iss;
        sndSml = iss;
        keepaliveIdle = cfg.keepaliveIdle();
        keepaliveInterval = cfg.keepaliveInterval();
        keepaliveCount = cfg.keepaliveCount();
        cc.init(smss, cfg.initialWindowBytes(smss), cfg.slowStartByteCount());
    }

    // ---------------------------------------------------------------- opening

    /** Active open (RFC 9293 §3.10.1) with an RFC 6528 initial sequence number. */
    public static TcpConnection connect(TcpConfig cfg, ConnectionId id, long now, TcpOutput out) {
        return connect(cfg, id, IsnGenerator.isn(id, now, cfg.fastOpenKey()), now, out);
    }

    /** Active open with a caller-chosen initial sequence number: sends the SYN. */
    public static TcpConnection connect(TcpConfig cfg, ConnectionId id, int iss, long now, TcpOutput out) {
        return connectFastOpen(cfg, id, iss, now, null, 0, null, out);
    }

    /**
     * Active open using TCP Fast Open (RFC 7413 §4.1): with a cached cookie for the server the SYN
     * carries the first {@code length} bytes (up to one MSS; the rest follows the handshake);
     * without one it carries a cookie request and the data waits for the handshake. A null cache
     * or {@code fast-open off} makes this a plain {@link #connect}.
     *
     * @param data real bytes, or null for virtual ones
     * @throws IllegalArgumentException if {@code length} exceeds the send buffer
     */
    public static TcpConnection connectFastOpen(TcpConfig cfg, ConnectionId id, int iss, long now,
            FastOpenCache cache, int length, byte[] data, TcpOutput out) {
        if (length < 0 || length > cfg.sndbuf()) {
            throw new IllegalArgumentException("Fast Open data must fit the send buffer: " + length);
        }
        TcpConnection c = new TcpConnection(cfg, id, iss, null);
        c.state = TcpState.SYN_SENT;
        c.fastOpenCache = cfg.fastOpen() ? cache : null;
        if (length > 0) {
            c.sndBuf.append(data, 0, length);
        }
        c.sendSyn(now, out);
        c.deliverEvents(out);
        return c;
    }

    /** Passive open: called by {@link TcpListener} for an accepted SYN (RFC 9293 §3.10.7.2). */
    static TcpConnection accepted(TcpConfig cfg, ConnectionId id, int iss, long now, TcpSegment syn,
            TcpListener parent, boolean acceptSynData, byte[] cookieToIssue, TcpOutput out) {
        TcpConnection c = new TcpConnection(cfg, id, iss, parent);
        c.state = TcpState.SYN_RECEIVED;
        c.lastReceived = now;
        c.irs = syn.seq;
        c.rcvNxt = syn.seq + 1;
        c.rcvAdvEdge = c.rcvNxt;
        c.negotiate(syn);
        c.tsRecent = syn.tsVal;
        c.sndWnd = syn.window; // RFC 7323 §2.2: the window in a SYN is never scaled
        c.sndWl1 = syn.seq;
        c.sndWl2 = iss;
        c.fastOpenAccepted = acceptSynData;
        if (acceptSynData && syn.payloadLength > 0) {
            // RFC 7413 §4.2.2: data in a SYN with a valid cookie is delivered before the handshake ends.
            int len = Math.min(syn.payloadLength, c.windowSpace());
            c.rcvBuf.append(syn.payload, 0, len);
            c.rcvNxt += len;
            c.bytesReceived += len;
            c.post(TcpEvent.READABLE);
        }
        c.sendSynAck(now, cookieToIssue, out);
        c.deliverEvents(out);
        return c;
    }

    /** Records what the peer's SYN or SYN-ACK offered and derives the sender MSS. */
    private void negotiate(TcpSegment syn) {
        sackOn = cfg.sack() && syn.sackPermitted;
        tsOn = cfg.timestamps() && syn.hasTimestamps;
        wsOn = cfg.windowScaling() && syn.windowScale >= 0;
        if (wsOn) {
            sndShift = Math.min(syn.windowScale, 14); // RFC 7323 §2.3
            rcvShift = cfg.effectiveWindowScale();
        }
        int peerMss = syn.mss != 0 ? syn.mss : DEFAULT_PEER_MSS;
        smss = Math.min(peerMss, cfg.mss()) - (tsOn ? TIMESTAMP_OPTION_SPACE : 0);
        rcvMss = Math.min(smss, DEFAULT_PEER_MSS); // Linux tcp_initialize_rcv_mss; grows with traffic
        cc.init(smss, cfg.initialWindowBytes(smss), cfg.slowStartByteCount());
        quickAcksLeft = cfg.quickAckSegments();
    }

    private void sendSyn(long now, TcpOutput out) {
        TcpSegment s = newSegment(SYN, iss, now);
        addSynOptions(s, cfg.windowScaling(), cfg.sack(), cfg.timestamps());
        int synData = 0;
        if (fastOpenCache != null) {
            byte[] cookie = fastOpenCache.get(id.remoteAddr());
            if (cookie != null && !synRetransmitted && sndBuf.size() > 0) {
                s.fastOpenCookie = cookie;
                // The peer's MSS is still unknown: Linux sizes SYN data by our own MSS.
                synData = Math.min(sndBuf.size(), cfg.mss() - (cfg.timestamps() ? TIMESTAMP_OPTION_SPACE : 0));
                attachPayload(s, sndBufSeq, synData);
            } else if (cookie == null) {
                s.fastOpenCookie = COOKIE_REQUEST;
            }
        }
        sndNxt = iss + 1 + synData;
        sndMax = TcpSeq.max(sndMax, sndNxt);
        startSynTimer(now, out);
        transmit(s, out);
    }

    private void sendSynAck(long now, byte[] cookie, TcpOutput out) {
        TcpSegment s = newSegment(SYN | ACK, iss, now);
        addSynOptions(s, wsOn, sackOn, tsOn); // RFC 7323 §2.2, RFC 2018 §2: only what the SYN offered
        s.fastOpenCookie = cookie;
        sndNxt = iss + 1;
        sndMax = TcpSeq.max(sndMax, sndNxt);
        startSynTimer(now, out);
        transmit(s, out);
    }

    private void addSynOptions(TcpSegment s, boolean ws, boolean sack, boolean ts) {
        s.mss = cfg.mss();
        s.windowScale = ws ? cfg.effectiveWindowScale() : -1;
        s.sackPermitted = sack;
        if (ts) {
            s.hasTimestamps = true;
            s.tsVal = tsClock(0);
            s.tsEcr = tsRecent;
        }
    }

    private void startSynTimer(long now, TcpOutput out) {
        rttTiming = !synRetransmitted;
        rttSeq = iss;
        rttStart = now;
        arm(TcpTimer.RETRANSMIT, now + rtt.rto(), out);
    }

    // ---------------------------------------------------------------- application calls

    /**
     * Queues up to {@code length} bytes for sending and transmits what the windows, Nagle and cork
     * allow. Returns the bytes accepted (0: buffer full, a {@link TcpEvent#WRITABLE} will follow), or
     * a negated {@link Errno} code: EPIPE after shutdown, ENOTCONN when closed, or the reset/timeout.
     *
     * @param data  real bytes (the first {@code length} are used) or null for virtual bytes
     * @param flags 0 or {@link #MSG_MORE}
     */
    public int send(long now, int length, byte[] data, int flags, TcpOutput out) {
        try {
            if (error != null) {
                return -error.code;
            }
            if (state == TcpState.CLOSED || state == TcpState.LISTEN) {
                return -Errno.ENOTCONN.code;
            }
            if (finQueued || !state.canSend()) {
                return -Errno.EPIPE.code;
            }
            int n = Math.min(length, sndBuf.free());
            if (n < length) {
                wantWritable = true;
            }
            if (n <= 0) {
                return 0;
            }
            sndBuf.append(data, 0, n);
            moreComing = (flags & MSG_MORE) != 0;
            trySend(now, out);
            return n;
        } finally {
            deliverEvents(out);
        }
    }

    /**
     * Takes up to {@code max} in-order bytes. Returns the count (0: nothing yet), {@link #EOF} after
     * the peer's FIN, or a negated {@link Errno} code after a reset or timeout. May send a window
     * update (RFC 9293 §3.8.6.2.2).
     *
     * @param into destination for real bytes, or null to discard them
     */
    public int read(long now, int max, byte[] into, TcpOutput out) {
        try {
            int n = Math.min(max, rcvBuf.size());
            if (n <= 0) {
                if (error != null) {
                    return -error.code;
                }
                return peerFin ? EOF : 0;
            }
            if (into != null) {
                rcvBuf.copyOut(0, into, 0, n);
            }
            rcvBuf.discard(n);
            maybeSendWindowUpdate(now, out);
            return n;
        } finally {
            deliverEvents(out);
        }
    }

    /** In-order bytes waiting to be read. */
    public int readable() {
        return rcvBuf.size();
    }

    /** Send-buffer space, 0 once the connection can no longer send. */
    public int writable() {
        return error == null && !finQueued && state.canSend() ? sndBuf.free() : 0;
    }

    /** Half-close (RFC 9293 §3.10.4): a FIN follows the queued data. */
    public void shutdownWrite(long now, TcpOutput out) {
        try {
            if (finQueued) {
                return;
            }
            switch (state) {
                case ESTABLISHED -> state = TcpState.FIN_WAIT_1;
                case CLOSE_WAIT -> state = TcpState.LAST_ACK;
                case SYN_SENT, SYN_RECEIVED -> {
                    // The FIN waits for the handshake; the state changes in establish().
                }
                default -> {
                    return;
                }
            }
            finQueued = true;
            finSeq = sndBufSeq + sndBuf.size();
            trySend(now, out);
        } finally {
            deliverEvents(out);
        }
    }

    /**
     * close(2): if unread data remains, reset the connection (RFC 2525 §2.17, Linux tcp_close);
     * otherwise send FIN after the queued data. Data arriving later also draws a RST (Linux).
     */
    public void close(long now, TcpOutput out) {
        try {
            switch (state) {
                case CLOSED -> {
                    return;
                }
                case LISTEN, SYN_SENT -> {
                    enterClosed(out);
                    return;
                }
                default -> {
                }
            }
            appClosed = true;
            if (rcvBuf.size() > 0) {
                sendReset(now, out);
                enterClosed(out);
                return;
            }
            shutdownWrite(now, out);
        } finally {
            deliverEvents(out);
        }
    }

    /** Abort (RFC 9293 §3.10.5): RST in synchronized states, then CLOSED. */
    public void abort(long now, TcpOutput out) {
        try {
            switch (state) {
                case CLOSED -> {
                    return;
                }
                case SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> sendReset(now, out);
                default -> {
                }
            }
            enterClosed(out);
        } finally {
            deliverEvents(out);
        }
    }

    /** Sets a socket option; NODELAY, CORK and QUICKACK take effect at once (may send). */
    public void setOption(long now, TcpOption opt, int value, TcpOutput out) {
        try {
            boolean on = value != 0;
            switch (opt) {
                case NODELAY -> {
                    nodelay = on;
                    if (on) {
                        forcePushOnce(now, out); // Linux: setting TCP_NODELAY pushes pending data
                    }
                }
                case CORK -> {
                    cork = on;
                    if (!on) {
                        forcePushOnce(now, out);
                    }
                }
                case QUICKACK -> {
                    quickAckOption = on;
                    if (on && rcvNxt != lastAckSent && isSynchronized()) {
                        sendAck(now, out);
                    }
                }
                case KEEPALIVE -> {
                    keepalive = on;
                    if (on && isSynchronized()) {
                        arm(TcpTimer.KEEPALIVE, Math.max(now, lastReceived + keepaliveIdle), out);
                    } else if (!on) {
                        disarm(TcpTimer.KEEPALIVE, out);
                    }
                }
                case KEEPIDLE -> keepaliveIdle = positive(value) * Units.S;
                case KEEPINTVL -> keepaliveInterval = positive(value) * Units.S;
                case KEEPCNT -> keepaliveCount = positive(value);
            }
        } finally {
            deliverEvents(out);
        }
    }

    private static int positive(int v) {
        if (v <= 0) {
            throw new IllegalArgumentException("option value must be positive: " + v);
        }
        return v;
    }

    private void forcePushOnce(long now, TcpOutput out) {
        forcePush = true;
        trySend(now, out);
        forcePush = false;
    }

    // ---------------------------------------------------------------- segment arrival

    /** Processes one arriving segment addressed to this connection. */
    public void onSegment(long now, TcpSegment seg, TcpOutput out) {
        try {
            segsIn++;
            switch (state) {
                case CLOSED -> {
                    TcpSegment rst = TcpResets.replyTo(seg);
                    if (rst != null) {
                        transmit(rst, out);
                    }
                    return;
                }
                case LISTEN -> {
                    return;
                }
                case SYN_SENT -> {
                    onSegmentInSynSent(now, seg, out);
                    return;
                }
                default -> {
                }
            }
            lastReceived = now;
            keepaliveProbes = 0;
            ackNow = false;

            // RFC 9293 §3.10.7.4 first: is the segment acceptable? Trim it to the window.
            int rcvWnd = Math.max(0, rcvAdvEdge - rcvNxt);
            boolean syn = seg.has(SYN);
            int seq = syn ? seg.seq + 1 : seg.seq; // data, if any, follows the SYN
            int segLen = seg.sequenceLength();
            int dataLen = seg.payloadLength;
            int dataOff = 0;
            boolean fin = seg.has(FIN);
            if (syn && state == TcpState.SYN_RECEIVED && seg.seq == irs) {
                if (!seg.has(ACK)) {
                    sendSynAck(now, null, out); // our SYN-ACK was lost: the peer repeats its SYN
                    return;
                }
                syn = false; // simultaneous open (Figure 8): the peer's SYN-ACK; only its ACK is news
                segLen--;
            }
            if (!acceptable(seq - (syn ? 1 : 0), segLen, rcvWnd)) {
                if (!seg.has(RST)) {
                    if (state == TcpState.TIME_WAIT && fin) {
                        arm(TcpTimer.TIME_WAIT, now + cfg.timeWait(), out); // RFC 9293 §3.10.7.4: restart 2·MSL
                    }
                    sendAck(now, out);
                }
                return;
            }
            if (lt(seq, rcvNxt)) {
                int skip = Math.min(rcvNxt - seq, dataLen);
                dataOff += skip;
                dataLen -= skip;
                seq += skip;
            }
            int wndEnd = rcvNxt + rcvWnd;
            if (dataLen > 0 && gt(seq + dataLen, wndEnd)) {
                dataLen = Math.max(0, wndEnd - seq);
                fin = false;
                ackNow = true;
            }

            // Second: RST. RFC 5961 §3.2: only an exact match resets; others get a challenge ACK.
            if (seg.has(RST)) {
                if (seg.seq == rcvNxt) {
                    onReset(out);
                } else {
                    sendAck(now, out);
                }
                return;
            }
            // Fourth: a SYN in a synchronized state draws a challenge ACK (RFC 5961 §4, RFC 9293).
            if (syn) {
                sendAck(now, out);
                return;
            }
            // Fifth: the ACK field.
            if (!seg.has(ACK)) {
                return;
            }
            if (tsOn && seg.hasTimestamps && leq(seg.seq, lastAckSent)) {
                tsRecent = seg.tsVal; // RFC 7323 §4.3 (3)
            }
            if (state == TcpState.SYN_RECEIVED) {
                if (!TcpSeq.inRange(seg.ack, sndUna + 1, sndMax + 1)) {
                    transmit(TcpResets.replyTo(seg), out);
                    return;
                }
                if (parent != null && !parent.childEstablished(this)) {
                    return; // Linux: with the accept queue full the final ACK is dropped
                }
                sndWnd = seg.window << sndShift;
                sndWl1 = seg.seq;
                sndWl2 = seg.ack;
                establish(out);
            }
            if (!processAck(now, seg, out)) {
                return;
            }
            if (finQueued && gt(sndUna, finSeq)) {
                switch (state) {
                    case FIN_WAIT_1 -> {
                        state = TcpState.FIN_WAIT_2;
                        post(TcpEvent.FIN_ACKED);
                    }
                    case CLOSING -> {
                        post(TcpEvent.FIN_ACKED);
                        enterTimeWait(now, out);
                        return;
                    }
                    case LAST_ACK -> {
                        post(TcpEvent.FIN_ACKED);
                        enterClosed(out);
                        return;
                    }
                    default -> {
                    }
                }
            }
            if (state == TcpState.TIME_WAIT) {
                if (fin) {
                    sendAck(now, out);
                    arm(TcpTimer.TIME_WAIT, now + cfg.timeWait(), out);
                }
                return;
            }

            // Seventh and eighth: segment text and FIN.
            if (state.canReceiveData() && (dataLen > 0 || fin)) {
                if (appClosed && dataLen > 0) {
                    sendReset(now, out); // Linux: data for a closed socket is answered with RST
                    enterClosed(out);
                    return;
                }
                receive(now, seg, seq, dataOff, dataLen, fin, out);
                if (state == TcpState.CLOSED || state == TcpState.TIME_WAIT) {
                    return;
                }
            }
            trySend(now, out);
            finishAck(now, out);
        } finally {
            deliverEvents(out);
        }
    }

    /** RFC 9293 §3.10.7.4 acceptability test, with the zero-window allowance for ACKs. */
    private boolean acceptable(int seq, int len, int wnd) {
        if (len == 0) {
            return wnd == 0 ? seq == rcvNxt : TcpSeq.inRange(seq, rcvNxt, rcvNxt + wnd);
        }
        if (wnd == 0) {
            return seq == rcvNxt; // data will be trimmed away, but the ACK and window count
        }
        return TcpSeq.inRange(seq, rcvNxt, rcvNxt + wnd) || TcpSeq.inRange(seq + len - 1, rcvNxt, rcvNxt + wnd);
    }

    /** RFC 9293 §3.10.7.3. */
    private void onSegmentInSynSent(long now, TcpSegment seg, TcpOutput out) {
        if (seg.has(ACK) && (leq(seg.ack, iss) || gt(seg.ack, sndMax))) {
            TcpSegment rst = TcpResets.replyTo(seg);
            if (rst != null) {
                transmit(rst, out);
            }
            return;
        }
        if (seg.has(RST)) {
            if (seg.has(ACK)) {
                error = Errno.ECONNREFUSED;
                post(TcpEvent.RESET);
                enterClosed(out);
            }
            return;
        }
        if (!seg.has(SYN)) {
            return;
        }
        lastReceived = now;
        irs = seg.seq;
        rcvNxt = seg.seq + 1;
        rcvAdvEdge = rcvNxt;
        negotiate(seg);
        tsRecent = seg.tsVal;
        if (!seg.has(ACK)) {
            // Simultaneous open (RFC 9293 §3.5, Figure 8): answer with SYN-ACK from SYN_RECEIVED.
            state = TcpState.SYN_RECEIVED;
            synRetransmitted = true; // the RTT of a crossed SYN is meaningless
            sendSynAck(now, null, out);
            return;
        }
        if (fastOpenCache != null && seg.fastOpenCookie != null && seg.fastOpenCookie.length > 0) {
            fastOpenCache.put(id.remoteAddr(), seg.fastOpenCookie); // RFC 7413 §4.1.3
        }
        if (rttTiming) {
            rtt.sample(now - rttStart); // Karn: only when the SYN was not retransmitted
        }
        rttTiming = false;
        int synDataAcked = seg.ack - (iss + 1);
        sndUna = seg.ack;
        if (synDataAcked > 0) {
            sndBuf.discard(synDataAcked);
            sndBufSeq += synDataAcked;
            bytesAcked += synDataAcked;
        }
        sndNxt = sndUna; // Fast Open data the server did not take is sent again (RFC 7413 §4.2.2)
        sndWnd = seg.window; // unscaled in a SYN (RFC 7323 §2.2)
        sndWl1 = seg.seq;
        sndWl2 = seg.ack;
        retransmitsInRow = 0;
        disarm(TcpTimer.RETRANSMIT, out);
        ackNow = true; // RFC 9293 §3.10.7.3: acknowledge the SYN-ACK at once (data sent now carries it)
        establish(out);
        trySend(now, out);
        finishAck(now, out);
    }

    private void establish(TcpOutput out) {
        state = finQueued ? TcpState.FIN_WAIT_1 : TcpState.ESTABLISHED;
        retransmitsInRow = 0;
        rtt.resetBackoff();
        if (synRetransmitted) {
            rtt.useConservativeInitial(); // RFC 6298 §5.7 (Linux TCP_TIMEOUT_FALLBACK)
        }
        post(TcpEvent.CONNECTED);
        if (keepalive) {
            arm(TcpTimer.KEEPALIVE, lastReceived + keepaliveIdle, out);
        }
    }

    private void onReset(TcpOutput out) {
        // RFC 9293 §3.10.7.4 second check.
        switch (state) {
            case SYN_RECEIVED -> {
                if (parent == null) {
                    error = Errno.ECONNREFUSED;
                    post(TcpEvent.RESET);
                }
            }
            case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> {
                error = Errno.ECONNRESET;
                post(TcpEvent.RESET);
            }
            default -> {
            }
        }
        enterClosed(out);
    }

    // ---------------------------------------------------------------- acknowledgments (sender side)

    /** Returns false when the segment must be dropped (it acknowledged unsent data). */
    private boolean processAck(long now, TcpSegment seg, TcpOutput out) {
        int ack = seg.ack;
        if (gt(ack, sndMax)) {
            sendAck(now, out); // RFC 9293 §3.10.7.4: ACK of something not yet sent
            return false;
        }
        if (lt(ack, sndUna)) {
            return true; // an old duplicate: ignore the ACK field
        }
        long sackedBefore = sacked.total();
        if (sackOn && seg.sackCount > 0) {
            for (int i = 0; i < seg.sackCount; i++) {
                int left = TcpSeq.max(seg.sackBlocks[2 * i], ack);
                int right = TcpSeq.min(seg.sackBlocks[2 * i + 1], sndMax);
                sacked.add(left, right); // RFC 2018 §5: ignore what lies outside (SND.UNA, SND.MAX]
            }
        }
        // RFC 5681 §2 (e): a window update is not a duplicate (compared in bytes, as Linux does).
        boolean windowChanged = (seg.window << sndShift) != sndWnd;
        // RFC 9293 §3.10.7.4: update the send window only from newer segments.
        if (lt(sndWl1, seg.seq) || (sndWl1 == seg.seq && leq(sndWl2, ack))) {
            sndWnd = seg.window << sndShift;
            sndWl1 = seg.seq;
            sndWl2 = ack;
            if (sndWnd > 0) {
                persistBackoff = 0;
                disarm(TcpTimer.PERSIST, out);
            }
        }
        deliveredNow = (int) (sacked.total() - sackedBefore); // onNewAck adds the cumulative part
        if (ack != sndUna) {
            onNewAck(now, seg, ack, out);
        } else if (seg.payloadLength == 0 && (seg.flags & (SYN | FIN)) == 0 && !windowChanged
                && sndUna != sndMax) {
            onDuplicateAck(now, out); // RFC 5681 §2 definition of a duplicate ACK
        }
        if (sackOn && (caState == CaState.OPEN || caState == CaState.DISORDER) && sndUna != sndMax
                && geq(sndUna, recover) && isLost(sndUna)) {
            // RFC 6675 §5: SACK shows the segment at HighACK lost, whatever kind of ACK said so
            // (a window update, or one that advanced SND.UNA to the next hole).
            enterRecovery(now, out);
        }
        if (caState == CaState.RECOVERY) {
            if (sackOn) {
                lostRetransmissions.update(sndUna, sacked);
            }
            if (cfg.recovery() == RecoveryWindow.PRR) {
                int pipe = recoveryPipe();
                cc.setCwnd(pipe + prr.onAck(deliveredNow, pipe, cc.ssthresh(), smss)); // RFC 6937 §3
            }
            if (headRetransmitDue) {
                retransmit(now, sndUna, out);
            }
        }
        headRetransmitDue = false;
        return true;
    }

    /**
     * FlightSize for RFC 5681 eq. 4: data sent and not acknowledged, less what SACK blocks or
     * duplicate ACKs show has already left the network. After a long recovery SND.MAX − SND.UNA
     * mostly counts data parked in the receiver's out-of-order queue; halving that would set
     * ssthresh far above the path's capacity. ns-3 halves its BytesInFlight the same way.
     */
    /** What a congestion event reduces, as the profile chooses (see {@link LossReduction}). */
    private int reductionBasis() {
        return switch (cfg.lossReduction()) {
            case FLIGHT -> sndMax - sndUna;
            case IN_NETWORK -> flightInNetwork();
            case CWND -> cc.cwnd();
        };
    }

    private int flightInNetwork() {
        return (int) Math.max(0, sndMax - sndUna - sacked.total() - dupAckedBytes);
    }

    /** Bytes in the network during fast recovery: RFC 6675 pipe, or its duplicate-ACK estimate without SACK. */
    private int recoveryPipe() {
        return sackOn ? pipe() : Math.max(0, sndMax - sndUna - dupAckedBytes);
    }

    private void onNewAck(long now, TcpSegment seg, int ack, TcpOutput out) {
        int flightBefore = sndMax - sndUna;
        int acked = ack - sndUna;
        if (sndUna == iss) {
            acked--; // our SYN
        }
        if (finQueued && gt(ack, finSeq)) {
            acked--; // our FIN
        }
        sndBuf.discard(acked);
        sndBufSeq += acked;
        bytesAcked += acked;
        sndUna = ack;
        if (lt(sndNxt, sndUna)) {
            sndNxt = sndUna; // after go-back-N an ACK may pass SND.NXT
        }
        long sackedBeforeAck = sacked.total();
        sacked.removeBefore(sndUna);
        // RFC 6937 DeliveredData (Linux "delivered"): bytes SACKed earlier left the network earlier.
        deliveredNow += acked - (int) (sackedBeforeAck - sacked.total());
        if (!sackOn) {
            // Linux tcp_remove_reno_sacks: the duplicates counted earlier were part of this ACK.
            deliveredNow = Math.max(acked - dupAckedBytes, Math.min(acked, smss));
            dupAckedBytes = Math.max(0, dupAckedBytes - Math.max(0, acked - smss));
        }
        if (lt(highRxt, sndUna)) {
            highRxt = sndUna;
        }
        // RTT: every advancing ACK with timestamps (RFC 7323 §4.1); else the timed segment (RFC 6298 §3).
        if (tsOn && seg.hasTimestamps && seg.tsEcr != 0) {
            rtt.sample((long) (tsClock(now) - seg.tsEcr) * Units.US);
        } else if (rttTiming && gt(ack, rttSeq)) {
            rtt.sample(now - rttStart);
        }
        if (rttTiming && gt(ack, rttSeq)) {
            rttTiming = false;
        }
        retransmitsInRow = 0;
        updateWindowOnAck(now, ack, acked, flightBefore, out);

        // RFC 6298 §5.2–5.3.
        if (sndUna == sndMax) {
            disarm(TcpTimer.RETRANSMIT, out);
        } else if (!(caState == CaState.RECOVERY && !sackOn && partialAcks++ > 0)) {
            // RFC 6582 §3.2 step 3 and §4 ("Impatient"): a NewReno partial ACK restarts the timer only
            // the first time, so a window with many losses ends in a timeout rather than one
            // repair per round trip. (Linux restarts it on every ACK; it uses SACK.)
            arm(TcpTimer.RETRANSMIT, now + rtt.rto(), out);
        }
        if (wantWritable && sndBuf.free() >= Math.min(sndBuf.capacity() / 2, smss) && state.canSend()) {
            wantWritable = false;
            post(TcpEvent.WRITABLE);
        }
    }

    private void updateWindowOnAck(long now, int ack, int acked, int flightBefore, TcpOutput out) {
        switch (caState) {
            case RECOVERY -> {
                if (geq(ack, recover) || cc.partialAckEndsRecovery()) {
                    if (cfg.recovery() == RecoveryWindow.PRR) {
                        cc.setCwnd(cc.ssthresh()); // RFC 6937 §3: cwnd = ssthresh when recovery ends
                    } else {
                        // RFC 6582 §3.2 step 3 full ACK / RFC 5681 §3.2 step 6: deflate to ssthresh.
                        cc.setCwnd(Math.min(cc.ssthresh(), Math.max(sndMax - sndUna, smss) + smss));
                    }
                    caState = CaState.OPEN;
                    dupAcks = 0;
                    dupAckedBytes = 0;
                } else if (!sackOn) {
                    // RFC 6582 §3.2 step 3 partial ACK: retransmit the next hole (at the end of processAck).
                    headRetransmitDue = true;
                    if (cfg.recovery() == RecoveryWindow.INFLATION) {
                        int cwnd = cc.cwnd() - acked; // RFC 6582 §3.2 step 3: deflate the window
                        cc.setCwnd(acked >= smss ? cwnd + smss : cwnd);
                    }
                }
            }
            case LOSS -> {
                if (geq(ack, recover)) {
                    caState = CaState.OPEN;
                }
                // Grow by what was delivered: data SACKed before the timeout must not count again.
                cc.onAck(now, deliveredNow, rtt.srtt());
                dupAcks = 0;
            }
            default -> {
                if (cwndLimited(flightBefore)) {
                    cc.onAck(now, deliveredNow, rtt.srtt()); // Linux tcp_cong_control(acked_sacked)
                }
                dupAcks = 0;
                caState = sacked.isEmpty() ? CaState.OPEN : CaState.DISORDER;
            }
        }
    }

    /** Linux tcp_is_cwnd_limited: do not grow a window the application is not using (RFC 7661). */
    private boolean cwndLimited(int flight) {
        int cwnd = cc.cwnd();
        if (cwnd < cc.ssthresh()) {
            return 2 * flight >= cwnd;
        }
        return flight + smss >= cwnd;
    }

    private void onDuplicateAck(long now, TcpOutput out) {
        dupAcks++;
        if (!sackOn) {
            // RFC 6937 §3: without SACK each duplicate ACK is taken to deliver one segment.
            dupAckedBytes = Math.min(dupAckedBytes + smss, Math.max(0, sndMax - sndUna - smss));
            deliveredNow = smss;
        }
        switch (caState) {
            case RECOVERY -> {
                if (!sackOn && cfg.recovery() == RecoveryWindow.INFLATION) {
                    cc.setCwnd(cc.cwnd() + smss); // RFC 5681 §3.2 step 4: inflate by one segment
                }
            }
            case LOSS -> {
                // Duplicate ACKs after a timeout do not start fast retransmit (RFC 6582 §4.1).
            }
            default -> {
                // RFC 6582 §3.2 step 2: only if the ACK lies beyond the last recovery point.
                if ((dupAcks == DUP_THRESH || (sackOn && isLost(sndUna))) && geq(sndUna, recover)) {
                    enterRecovery(now, out);
                } else {
                    caState = CaState.DISORDER; // limited transmit happens in trySend (RFC 3042)
                }
            }
        }
    }

    /** Fast retransmit and the start of fast recovery (RFC 5681 §3.2, RFC 6582 §3.2, RFC 6675 §5). */
    private void enterRecovery(long now, TcpOutput out) {
        cc.onCongestionEvent(now, reductionBasis());
        recover = sndMax;
        caState = CaState.RECOVERY;
        partialAcks = 0;
        rttTiming = false; // Karn: the timed segment may be retransmitted
        // HighRxt and the retransmission records outlive the episode (Linux keeps its per-segment
        // "retransmitted" marks): segments retransmitted in the previous episode are still in flight,
        // and sending them again would be spurious. RFC 6675 §3 scopes HighRxt to one episode.
        highRxt = TcpSeq.max(highRxt, sndUna);
        headRetransmitDue = lt(highRxt, sndUna + 1); // RFC 5681 §3.2 step 2, RFC 6675 §5 step (4.3)
        if (cfg.recovery() == RecoveryWindow.PRR) {
            prr.start(sndMax - sndUna); // cwnd follows from the first ACK's sndcnt
        } else if (sackOn) {
            cc.setCwnd(cc.ssthresh()); // RFC 6675 §5 step (4.2)
        } else {
            cc.setCwnd(cc.ssthresh() + DUP_THRESH * smss); // RFC 5681 §3.2 step 3
        }
    }

    /** Resends up to one segment starting at {@code seq} (stopping at SACKed data). */
    private void retransmit(long now, int seq, TcpOutput out) {
        int dataEnd = sndBufSeq + sndBuf.size();
        int len = unsackedLength(seq, Math.max(0, Math.min(segmentMss(), dataEnd - seq)));
        int flags = ACK;
        if (finQueued && seq + len == finSeq && gt(sndMax, finSeq)) {
            flags |= FIN;
        }
        if (len == 0 && (flags & FIN) == 0) {
            return;
        }
        emitData(now, seq, len, flags, out);
        totalRetrans++;
        int end = seq + len + ((flags & FIN) != 0 ? 1 : 0);
        if (caState == CaState.RECOVERY && sackOn) {
            lostRetransmissions.add(seq, seq + len, sndMax);
        }
        if (gt(end, highRxt)) {
            highRxt = end;
        }
        armIfIdle(TcpTimer.RETRANSMIT, now + rtt.rto(), out); // RFC 6298 §5.1
    }

    /** Shortens {@code len} bytes from {@code seq} so they stop before SACKed data (0 if seq is SACKed). */
    private int unsackedLength(int seq, int len) {
        for (int i = 0; i < sacked.count(); i++) {
            if (gt(sacked.end(i), seq)) {
                return leq(sacked.start(i), seq) ? 0 : Math.min(len, sacked.start(i) - seq);
            }
        }
        return len;
    }

    /**
     * RFC 6675 §4 IsLost: DupThresh discontiguous SACKed ranges, or more than (DupThresh − 1)·SMSS
     * SACKed bytes, lie above {@code seq}.
     */
    private boolean isLost(int seq) {
        return sacked.rangesFrom(seq + 1) >= DUP_THRESH || sacked.bytesFrom(seq + 1) > (long) (DUP_THRESH - 1) * smss;
    }

    /**
     * RFC 6675 §4 IsLost is monotone (more is SACKed above a lower sequence), so one boundary
     * splits the unSACKed data: {@code isLost(seq)} holds exactly when seq lies below the returned
     * sequence. Computed in one pass over the scoreboard instead of once per segment.
     */
    private int lostBoundary() {
        int n = sacked.count();
        int boundary = sndUna;
        if (n >= DUP_THRESH) {
            boundary = sacked.start(n - DUP_THRESH); // DupThresh ranges lie entirely above seq + 1
        }
        long need = (long) (DUP_THRESH - 1) * smss; // more than this many SACKed bytes above seq + 1
        long above = 0;
        for (int i = n - 1; i >= 0; i--) {
            int len = sacked.end(i) - sacked.start(i);
            if (above + len > need) {
                boundary = TcpSeq.max(boundary, sacked.end(i) - (int) (need - above) - 1);
                break;
            }
            above += len;
        }
        return boundary;
    }

    /**
     * RFC 6675 §4 SetPipe: unSACKed octets not deemed lost, plus unSACKed octets retransmitted
     * (below HighRxt). Lost octets are exactly those below {@link #lostBoundary()}, which always lies
     * at or inside a SACKed range, so counting octets equals counting segment-sized chunks; sums
     * over the scoreboard make this O(SACK ranges) rather than O(segments in flight).
     */
    private int pipe() {
        int notLostFrom = TcpSeq.max(lostBoundary(), sndUna);
        long pipe = lt(notLostFrom, sndMax) ? unsackedBytes(notLostFrom, sndMax) : 0;
        int retransmittedTo = TcpSeq.min(highRxt, sndMax);
        if (lt(sndUna, retransmittedTo)) {
            pipe += unsackedBytes(sndUna, retransmittedTo);
        }
        // Retransmissions known lost have left the network (counted above by the HighRxt rule).
        return (int) Math.max(0, pipe - lostRetransmissions.lostBytes());
    }

    /** Octets in [from, to) not covered by the SACK scoreboard. */
    private long unsackedBytes(int from, int to) {
        return (to - from) - (sacked.bytesFrom(from) - sacked.bytesFrom(to));
    }

    /**
     * RFC 6675 §4 NextSeg rules 1 and 3 (rule 2, new data, is the caller's): sets
     * {@link #nextSegStart}/{@link #nextSegLen} and returns true if a retransmission is due.
     */
    private boolean nextRetransmission(boolean lostOnly) {
        int highSacked = sacked.highestEnd(sndUna);
        int lostBelow = lostBoundary();
        int s = TcpSeq.max(highRxt, sndUna);
        int i = 0;
        while (lt(s, highSacked)) {
            while (i < sacked.count() && leq(sacked.end(i), s)) {
                i++;
            }
            if (i < sacked.count() && leq(sacked.start(i), s)) {
                s = sacked.end(i);
                continue;
            }
            int end = TcpSeq.min(s + segmentMss(), highSacked);
            if (i < sacked.count()) {
                end = TcpSeq.min(end, sacked.start(i));
            }
            if (!lostOnly || lt(s, lostBelow)) {
                nextSegStart = s;
                nextSegLen = end - s;
                return true;
            }
            s = end;
        }
        return false;
    }

    // ---------------------------------------------------------------- transmission

    private boolean canTransmitData() {
        return switch (state) {
            case ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, CLOSING, LAST_ACK -> true;
            // RFC 7413 §4.2.2: after accepting Fast Open data the server may answer before the final ACK.
            case SYN_RECEIVED -> fastOpenAccepted;
            default -> false;
        };
    }

    /** Sends whatever the congestion and receive windows, Nagle, cork and recovery allow. */
    private void trySend(long now, TcpOutput out) {
        if (!canTransmitData()) {
            return;
        }
        if (caState == CaState.RECOVERY && sackOn) {
            sackRecoverySend(now, out);
        } else {
            sendFromSndNxt(now, out);
        }
        if (finQueued && sndNxt == finSeq) {
            emitData(now, finSeq, 0, ACK | FIN, out);
            if (lt(finSeq, sndMax)) {
                totalRetrans++;
            }
            advanceSndNxt(finSeq + 1, now, out);
        }
    }

    private void sendFromSndNxt(long now, TcpOutput out) {
        while (true) {
            int dataEnd = sndBufSeq + sndBuf.size();
            int unsent = Math.max(0, dataEnd - sndNxt);
            if (unsent == 0) {
                break;
            }
            boolean resending = lt(sndNxt, sndMax);
            if (resending && sackOn) {
                // RFC 6675 §5.1: after a timeout use the SACK information; resend only unSACKed data.
                int skipTo = sacked.coveringEnd(sndNxt);
                if (skipTo != sndNxt) {
                    sndNxt = skipTo;
                    continue;
                }
            }
            int inFlight = flightForSending();
            int cwnd = cc.cwnd();
            if (caState == CaState.DISORDER && cfg.limitedTransmit() && dupAcks > 0 && dupAcks < DUP_THRESH
                    && sndNxt == sndMax) {
                cwnd += dupAcks * smss; // RFC 3042: one new segment per early duplicate ACK
            }
            int byCwnd = cwnd - inFlight;
            int byRwnd = sndUna + sndWnd - sndNxt;
            int mss = segmentMss();
            int len = Math.min(Math.min(unsent, mss), Math.min(byCwnd, byRwnd));
            if (resending && sackOn) {
                len = unsackedLength(sndNxt, len);
            }
            if (len <= 0) {
                if (byRwnd <= 0 && sndUna == sndMax) {
                    armIfIdle(TcpTimer.PERSIST, now + persistInterval(), out); // RFC 9293 §3.8.6.1
                }
                break;
            }
            if (len < mss && holdPartial(now, len, unsent, out)) {
                break;
            }
            sendNewOrResend(now, sndNxt, len, out);
        }
    }

    /** Bytes counted against cwnd when sending from SND.NXT. */
    private int flightForSending() {
        if (caState == CaState.RECOVERY && cfg.recovery() == RecoveryWindow.PRR) {
            return recoveryPipe(); // cwnd = pipe + sndcnt (RFC 6937 §3)
        }
        if (caState == CaState.LOSS && sackOn) {
            // After a timeout everything unSACKed beyond SND.NXT counts as lost (Linux tcp_enter_loss),
            // and SACKed data below SND.NXT has left the network.
            return sndNxt - sndUna - (int) (sacked.total() - sacked.bytesFrom(sndNxt));
        }
        return sndNxt - sndUna;
    }

    /** Nagle (RFC 896, RFC 1122 §4.2.3.4), sender SWS avoidance (§4.2.3.4) and cork/MSG_MORE. */
    private boolean holdPartial(long now, int len, int unsent, TcpOutput out) {
        if (len < unsent) {
            return sndNxt != sndUna; // window-limited: wait for the window to open unless idle
        }
        if (forcePush || finQueued) {
            return false;
        }
        if (cork || moreComing) {
            armIfIdle(TcpTimer.CORK_FLUSH, now + cfg.corkTimeout(), out);
            return true;
        }
        if (!cfg.nagle() || nodelay) {
            return false;
        }
        // Linux tcp_minshall_check holds only behind an unacknowledged small segment.
        return cfg.nagleMinshall() ? gt(sndSml, sndUna) : sndNxt != sndUna;
    }

    private void sendNewOrResend(long now, int seq, int len, TcpOutput out) {
        int dataEnd = sndBufSeq + sndBuf.size();
        int flags = ACK;
        if (seq + len == dataEnd) {
            flags |= PSH;
        }
        boolean withFin = finQueued && seq + len == finSeq;
        if (withFin) {
            flags |= FIN;
        }
        if (lt(seq, sndMax)) {
            totalRetrans++; // go-back-N after a timeout
        } else if (!tsOn && !rttTiming) {
            rttTiming = true; // RFC 6298 §3: time one segment per RTT
            rttSeq = seq;
            rttStart = now;
        }
        emitData(now, seq, len, flags, out);
        if (len < segmentMss()) {
            sndSml = seq + len;
        }
        advanceSndNxt(seq + len + (withFin ? 1 : 0), now, out);
    }

    private void advanceSndNxt(int next, long now, TcpOutput out) {
        sndNxt = next;
        if (gt(sndNxt, sndMax)) {
            sndMax = sndNxt;
        }
        armIfIdle(TcpTimer.RETRANSMIT, now + rtt.rto(), out); // RFC 6298 §5.1
    }

    /** RFC 6675 §5 step (C): send while cwnd − pipe ≥ 1 SMSS. */
    private void sackRecoverySend(long now, TcpOutput out) {
        // Every segment sent below adds exactly its length to pipe (new data is not lost; a
        // retransmission is counted by the HighRxt rule), so pipe is computed once.
        int pipe = pipe();
        while (cc.cwnd() - pipe >= smss) {
            int resent = resendLostRetransmission(now, out);
            if (resent > 0) {
                pipe += resent;
                continue;
            }
            if (nextRetransmission(true)) {
                retransmitChunk(now, out);
                pipe += nextSegLen;
                continue;
            }
            int dataEnd = sndBufSeq + sndBuf.size();
            int byRwnd = sndUna + sndWnd - sndNxt;
            int len = Math.min(Math.min(dataEnd - sndNxt, segmentMss()), byRwnd);
            if (len > 0 && sndNxt == sndMax) {
                sendNewOrResend(now, sndNxt, len, out);
                pipe += len;
                continue;
            }
            if (nextRetransmission(false)) {
                retransmitChunk(now, out);
                pipe += nextSegLen;
                continue;
            }
            break;
        }
    }

    private void retransmitChunk(long now, TcpOutput out) {
        int flags = ACK;
        if (finQueued && nextSegStart + nextSegLen == finSeq && gt(sndMax, finSeq)) {
            flags |= FIN;
        }
        emitData(now, nextSegStart, nextSegLen, flags, out);
        totalRetrans++;
        highRxt = nextSegStart + nextSegLen;
        lostRetransmissions.add(nextSegStart, nextSegStart + nextSegLen, sndMax);
    }

    /** Sends again the oldest retransmission known lost; returns the bytes sent, or -1 if none is due. */
    private int resendLostRetransmission(long now, TcpOutput out) {
        int i;
        while ((i = lostRetransmissions.firstLost()) >= 0) {
            int start = lostRetransmissions.start(i);
            int len = unsackedLength(start, Math.min(segmentMss(), lostRetransmissions.end(i) - start));
            if (len > 0) {
                emitData(now, start, len, ACK, out);
                totalRetrans++;
                lostRetransmissions.resent(i, sndMax);
                return len;
            }
            lostRetransmissions.remove(i);
        }
        return -1;
    }

    private long persistInterval() {
        return Math.min(cfg.maxRto(), rtt.rto() << Math.min(persistBackoff, 20));
    }

    // ---------------------------------------------------------------- receiving data

    private void receive(long now, TcpSegment seg, int seq, int off, int len, boolean fin, TcpOutput out) {
        if (len > rcvMss) {
            rcvMss = Math.min(len, cfg.mss()); // Linux tcp_measure_rcv_mss
        }
        if (len > 0) {
            int room = rcvBuf.capacity() - rcvBuf.size() - (seq - rcvNxt);
            if (room < len) {
                len = Math.max(0, room);
                ackNow = true; // data dropped for want of room: tell the sender at once (RFC 9293 §3.10.7.4)
            }
        }
        if (len > 0) {
            byte[] payload = seg.payload;
            if (seq == rcvNxt) {
                boolean hadGap = !outOfOrder.isEmpty();
                rcvBuf.append(payload, payload == null ? 0 : off, len);
                rcvNxt += len;
                int delivered = len;
                while (!outOfOrder.isEmpty() && leq(outOfOrder.start(0), rcvNxt)) {
                    int end = outOfOrder.end(0);
                    if (gt(end, rcvNxt)) {
                        rcvBuf.commit(end - rcvNxt);
                        delivered += end - rcvNxt;
                        rcvNxt = end;
                    }
                    outOfOrder.removeBefore(rcvNxt);
                }
                bytesReceived += delivered;
                if (hadGap) {
                    ackNow = true; // RFC 5681 §4.2: ACK at once when a gap is filled
                }
                if (quickAcksLeft > 0) {
                    quickAcksLeft--;
                    ackNow = true; // Linux quick-ack mode at connection start
                }
                if (quickAckOption || cfg.delayedAck() == 0) {
                    ackNow = true;
                }
                post(TcpEvent.READABLE);
            } else {
                rcvBuf.writeAt(rcvBuf.size() + (seq - rcvNxt), payload, payload == null ? 0 : off, len);
                outOfOrder.add(seq, seq + len);
                ackNow = true; // RFC 5681 §4.2: out-of-order data draws an immediate (duplicate) ACK
            }
        } else if (seg.payloadLength > 0) {
            ackNow = true; // duplicate data: re-ACK (RFC 9293 §3.10.7.4)
        }
        if (fin && !peerFin) {
            int finAt = seq + len;
            if (finAt == rcvNxt || (pendingFin && pendingFinSeq == rcvNxt)) {
                onPeerFin(now, out);
            } else {
                pendingFin = true;
                pendingFinSeq = finAt;
                ackNow = true;
            }
        } else if (pendingFin && pendingFinSeq == rcvNxt) {
            onPeerFin(now, out);
        }
    }

    /** RFC 9293 §3.10.7.4 eighth: the FIN, once every byte before it has arrived. */
    private void onPeerFin(long now, TcpOutput out) {
        pendingFin = false;
        if (peerFin) {
            return;
        }
        peerFin = true;
        rcvNxt++;
        post(TcpEvent.PEER_FIN);
        switch (state) {
            case SYN_RECEIVED, ESTABLISHED -> state = TcpState.CLOSE_WAIT;
            case FIN_WAIT_1 -> state = TcpState.CLOSING;
            case FIN_WAIT_2 -> {
                sendAck(now, out);
                enterTimeWait(now, out);
                return;
            }
            default -> {
            }
        }
        ackNow = true;
    }

    /** Sends the ACK owed: at once when required, else after the delayed-ACK timeout. */
    private void finishAck(long now, TcpOutput out) {
        if (!isSynchronized()) {
            return;
        }
        // RFC 5681 §4.2 / Linux __tcp_ack_snd_check: ACK when more than one full segment is unacked.
        if (ackNow || rcvNxt - lastAckSent > rcvMss) {
            sendAck(now, out);
        } else if (rcvNxt != lastAckSent) {
            armIfIdle(TcpTimer.DELAYED_ACK, now + cfg.delayedAck(), out);
        }
    }

    /** Window update after the application read (Linux tcp_cleanup_rbuf / RFC 1122 §4.2.3.3). */
    private void maybeSendWindowUpdate(long now, TcpOutput out) {
        if (!isSynchronized() || peerFin) {
            return;
        }
        int current = Math.max(0, rcvAdvEdge - rcvNxt);
        int possible = windowSpace();
        int threshold = Math.min(cfg.rcvbuf() / 2, rcvMss);
        if (possible >= 2 * current && possible - current >= threshold) {
            sendAck(now, out);
        }
    }

    private boolean isSynchronized() {
        return switch (state) {
            case CLOSED, LISTEN, SYN_SENT -> false;
            default -> true;
        };
    }

    // ---------------------------------------------------------------- timers

    /** Handles a timer expiry. Expiries of timers cancelled or re-armed later are ignored. */
    public void onTimer(long now, TcpTimer timer, TcpOutput out) {
        try {
            int i = timer.ordinal();
            if (deadlines[i] == NOT_ARMED || now < deadlines[i]) {
                return;
            }
            deadlines[i] = NOT_ARMED;
            switch (timer) {
                case RETRANSMIT -> onRetransmitTimeout(now, out);
                case DELAYED_ACK -> {
                    if (isSynchronized() && rcvNxt != lastAckSent) {
                        sendAck(now, out);
                    }
                }
                case PERSIST -> onPersistTimeout(now, out);
                case KEEPALIVE -> onKeepaliveTimeout(now, out);
                case TIME_WAIT -> enterClosed(out);
                case CORK_FLUSH -> forcePushOnce(now, out); // Linux: corked data waits 200 ms at most
            }
        } finally {
            deliverEvents(out);
        }
    }

    private void onRetransmitTimeout(long now, TcpOutput out) {
        if (state == TcpState.SYN_SENT || state == TcpState.SYN_RECEIVED) {
            if (retransmitsInRow >= cfg.synRetries()) {
                timedOut(now, false, out);
                return;
            }
            retransmitsInRow++;
            totalRetrans++;
            timeouts++;
            rtt.backOff();
            synRetransmitted = true;
            if (state == TcpState.SYN_SENT) {
                sendSyn(now, out);
            } else {
                sendSynAck(now, null, out);
            }
            return;
        }
        if (sndUna == sndMax || !canTransmitData()) {
            return;
        }
        if (retransmitsInRow >= cfg.retries()) {
            timedOut(now, false, out);
            return;
        }
        timeouts++;
        // RFC 5681 §3.1 / RFC 6298 §5.4–5.6: loss window, back off, go back to SND.UNA.
        cc.onTimeout(now, reductionBasis(), caState != CaState.LOSS);
        caState = CaState.LOSS;
        recover = sndMax;
        dupAcks = 0;
        dupAckedBytes = 0;
        lostRetransmissions.clear();
        // The SACK scoreboard survives the timeout, as in Linux: RFC 6675 §5.1 and RFC 2018 erratum
        // 1610 allow it, and these receivers never renege on SACKed data (they keep it until read).
        highRxt = sndUna;
        sndNxt = sndUna;
        rttTiming = false;
        retransmitsInRow++;
        rtt.backOff();
        forcePushOnce(now, out);
        arm(TcpTimer.RETRANSMIT, now + rtt.rto(), out);
    }

    private void onPersistTimeout(long now, TcpOutput out) {
        if (!canTransmitData() || sndWnd > 0 || sndBufSeq + sndBuf.size() == sndNxt) {
            return;
        }
        sendProbe(now, out); // Linux tcp_xmit_probe_skb: an old sequence number draws an ACK
        persistBackoff++;
        arm(TcpTimer.PERSIST, now + persistInterval(), out);
    }

    private void onKeepaliveTimeout(long now, TcpOutput out) {
        if (!keepalive || !(state == TcpState.ESTABLISHED || state == TcpState.CLOSE_WAIT)) {
            return;
        }
        if (sndUna != sndMax || sndBuf.size() > 0) {
            arm(TcpTimer.KEEPALIVE, now + keepaliveIdle, out); // only idle connections are probed
            return;
        }
        if (keepaliveProbes == 0 && now - lastReceived < keepaliveIdle) {
            arm(TcpTimer.KEEPALIVE, lastReceived + keepaliveIdle, out);
            return;
        }
        if (keepaliveProbes >= keepaliveCount) {
            timedOut(now, true, out);
            return;
        }
        sendProbe(now, out);
        keepaliveProbes++;
        arm(TcpTimer.KEEPALIVE, now + keepaliveInterval, out);
    }

    private void timedOut(long now, boolean sendRst, TcpOutput out) {
        if (sendRst) {
            sendReset(now, out);
        }
        error = Errno.ETIMEDOUT;
        post(TcpEvent.TIMED_OUT);
        enterClosed(out);
    }

    private void enterTimeWait(long now, TcpOutput out) {
        state = TcpState.TIME_WAIT;
        for (TcpTimer t : TIMERS) {
            disarm(t, out);
        }
        if (cfg.timeWait() == 0) {
            enterClosed(out);
        } else {
            arm(TcpTimer.TIME_WAIT, now + cfg.timeWait(), out);
        }
    }

    private void enterClosed(TcpOutput out) {
        if (state == TcpState.CLOSED) {
            return;
        }
        state = TcpState.CLOSED;
        for (TcpTimer t : TIMERS) {
            disarm(t, out);
        }
        if (parent != null) {
            parent.childClosed(this);
        }
        post(TcpEvent.CLOSED);
    }

    /** Queues an event; events go out when the current engine call has finished its state changes. */
    private void post(TcpEvent e) {
        pendingEvents |= 1 << e.ordinal();
    }

    /**
     * Emits queued events in {@link TcpEvent} order. Runs last in every public entry point, so an
     * application reacting to an event (even by calling back into this connection) sees a settled state.
     */
    private void deliverEvents(TcpOutput out) {
        if (delivering) {
            return; // a callback re-entered the engine: the outer loop delivers what it raised, in order
        }
        delivering = true;
        try {
            while (pendingEvents != 0) {
                int bit = Integer.numberOfTrailingZeros(pendingEvents);
                pendingEvents &= ~(1 << bit);
                out.event(EVENTS[bit]);
            }
        } finally {
            delivering = false;
        }
    }

    private void arm(TcpTimer t, long deadline, TcpOutput out) {
        deadlines[t.ordinal()] = deadline;
        if (out != null) {
            out.setTimer(t, deadline);
        }
    }

    /** Arms {@code t} only if it is not running (RFC 6298 §5.1 "if the timer is not running"). */
    private void armIfIdle(TcpTimer t, long deadline, TcpOutput out) {
        if (deadlines[t.ordinal()] == NOT_ARMED) {
            arm(t, deadline, out);
        }
    }

    private void disarm(TcpTimer t, TcpOutput out) {
        if (deadlines[t.ordinal()] != NOT_ARMED) {
            deadlines[t.ordinal()] = NOT_ARMED;
            out.cancelTimer(t);
        }
    }

    // ---------------------------------------------------------------- segment construction

    private TcpSegment newSegment(int flags, int seq, long now) {
        TcpSegment s = new TcpSegment();
        s.srcPort = id.localPort();
        s.dstPort = id.remotePort();
        s.seq = seq;
        s.flags = flags;
        if ((flags & ACK) != 0) {
            s.ack = rcvNxt;
        }
        s.window = advertisedWindowField((flags & SYN) != 0);
        if (tsOn && (flags & RST) == 0) {
            s.hasTimestamps = true;
            s.tsVal = tsClock(now);
            s.tsEcr = tsRecent;
        }
        if (sackOn && (flags & ACK) != 0 && (flags & (SYN | RST)) == 0 && !outOfOrder.isEmpty()) {
            addSackBlocks(s);
        }
        return s;
    }

    /** SACK blocks a segment carries: as many out-of-order ranges as the option space holds. */
    private int sackBlocksToSend() {
        return sackOn && !outOfOrder.isEmpty() ? Math.min(outOfOrder.count(), tsOn ? 3 : TcpSegment.MAX_SACK_BLOCKS) : 0;
    }

    /**
     * The most payload a segment sent now may carry: SMSS less the SACK option it will carry while
     * data from the peer waits out of order (Linux tcp_current_mss), so a data segment that also
     * acknowledges selectively still fits the MTU.
     */
    private int segmentMss() {
        int blocks = sackBlocksToSend();
        return blocks == 0 ? smss : smss - 4 - 8 * blocks;
    }

    /** RFC 2018 §4: the block holding the newest data first, then the most recently changed. */
    private void addSackBlocks(TcpSegment s) {
        int max = sackBlocksToSend();
        long below = Long.MAX_VALUE;
        for (int k = 0; k < max; k++) {
            int best = -1;
            for (int i = 0; i < outOfOrder.count(); i++) {
                long t = outOfOrder.touched(i);
                if (t < below && (best < 0 || t > outOfOrder.touched(best))) {
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            s.addSackBlock(outOfOrder.start(best), outOfOrder.end(best));
            below = outOfOrder.touched(best);
        }
    }

    /** Timestamp clock: microseconds (like Linux's tcp_usec_ts), offset so TSval is never 0. */
    private static int tsClock(long now) {
        return (int) (now / Units.US) + 1;
    }

    /** What the receive window may offer now: rcvbuf less the data waiting to be read. */
    private int windowSpace() {
        return Math.max(0, cfg.rcvbuf() - rcvBuf.size());
    }

    private int advertisedWindowField(boolean syn) {
        int free = windowSpace();
        if (syn) {
            int w = Math.min(free, 65535); // RFC 7323 §2.2: never scaled in a SYN
            rcvAdvEdge = rcvNxt + w;
            return w;
        }
        int current = Math.max(0, rcvAdvEdge - rcvNxt);
        // RFC 9293 §3.8.6.2.2 receiver SWS avoidance: move the right edge by at least min(buf/2, MSS).
        int wnd = free - current >= Math.min(cfg.rcvbuf() / 2, rcvMss) ? free : current;
        int field = wnd >> rcvShift;
        if ((field << rcvShift) < current) {
            field = (current + (1 << rcvShift) - 1) >> rcvShift; // never shrink the window
        }
        field = Math.min(field, 65535);
        rcvAdvEdge = TcpSeq.max(rcvAdvEdge, rcvNxt + (field << rcvShift));
        return field;
    }

    private void emitData(long now, int seq, int len, int flags, TcpOutput out) {
        if (caState == CaState.RECOVERY) {
            prr.onSent(len); // RFC 6937 §3 prr_out
        }
        TcpSegment s = newSegment(flags, seq, now);
        attachPayload(s, seq, len);
        transmit(s, out);
    }

    private void attachPayload(TcpSegment s, int seq, int len) {
        s.payloadLength = len;
        if (len > 0 && sndBuf.storesBytes()) {
            s.payload = new byte[len];
            sndBuf.copyOut(seq - sndBufSeq, s.payload, 0, len);
        }
    }

    private void sendAck(long now, TcpOutput out) {
        transmit(newSegment(ACK, sndNxt, now), out);
    }

    private void sendProbe(long now, TcpOutput out) {
        transmit(newSegment(ACK, sndUna - 1, now), out);
    }

    private void sendReset(long now, TcpOutput out) {
        transmit(newSegment(RST | ACK, sndNxt, now), out);
    }

    private void transmit(TcpSegment s, TcpOutput out) {
        if (s.has(ACK) && !s.has(RST)) {
            lastAckSent = s.ack;
            ackNow = false;
            disarm(TcpTimer.DELAYED_ACK, out);
        }
        segsOut++;
        out.send(s);
    }

    // ---------------------------------------------------------------- inspection

    /** Congestion window in bytes; a cheap read for per-ACK tracing (no snapshot). */
    public int cwnd() {
        return cc.cwnd();
    }

    /** Slow-start threshold in bytes. */
    public int ssthresh() {
        return cc.ssthresh();
    }

    /** Retransmission-timer expiries so far (Linux tcpi_total_rto); also in {@link #info()}. */
    public long timeouts() {
        return timeouts;
    }

    /** This side's initial sequence number. */
    public int iss() {
        return iss;
    }

    public TcpState state() {
        return state;
    }

    /**
     * Whether {@code seg} may reopen this four-tuple from TIME-WAIT as a new connection (RFC 9293
     * §3.6.1, MAY-2; RFC 6191 with timestamps; Linux tcp_timewait_state_process): a SYN without
     * ACK or RST whose sequence number lies beyond what the previous incarnation received, or whose
     * TSval is newer than the last one it saw. Anything else in TIME-WAIT gets the usual ACK.
     */
    public boolean reopensFromTimeWait(TcpSegment seg) {
        return state == TcpState.TIME_WAIT && seg.has(SYN) && !seg.has(ACK) && !seg.has(RST)
                && (gt(seg.seq, rcvNxt) || (tsOn && seg.hasTimestamps && tsRecent - seg.tsVal < 0));
    }

    public ConnectionId id() {
        return id;
    }

    /** The error that ended the connection (ECONNRESET, ECONNREFUSED, ETIMEDOUT), or null. */
    public Errno error() {
        return error;
    }

    /** The listener that created this connection, or null for an active open. */
    public TcpListener listener() {
        return parent;
    }

    /** A tcp_info-like snapshot. */
    public TcpInfo info() {
        int outstanding = sndMax - sndUna;
        return new TcpInfo(state, caState, cc.name(), smss, rcvMss, cc.cwnd() / smss, cc.cwnd(),
                cc.ssthresh(), rtt.srtt() / Units.US, rtt.rttvar() / Units.US, rtt.rto() / Units.US,
                (outstanding + smss - 1) / smss, outstanding, retransmitsInRow, rtt.backoffCount(), totalRetrans,
                bytesAcked, bytesReceived, segsOut, segsIn, sndWnd, Math.max(0, rcvAdvEdge - rcvNxt), sndShift,
                rcvShift, sackOn, tsOn, (int) sacked.bytesFrom(sndUna), timeouts);
    }

    @Override
    public String toString() {
        return "TcpConnection[" + id + " " + state + "]";
    }
}
