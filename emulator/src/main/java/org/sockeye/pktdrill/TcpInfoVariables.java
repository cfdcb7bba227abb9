package org.sockeye.pktdrill;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.sockeye.protocols.tcp.CaState;
import org.sockeye.protocols.tcp.TcpInfo;
import org.sockeye.protocols.tcp.TcpState;

/**
 * The names an assert block may use: Linux {@code struct tcp_info} fields read from {@link TcpInfo}
 * in Linux units (times in microseconds, windows in segments), and the constants scripts compare
 * them with ({@code TCP_CA_Open}…, {@code TCP_ESTABLISHED}…, {@code TCPI_OPT_*}).
 */
public final class TcpInfoVariables {
    /** Linux TCP_INFINITE_SSTHRESH: what tcp_info reports before the first loss. */
    public static final long INFINITE_SSTHRESH = 0x7fffffffL;

    private static final Map<String, ToLongFunction<TcpInfo>> FIELDS = new LinkedHashMap<>();
    private static final Map<String, Long> CONSTANTS = new LinkedHashMap<>();

    static {
        FIELDS.put("tcpi_state", i -> linuxState(i.state()));
        FIELDS.put("tcpi_ca_state", i -> caState(i.caState()));
        FIELDS.put("tcpi_retransmits", TcpInfo::retransmits);
        FIELDS.put("tcpi_backoff", TcpInfo::backoff);
        FIELDS.put("tcpi_options", i -> (i.timestamps() ? 1 : 0) | (i.sack() ? 2 : 0) | (i.sndWscale() > 0 || i.rcvWscale() > 0 ? 4 : 0));
        FIELDS.put("tcpi_snd_wscale", TcpInfo::sndWscale);
        FIELDS.put("tcpi_rcv_wscale", TcpInfo::rcvWscale);
        FIELDS.put("tcpi_rto", TcpInfo::rtoUs);
        FIELDS.put("tcpi_snd_mss", TcpInfo::sndMss);
        FIELDS.put("tcpi_rcv_mss", TcpInfo::rcvMss);
        FIELDS.put("tcpi_unacked", TcpInfo::unackedSegments);
        FIELDS.put("tcpi_sacked", i -> ceilDiv(i.sackedBytes(), i.sndMss()));
        FIELDS.put("tcpi_rtt", TcpInfo::rttUs);
        FIELDS.put("tcpi_rttvar", TcpInfo::rttvarUs);
        FIELDS.put("tcpi_snd_ssthresh", i -> i.sndSsthreshBytes() >= Integer.MAX_VALUE / 2 ? INFINITE_SSTHRESH
                : i.sndSsthreshBytes() / i.sndMss());
        FIELDS.put("tcpi_snd_cwnd", TcpInfo::sndCwndSegments);
        FIELDS.put("tcpi_total_retrans", TcpInfo::totalRetrans);
        FIELDS.put("tcpi_bytes_acked", TcpInfo::bytesAcked);
        FIELDS.put("tcpi_bytes_received", TcpInfo::bytesReceived);
        FIELDS.put("tcpi_segs_out", TcpInfo::segsOut);
        FIELDS.put("tcpi_segs_in", TcpInfo::segsIn);
        FIELDS.put("tcpi_snd_wnd", TcpInfo::sndWnd);
        FIELDS.put("tcpi_rcv_wnd", TcpInfo::rcvWnd);

        CONSTANTS.put("TCP_CA_Open", 0L);
        CONSTANTS.put("TCP_CA_Disorder", 1L);
        CONSTANTS.put("TCP_CA_CWR", 2L);
        CONSTANTS.put("TCP_CA_Recovery", 3L);
        CONSTANTS.put("TCP_CA_Loss", 4L);
        String[] states = {"TCP_ESTABLISHED", "TCP_SYN_SENT", "TCP_SYN_RECV", "TCP_FIN_WAIT1", "TCP_FIN_WAIT2",
            "TCP_TIME_WAIT", "TCP_CLOSE", "TCP_CLOSE_WAIT", "TCP_LAST_ACK", "TCP_LISTEN", "TCP_CLOSING"};
        for (int k = 0; k < states.length; k++) {
            CONSTANTS.put(states[k], k + 1L);
        }
        CONSTANTS.put("TCPI_OPT_TIMESTAMPS", 1L);
        CONSTANTS.put("TCPI_OPT_SACK", 2L);
        CONSTANTS.put("TCPI_OPT_WSCALE", 4L);
    }

    private TcpInfoVariables() {
    }

    public static boolean isKnown(String name) {
        return FIELDS.containsKey(name) || CONSTANTS.containsKey(name);
    }

    public static Set<String> names() {
        return FIELDS.keySet();
    }

    /** The value of {@code name} for {@code info}; {@code info} may be null for constants only. */
    public static long value(String name, TcpInfo info) {
        Long c = CONSTANTS.get(name);
        if (c != null) {
            return c;
        }
        ToLongFunction<TcpInfo> f = FIELDS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown name '" + name + "'");
        }
        return f.applyAsLong(info);
    }

    public static boolean isConstant(String name) {
        return CONSTANTS.containsKey(name);
    }

    /** Linux's numbering of TCP states (include/net/tcp_states.h). */
    static long linuxState(TcpState s) {
        return switch (s) {
            case ESTABLISHED -> 1;
            case SYN_SENT -> 2;
            case SYN_RECEIVED -> 3;
            case FIN_WAIT_1 -> 4;
            case FIN_WAIT_2 -> 5;
            case TIME_WAIT -> 6;
            case CLOSED -> 7;
            case CLOSE_WAIT -> 8;
            case LAST_ACK -> 9;
            case LISTEN -> 10;
            case CLOSING -> 11;
        };
    }

    /** Linux's tcp_ca_state numbering; the engine has no CWR state (no ECN). */
    static long caState(CaState s) {
        return switch (s) {
            case OPEN -> 0;
            case DISORDER -> 1;
            case RECOVERY -> 3;
            case LOSS -> 4;
        };
    }

    private static long ceilDiv(long a, long b) {
        return b <= 0 ? 0 : (a + b - 1) / b;
    }
}
