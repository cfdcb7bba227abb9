package org.sockeye.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DecimatorTest {
    @Test
    void m4KeepsFirstLastAndExtremesOfEachSlice() {
        int n = 100_000;
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            v[i] = Math.sin(i / 500.0);
        }
        v[54_321] = 7; // a spike must survive
        v[12_345] = -7;
        double[][] d = Decimator.m4(t, v, 100);
        assertTrue(d[0].length <= 400, "at most 4 points per slice, got " + d[0].length);
        assertEquals(0, d[0][0]);
        assertEquals(n - 1, d[0][d[0].length - 1]);
        assertEquals(7, Arrays.stream(d[1]).max().getAsDouble());
        assertEquals(-7, Arrays.stream(d[1]).min().getAsDouble());
        for (int i = 1; i < d[0].length; i++) {
            assertTrue(d[0][i] > d[0][i - 1], "time order kept");
        }
    }

    @Test
    void smallSeriesAreLeftAlone() {
        double[] t = {1, 2, 3};
        double[] v = {4, 5, 6};
        assertSame(t, Decimator.m4(t, v, 100)[0]);
    }

    @Test
    void scatterKeepsOnePointPerCell() {
        int n = 50_000;
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 1e-3;
            v[i] = i % 2 == 0 ? 0 : 1000; // two horizontal bands
        }
        double[][] d = Decimator.scatter(t, v, 400, 200);
        assertTrue(d[0].length <= 800 && d[0].length >= 400, "got " + d[0].length);
        assertTrue(Arrays.stream(d[1]).anyMatch(x -> x == 0));
        assertTrue(Arrays.stream(d[1]).anyMatch(x -> x == 1000));
    }
}
