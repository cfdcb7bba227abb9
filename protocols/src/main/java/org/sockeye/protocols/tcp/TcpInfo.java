package org.sockeye.protocols.tcp;

/**
 * A tcp_info-like snapshot of one connection. Times are microseconds as in Linux; windows are
 * given both in bytes and in segments of the sender MSS. {@code timeouts} counts every
 * retransmission-timer expiry that retransmitted (SYN, SYN-ACK or data), like Linux's tcpi_total_rto.
 */
public record TcpInfo(TcpState state, CaState caState, String congestionControl, int sndMss, int rcvMss,
        int sndCwndSegments, int sndCwndBytes, int sndSsthreshBytes, long rttUs, long rttvarUs, long rtoUs,
        int unackedSegments, int unackedBytes, int retransmits, int backoff, long totalRetrans, long bytesAcked,
        long bytesReceived, long segsOut, long segsIn, int sndWnd, int rcvWnd, int sndWscale, int rcvWscale,
        boolean sack, boolean timestamps, int sackedBytes, long timeouts) {
}
