package org.sockeye.reports.charts;

import java.util.Arrays;

/**
 * Thins a series to what a chart of a given pixel width can show. Within each of {@code buckets}
 * equal time slices it keeps the first, lowest, highest and last samples (the "M4" rule), which
 * draws the same picture as the full series at that width while bounding SVG size and render time.
 */
final class Decimator {
    private Decimator() {
    }

    /** Returns {times, values}; the input arrays themselves when already small enough. */
    static double[][] m4(double[] t, double[] v, int buckets) {
        int n = t.length;
        if (n <= 4L * buckets || n < 2) {
            return new double[][] {t, v};
        }
        double t0 = t[0];
        double span = t[n - 1] - t0;
        if (!(span > 0)) {
            return new double[][] {Arrays.copyOf(t, 1), Arrays.copyOf(v, 1)};
        }
        double[] ot = new double[4 * buckets + 4];
        double[] ov = new double[ot.length];
        int out = 0;
        int i = 0;
        while (i < n) {
            int b = bucket(t[i], t0, span, buckets);
            int first = i;
            int lo = i;
            int hi = i;
            int j = i + 1;
            while (j < n && bucket(t[j], t0, span, buckets) == b) {
                if (v[j] < v[lo]) {
                    lo = j;
                }
                if (v[j] > v[hi]) {
                    hi = j;
                }
                j++;
            }
            int lastIdx = j - 1;
            // Emit the kept samples in time order, each once.
            int[] keep = {first, Math.min(lo, hi), Math.max(lo, hi), lastIdx};
            int prev = -1;
            for (int k : keep) {
                if (k != prev && k > prev) {
                    if (out == ot.length) {
                        ot = Arrays.copyOf(ot, out * 2);
                        ov = Arrays.copyOf(ov, out * 2);
                    }
                    ot[out] = t[k];
                    ov[out] = v[k];
                    out++;
                    prev = k;
                }
            }
            i = j;
        }
        return new double[][] {Arrays.copyOf(ot, out), Arrays.copyOf(ov, out)};
    }

    private static int bucket(double t, double t0, double span, int buckets) {
        int b = (int) ((t - t0) / span * buckets);
        return Math.min(b, buckets - 1);
    }

    /**
     * Thins a scatter of points to one per cell of a {@code xCells} by {@code yCells} grid over the
     * data's extent (about two pixels a cell at chart size): overlapping markers add nothing to the
     * picture but an element each to an SVG. Keeps the earliest point of each cell, in input order.
     */
    static double[][] scatter(double[] t, double[] v, int xCells, int yCells) {
        int n = t.length;
        if (n <= (long) xCells || n < 2) {
            return new double[][] {t, v};
        }
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = Double.NEGATIVE_INFINITY;
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            tMin = Math.min(tMin, t[i]);
            tMax = Math.max(tMax, t[i]);
            if (Double.isFinite(v[i])) {
                vMin = Math.min(vMin, v[i]);
                vMax = Math.max(vMax, v[i]);
            }
        }
        double tSpan = tMax > tMin ? tMax - tMin : 1;
        double vSpan = vMax > vMin ? vMax - vMin : 1;
        java.util.BitSet seen = new java.util.BitSet(xCells * yCells);
        double[] ot = new double[Math.min(n, xCells * 4)];
        double[] ov = new double[ot.length];
        int out = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                continue;
            }
            int cx = Math.min(xCells - 1, (int) ((t[i] - tMin) / tSpan * xCells));
            int cy = Math.min(yCells - 1, (int) ((v[i] - vMin) / vSpan * yCells));
            int cell = cx * yCells + cy;
            if (seen.get(cell)) {
                continue;
            }
            seen.set(cell);
            if (out == ot.length) {
                ot = Arrays.copyOf(ot, out * 2);
                ov = Arrays.copyOf(ov, out * 2);
            }
            ot[out] = t[i];
            ov[out] = v[i];
            out++;
        }
        return new double[][] {Arrays.copyOf(ot, out), Arrays.copyOf(ov, out)};
    }
}
