package org.sockeye.batch;

import org.sockeye.config.SweepChartSpec;

/** Analytic models of steady-state TCP Reno throughput under random loss, in bits per second. */
public final class TcpModels {
    private TcpModels() {
    }

    /**
     * Mathis, Semke, Mahdavi and Ott (1997), "The macroscopic behavior of the TCP congestion
     * avoidance algorithm": throughput = (MSS / RTT) · C / √p with C = √(3 / (2b)), b the number
     * of segments each ACK acknowledges (2 with delayed ACKs).
     */
    public static double mathis(SweepChartSpec.TcpModelInputs m, double p) {
        return m.mssBytes() * 8 / m.rttSeconds() * Math.sqrt(3 / (2 * m.b())) / Math.sqrt(p);
    }

    /**
     * Padhye, Firoiu, Towsley and Kurose (1998), "Modeling TCP throughput: a simple model and its
     * empirical validation", eq. (31) without the receiver-window cap: it adds retransmission
     * timeouts (T0 = RTO) to the square-root law, so it falls faster at high loss.
     */
    public static double padhye(SweepChartSpec.TcpModelInputs m, double p) {
        double b = m.b();
        double denominator = m.rttSeconds() * Math.sqrt(2 * b * p / 3)
                + m.rtoSeconds() * Math.min(1, 3 * Math.sqrt(3 * b * p / 8)) * p * (1 + 32 * p * p);
        return m.mssBytes() * 8 / denominator;
    }
}
