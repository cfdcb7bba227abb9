package org.sockeye.reports.charts;

import java.util.ArrayList;
import java.util.List;
import org.sockeye.reports.series.TimeSeries;

/**
 * Splits a flow's life into slow start (cwnd &lt; ssthresh, RFC 5681 section 3.1) and congestion
 * avoidance (cwnd &ge; ssthresh), from the sampled cwnd and ssthresh step series.
 */
public final class CongestionPhases {
    private CongestionPhases() {
    }

    /**
     * Time intervals {start, end} spent in slow start, in time order, up to {@code end}. A flow with no
     * ssthresh sample yet is in slow start (ssthresh starts "unlimited", RFC 5681 section 3.1).
     */
    public static List<double[]> slowStartIntervals(TimeSeries cwnd, TimeSeries ssthresh, double end) {
        List<double[]> out = new ArrayList<>();
        double[] ct = cwnd.times();
        double[] cv = cwnd.values();
        double[] st = ssthresh == null ? new double[0] : ssthresh.times();
        double[] sv = ssthresh == null ? new double[0] : ssthresh.values();
        int i = 0;
        int j = 0;
        double c = Double.NaN;
        double s = Double.POSITIVE_INFINITY;
        double openedAt = Double.NaN;
        // Walk both step series in time order; the phase can only change at a sample of either.
        while (i < ct.length || j < st.length) {
            double t = j >= st.length || (i < ct.length && ct[i] <= st[j]) ? ct[i] : st[j];
            while (i < ct.length && ct[i] == t) {
                c = cv[i++];
            }
            while (j < st.length && st[j] == t) {
                s = Double.isNaN(sv[j]) ? Double.POSITIVE_INFINITY : sv[j];
                j++;
            }
            boolean slowStart = !Double.isNaN(c) && c < s;
            if (slowStart && Double.isNaN(openedAt)) {
                openedAt = t;
            } else if (!slowStart && !Double.isNaN(openedAt)) {
                out.add(new double[] {openedAt, t});
                openedAt = Double.NaN;
            }
        }
        if (!Double.isNaN(openedAt) && end > openedAt) {
            out.add(new double[] {openedAt, end});
        }
        return out;
    }
}
