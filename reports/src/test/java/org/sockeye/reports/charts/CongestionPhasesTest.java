package org.sockeye.reports.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.reports.series.TimeSeries;

class CongestionPhasesTest {
    @Test
    void rfc5681Section3_1_slowStartWhileCwndBelowSsthresh() {
        // cwnd grows, loss at t=2 halves it (ssthresh 20), timeout at t=4 drops cwnd to 1 below ssthresh.
        TimeSeries cwnd = new TimeSeries("cwnd", "f", new double[] {0, 1, 2, 3, 4, 5, 6},
                new double[] {10, 20, 20, 25, 1, 8, 16});
        TimeSeries ssthresh = new TimeSeries("ssthresh", "f", new double[] {0, 2, 4},
                new double[] {Double.MAX_VALUE, 20, 12});
        List<double[]> ss = CongestionPhases.slowStartIntervals(cwnd, ssthresh, 7);
        assertEquals(2, ss.size());
        assertArrayEquals(new double[] {0, 2}, ss.get(0));
        // From the timeout until cwnd (16) reaches ssthresh (12) at t=6.
        assertArrayEquals(new double[] {4, 6}, ss.get(1));
    }

    @Test
    void noSsthreshMeansSlowStartToTheEnd() {
        TimeSeries cwnd = new TimeSeries("cwnd", "f", new double[] {1, 2}, new double[] {10, 20});
        List<double[]> ss = CongestionPhases.slowStartIntervals(cwnd, null, 5);
        assertEquals(1, ss.size());
        assertArrayEquals(new double[] {1, 5}, ss.get(0));
    }
}
