package org.sockeye.protocols.tcp;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Immutable per-stack TCP settings. Start from {@link TcpProfiles#linux()} or
 * {@link TcpProfiles#rfc()}, then adjust with {@link #toBuilder()} or by name with
 * {@link #with(String, String)}. Durations are picoseconds; sizes are bytes.
 *
 * @param mss                MSS we advertise (RFC 9293 §3.7.1); the timestamp option is subtracted when sending
 * @param initialWindow      initial cwnd in segments; 0 selects RFC 5681 §3.1 min(4·MSS, max(2·MSS, 4380))
 * @param minRto             lower bound on the RTO (RFC 6298 §2.4)
 * @param maxRto             upper bound on the RTO (RFC 6298 §2.5)
 * @param rtoMinOnVariance   Linux: RTO = SRTT + max(4·RTTVAR, minRto) instead of max(minRto, SRTT + 4·RTTVAR)
 * @param delayedAck         delayed-ACK timeout; 0 acknowledges every segment at once
 * @param quickAckSegments   Linux quick-ack mode: this many first data segments are ACKed at once
 * @param congestionControl  name for {@link CongestionControls#byName}
 * @param sack               offer/accept SACK (RFC 2018) and use RFC 6675 recovery
 * @param timestamps         offer/accept timestamps (RFC 7323 §3)
 * @param windowScaling      offer/accept window scaling (RFC 7323 §2)
 * @param windowScale        smallest shift we announce (more if {@code rcvbuf} needs it); -1: just what rcvbuf needs
 * @param timeWait           TIME_WAIT duration (2·MSL, RFC 9293 §3.4.2)
 * @param rcvbuf             receive buffer: the most we can advertise
 * @param sndbuf             send buffer: unacknowledged plus unsent data
 * @param nagle              Nagle's algorithm on by default (RFC 896)
 * @param nagleMinshall      Linux variant: hold a small segment only while an earlier small one is unacked
 * @param slowStartByteCount Linux: slow start and Reno's congestion avoidance count all bytes acked; else each
 *                           ACK counts at most one SMSS (RFC 5681 §3.1 eq. 2 and 3)
 * @param limitedTransmit    RFC 3042 on the first two duplicate ACKs
 * @param fastOpen           RFC 7413 client and server support
 * @param fastOpenKey        server secret for Fast Open cookies
 * @param synRetries         SYN retransmissions before giving up (Linux tcp_syn_retries)
 * @param retries            data retransmissions before giving up (Linux tcp_retries2)
 * @param keepaliveIdle      idle time before the first keep-alive probe (RFC 1122 §4.2.3.6: ≥ 2 h)
 * @param keepaliveInterval  time between unanswered keep-alive probes
 * @param keepaliveCount     unanswered probes before the connection is dropped
 * @param corkTimeout        Linux: longest time corked data waits
 * @param recovery           window during fast recovery: PRR (RFC 6937) or inflation (RFC 5681 §3.2 / RFC 6675)
 * @param lossReduction      what a congestion event reduces: FlightSize (RFC 5681), data in the network (ns-3) or
 *                           cwnd (Linux)
 */
public record TcpConfig(int mss, int initialWindow, long minRto, long maxRto, boolean rtoMinOnVariance,
        long delayedAck, int quickAckSegments, String congestionControl, boolean sack, boolean timestamps,
        boolean windowScaling, int windowScale, long timeWait, int rcvbuf, int sndbuf, boolean nagle,
        boolean nagleMinshall, boolean slowStartByteCount, boolean limitedTransmit, boolean fastOpen,
        long fastOpenKey, int synRetries, int retries, long keepaliveIdle, long keepaliveInterval,
        int keepaliveCount, long corkTimeout, RecoveryWindow recovery, LossReduction lossReduction) {

    /** The settings without a loss-reduction choice (kept for existing callers): FlightSize, as RFC 5681. */
    public TcpConfig(int mss, int initialWindow, long minRto, long maxRto, boolean rtoMinOnVariance,
            long delayedAck, int quickAckSegments, String congestionControl, boolean sack, boolean timestamps,
            boolean windowScaling, int windowScale, long timeWait, int rcvbuf, int sndbuf, boolean nagle,
            boolean nagleMinshall, boolean slowStartByteCount, boolean limitedTransmit, boolean fastOpen,
            long fastOpenKey, int synRetries, int retries, long keepaliveIdle, long keepaliveInterval,
            int keepaliveCount, long corkTimeout, RecoveryWindow recovery) {
        this(mss, initialWindow, minRto, maxRto, rtoMinOnVariance, delayedAck, quickAckSegments, congestionControl,
                sack, timestamps, windowScaling, windowScale, timeWait, rcvbuf, sndbuf, nagle, nagleMinshall,
                slowStartByteCount, limitedTransmit, fastOpen, fastOpenKey, synRetries, retries, keepaliveIdle,
                keepaliveInterval, keepaliveCount, corkTimeout, recovery, LossReduction.FLIGHT);
    }

    /** The settings without a recovery choice (kept for existing callers): recovery is {@link RecoveryWindow#PRR}. */
    public TcpConfig(int mss, int initialWindow, long minRto, long maxRto, boolean rtoMinOnVariance,
            long delayedAck, int quickAckSegments, String congestionControl, boolean sack, boolean timestamps,
            boolean windowScaling, int windowScale, long timeWait, int rcvbuf, int sndbuf, boolean nagle,
            boolean nagleMinshall, boolean slowStartByteCount, boolean limitedTransmit, boolean fastOpen,
            long fastOpenKey, int synRetries, int retries, long keepaliveIdle, long keepaliveInterval,
            int keepaliveCount, long corkTimeout) {
        this(mss, initialWindow, minRto, maxRto, rtoMinOnVariance, delayedAck, quickAckSegments, congestionControl,
                sack, timestamps, windowScaling, windowScale, timeWait, rcvbuf, sndbuf, nagle, nagleMinshall,
                slowStartByteCount, limitedTransmit, fastOpen, fastOpenKey, synRetries, retries, keepaliveIdle,
                keepaliveInterval, keepaliveCount, corkTimeout, RecoveryWindow.PRR);
    }

    public TcpConfig {
        if (recovery == null || lossReduction == null) {
            throw new IllegalArgumentException("recovery and loss-reduction must be set");
        }
        if (mss < 64 || mss > 65495) {
            throw new IllegalArgumentException("mss must be in [64, 65495]: " + mss);
        }
        if (initialWindow < 0 || rcvbuf <= 0 || sndbuf <= 0 || minRto <= 0 || maxRto < minRto || timeWait < 0
                || delayedAck < 0 || windowScale > 14 || synRetries < 0 || retries < 0 || keepaliveCount <= 0) {
            throw new IllegalArgumentException("invalid TCP configuration: " + this);
        }
        CongestionControls.checkName(congestionControl);
    }

    /**
     * Window scale shift announced in our SYN (RFC 7323 §2.3: at most 14): {@code windowScale},
     * or more if the receive buffer needs it to be advertised whole (Linux derives the shift from
     * the largest buffer the socket may reach, tcp_select_initial_window); -1 chooses the smallest
     * that covers {@code rcvbuf}.
     */
    public int effectiveWindowScale() {
        int shift = 0;
        while (shift < 14 && (rcvbuf >> shift) > 65535) {
            shift++;
        }
        return Math.max(shift, windowScale);
    }

    /** Initial congestion window in bytes for a sender MSS of {@code smss}. */
    public int initialWindowBytes(int smss) {
        if (initialWindow == 0) {
            return Math.min(4 * smss, Math.max(2 * smss, 4380)); // RFC 5681 §3.1
        }
        return initialWindow * smss; // RFC 6928
    }

    /** Returns a copy with one setting changed by its name (see {@link #keys()}). */
    public TcpConfig with(String key, String value) {
        BiConsumer<Builder, String> setter = SETTERS.get(key);
        if (setter == null) {
            throw new IllegalArgumentException("unknown TCP setting '" + key + "'; known: " + keys());
        }
        Builder b = toBuilder();
        try {
            setter.accept(b, value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad value '" + value + "' for TCP setting '" + key + "': "
                    + e.getMessage(), e);
        }
        return b.build();
    }

    /** Names accepted by {@link #with(String, String)}. */
    public static java.util.Set<String> keys() {
        return SETTERS.keySet();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static final Map<String, BiConsumer<Builder, String>> SETTERS = new TreeMap<>();

    static {
        SETTERS.put("mss", (b, v) -> b.mss = parseInt(v));
        SETTERS.put("initial-window", (b, v) -> b.initialWindow = v.equalsIgnoreCase("rfc5681") ? 0 : parseInt(v));
        SETTERS.put("min-rto", (b, v) -> b.minRto = parseDuration(v));
        SETTERS.put("max-rto", (b, v) -> b.maxRto = parseDuration(v));
        SETTERS.put("rto-min-on-variance", (b, v) -> b.rtoMinOnVariance = parseBool(v));
        SETTERS.put("delayed-ack", (b, v) -> b.delayedAck = parseBoolOrDuration(v, b.delayedAck));
        SETTERS.put("quickack-segments", (b, v) -> b.quickAckSegments = parseInt(v));
        SETTERS.put("congestion-control", (b, v) -> b.congestionControl = v.toLowerCase(Locale.ROOT));
        SETTERS.put("sack", (b, v) -> b.sack = parseBool(v));
        SETTERS.put("timestamps", (b, v) -> b.timestamps = parseBool(v));
        SETTERS.put("window-scaling", (b, v) -> b.windowScaling = parseBool(v));
        SETTERS.put("window-scale", (b, v) -> b.windowScale = parseInt(v));
        SETTERS.put("time-wait", (b, v) -> b.timeWait = parseDuration(v));
        SETTERS.put("rcvbuf", (b, v) -> b.rcvbuf = parseInt(v));
        SETTERS.put("sndbuf", (b, v) -> b.sndbuf = parseInt(v));
        SETTERS.put("nagle", (b, v) -> b.nagle = parseBool(v));
        SETTERS.put("nagle-minshall", (b, v) -> b.nagleMinshall = parseBool(v));
        SETTERS.put("slow-start-byte-count", (b, v) -> b.slowStartByteCount = parseBool(v));
        SETTERS.put("limited-transmit", (b, v) -> b.limitedTransmit = parseBool(v));
        SETTERS.put("fast-open", (b, v) -> b.fastOpen = parseBool(v));
        SETTERS.put("fast-open-key", (b, v) -> b.fastOpenKey = Long.parseUnsignedLong(v, 16));
        SETTERS.put("syn-retries", (b, v) -> b.synRetries = parseInt(v));
        SETTERS.put("retries", (b, v) -> b.retries = parseInt(v));
        SETTERS.put("keepalive-idle", (b, v) -> b.keepaliveIdle = parseDuration(v));
        SETTERS.put("keepalive-interval", (b, v) -> b.keepaliveInterval = parseDuration(v));
        SETTERS.put("keepalive-count", (b, v) -> b.keepaliveCount = parseInt(v));
        SETTERS.put("cork-timeout", (b, v) -> b.corkTimeout = parseDuration(v));
        SETTERS.put("recovery", (b, v) -> b.recovery = RecoveryWindow.parse(v));
        SETTERS.put("loss-reduction", (b, v) -> b.lossReduction = LossReduction.parse(v));
    }

    private static int parseInt(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        int mult = 1;
        if (s.endsWith("k")) {
            mult = 1024;
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("m")) {
            mult = 1024 * 1024;
            s = s.substring(0, s.length() - 1);
        }
        return Math.multiplyExact(Integer.parseInt(s), mult);
    }

    static boolean parseBool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new IllegalArgumentException("expected on/off");
        };
    }

    private static long parseBoolOrDuration(String v, long current) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "false", "off", "no" -> 0;
            case "true", "on", "yes" -> current > 0 ? current : 200 * Units.MS;
            default -> parseDuration(v);
        };
    }

    /** Parses "200ms", "1s", "2min", "500us", "10ns"; a bare number is seconds. */
    static long parseDuration(String v) {
        String s = v.toLowerCase(Locale.ROOT).trim();
        String[][] units = {{"min", "60000000000000"}, {"ms", "1000000000"}, {"us", "1000000"},
                {"ns", "1000"}, {"ps", "1"}, {"s", "1000000000000"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                double n = Double.parseDouble(s.substring(0, s.length() - u[0].length()).trim());
                return Math.round(n * Long.parseLong(u[1]));
            }
        }
        return Math.round(Double.parseDouble(s) * Units.S);
    }

    /** Mutable builder; every field starts from the profile it was created from. */
    public static final class Builder {
        public int mss;
        public int initialWindow;
        public long minRto;
        public long maxRto;
        public boolean rtoMinOnVariance;
        public long delayedAck;
        public int quickAckSegments;
        public String congestionControl;
        public boolean sack;
        public boolean timestamps;
        public boolean windowScaling;
        public int windowScale;
        public long timeWait;
        public int rcvbuf;
        public int sndbuf;
        public boolean nagle;
        public boolean nagleMinshall;
        public boolean slowStartByteCount;
        public boolean limitedTransmit;
        public boolean fastOpen;
        public long fastOpenKey;
        public int synRetries;
        public int retries;
        public long keepaliveIdle;
        public long keepaliveInterval;
        public int keepaliveCount;
        public long corkTimeout;
        public RecoveryWindow recovery;
        public LossReduction lossReduction;

        Builder(TcpConfig c) {
            mss = c.mss;
            initialWindow = c.initialWindow;
            minRto = c.minRto;
            maxRto = c.maxRto;
            rtoMinOnVariance = c.rtoMinOnVariance;
            delayedAck = c.delayedAck;
            quickAckSegments = c.quickAckSegments;
            congestionControl = c.congestionControl;
            sack = c.sack;
            timestamps = c.timestamps;
            windowScaling = c.windowScaling;
            windowScale = c.windowScale;
            timeWait = c.timeWait;
            rcvbuf = c.rcvbuf;
            sndbuf = c.sndbuf;
            nagle = c.nagle;
            nagleMinshall = c.nagleMinshall;
            slowStartByteCount = c.slowStartByteCount;
            limitedTransmit = c.limitedTransmit;
            fastOpen = c.fastOpen;
            fastOpenKey = c.fastOpenKey;
            synRetries = c.synRetries;
            retries = c.retries;
            keepaliveIdle = c.keepaliveIdle;
            keepaliveInterval = c.keepaliveInterval;
            keepaliveCount = c.keepaliveCount;
            corkTimeout = c.corkTimeout;
            recovery = c.recovery;
            lossReduction = c.lossReduction;
        }

        public Builder recovery(RecoveryWindow v) {
            recovery = v;
            return this;
        }

        public Builder mss(int v) {
            mss = v;
            return this;
        }

        public Builder initialWindow(int v) {
            initialWindow = v;
            return this;
        }

        public Builder minRto(long v) {
            minRto = v;
            return this;
        }

        public Builder delayedAck(long v) {
            delayedAck = v;
            return this;
        }

        public Builder congestionControl(String v) {
            congestionControl = v;
            return this;
        }

        public Builder sack(boolean v) {
            sack = v;
            return this;
        }

        public Builder timestamps(boolean v) {
            timestamps = v;
            return this;
        }

        public Builder windowScaling(boolean v) {
            windowScaling = v;
            return this;
        }

        public Builder rcvbuf(int v) {
            rcvbuf = v;
            return this;
        }

        public Builder sndbuf(int v) {
            sndbuf = v;
            return this;
        }

        public Builder nagle(boolean v) {
            nagle = v;
            return this;
        }

        public Builder fastOpen(boolean v) {
            fastOpen = v;
            return this;
        }

        public Builder timeWait(long v) {
            timeWait = v;
            return this;
        }

        public Builder quickAckSegments(int v) {
            quickAckSegments = v;
            return this;
        }

        public TcpConfig build() {
            return new TcpConfig(mss, initialWindow, minRto, maxRto, rtoMinOnVariance, delayedAck, quickAckSegments,
                    congestionControl, sack, timestamps, windowScaling, windowScale, timeWait, rcvbuf, sndbuf, nagle,
                    nagleMinshall, slowStartByteCount, limitedTransmit, fastOpen, fastOpenKey, synRetries, retries,
                    keepaliveIdle, keepaliveInterval, keepaliveCount, corkTimeout, recovery, lossReduction);
        }
    }
}
