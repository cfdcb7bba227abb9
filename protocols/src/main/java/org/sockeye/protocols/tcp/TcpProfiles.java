package org.sockeye.protocols.tcp;

/**
 * Named stacks of TCP defaults.
 *
 * <table>
 * <caption>Defaults and their sources</caption>
 * <tr><th>key</th><th>linux()</th><th>rfc()</th><th>sources</th></tr>
 * <tr><td>mss</td><td>1460</td><td>1460</td><td>1500-byte MTU minus 40 (RFC 9293 §3.7.1); timestamps take 12 more</td></tr>
 * <tr><td>initial-window</td><td>10 segments</td><td>min(4·MSS, max(2·MSS, 4380))</td><td>RFC 6928 (Linux TCP_INIT_CWND); RFC 5681 §3.1</td></tr>
 * <tr><td>min-rto</td><td>200 ms</td><td>1 s</td><td>Linux TCP_RTO_MIN; RFC 6298 §2.4</td></tr>
 * <tr><td>max-rto</td><td>120 s</td><td>60 s</td><td>Linux TCP_RTO_MAX; RFC 6298 §2.5</td></tr>
 * <tr><td>rto-min-on-variance</td><td>on</td><td>off</td><td>Linux tcp_set_rto (min bounds the variance term)</td></tr>
 * <tr><td>delayed-ack</td><td>40 ms</td><td>200 ms</td><td>Linux TCP_DELACK_MIN; RFC 1122 §4.2.3.2 (&lt; 0.5 s), BSD 200 ms</td></tr>
 * <tr><td>quickack-segments</td><td>16</td><td>0</td><td>Linux TCP_MAX_QUICKACKS at connection start</td></tr>
 * <tr><td>congestion-control</td><td>cubic</td><td>newreno</td><td>Linux default (RFC 9438); RFC 5681 + RFC 6582</td></tr>
 * <tr><td>sack</td><td>on</td><td>off</td><td>Linux tcp_sack=1; RFC 2018 is optional</td></tr>
 * <tr><td>timestamps</td><td>on</td><td>off</td><td>Linux tcp_timestamps=1; RFC 7323 is optional</td></tr>
 * <tr><td>window-scaling</td><td>on, shift 7 (more if rcvbuf needs it)</td><td>off</td><td>Linux tcp_window_scaling=1, shift for tcp_rmem[2]=6 MiB; a larger buffer gets the shift that covers it (tcp_select_initial_window)</td></tr>
 * <tr><td>time-wait</td><td>60 s</td><td>240 s</td><td>Linux TCP_TIMEWAIT_LEN; 2·MSL with MSL = 2 min (RFC 9293 §3.4.2)</td></tr>
 * <tr><td>rcvbuf</td><td>131072</td><td>65535</td><td>Linux tcp_rmem[1] (no autotuning modelled); largest unscaled window</td></tr>
 * <tr><td>sndbuf</td><td>16384</td><td>65535</td><td>Linux tcp_wmem[1] (no autotuning modelled); symmetric with rcvbuf</td></tr>
 * <tr><td>nagle, nagle-minshall</td><td>on, on</td><td>on, off</td><td>RFC 896 / RFC 1122 §4.2.3.4; Linux tcp_minshall_check</td></tr>
 * <tr><td>slow-start-byte-count</td><td>on</td><td>off</td><td>Linux tcp_slow_start, tcp_cong_avoid_ai; RFC 5681 §3.1 min(N, SMSS) per ACK in slow start and SMSS·SMSS/cwnd per ACK in congestion avoidance (as ns-3)</td></tr>
 * <tr><td>limited-transmit</td><td>on</td><td>on</td><td>RFC 3042 (Linux does it too)</td></tr>
 * <tr><td>fast-open</td><td>on</td><td>off</td><td>Linux tcp_fastopen=1 is client-only; here one switch enables both; RFC 7413 is experimental</td></tr>
 * <tr><td>syn-retries</td><td>6</td><td>6</td><td>Linux tcp_syn_retries; RFC 9293 §3.8.3 asks for ≥ 3 min, which 6 doublings of 1 s exceed</td></tr>
 * <tr><td>retries</td><td>15</td><td>15</td><td>Linux tcp_retries2; RFC 1122 §4.2.3.5 R2 ≥ 100 s</td></tr>
 * <tr><td>keepalive-idle/interval/count</td><td>7200 s / 75 s / 9</td><td>same</td><td>Linux tcp_keepalive_*; RFC 1122 §4.2.3.6</td></tr>
 * <tr><td>recovery</td><td>prr</td><td>inflation</td><td>Linux since 3.2 and ns-3 3.37 use PRR, RFC 6937 (slow-start
 * reduction bound); RFC 5681 §3.2 / RFC 6582 §3.2 window inflation (RFC 6675 §5 with SACK)</td></tr>
 * <tr><td>cork-timeout</td><td>200 ms</td><td>200 ms</td><td>Linux TCP_CORK ceiling (tcp(7))</td></tr>
 * <tr><td>loss-reduction</td><td>cwnd</td><td>flight</td><td>what a congestion event halves (or scales by β):
 *     Linux tcp_reno_ssthresh/CUBIC use cwnd; RFC 5681 eq. 4 FlightSize; {@code in-network} models ns-3's
 *     BytesInFlight</td></tr>
 * </table>
 */
public final class TcpProfiles {
    private TcpProfiles() {
    }

    public static TcpConfig linux() {
        return new TcpConfig(1460, 10, 200 * Units.MS, 120 * Units.S, true, 40 * Units.MS, 16, "cubic", true, true,
                true, 7, 60 * Units.S, 131072, 16384, true, true, true, true, true, 0x5eed_cafe_f00d_d00dL, 6, 15,
                7200 * Units.S, 75 * Units.S, 9, 200 * Units.MS, RecoveryWindow.PRR, LossReduction.CWND);
    }

    public static TcpConfig rfc() {
        return new TcpConfig(1460, 0, Units.S, 60 * Units.S, false, 200 * Units.MS, 0, "newreno", false, false,
                false, -1, 240 * Units.S, 65535, 65535, true, false, false, true, false, 0x5eed_cafe_f00d_d00dL, 6,
                15, 7200 * Units.S, 75 * Units.S, 9, 200 * Units.MS, RecoveryWindow.INFLATION, LossReduction.FLIGHT);
    }

    /** Profile by name ("linux" or "rfc"). */
    public static TcpConfig byName(String name) {
        return switch (name) {
            case "linux" -> linux();
            case "rfc" -> rfc();
            default -> throw new IllegalArgumentException("unknown TCP profile '" + name + "'; known: linux, rfc");
        };
    }
}
