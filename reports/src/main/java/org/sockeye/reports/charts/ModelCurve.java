package org.sockeye.reports.charts;

import java.util.function.DoubleUnaryOperator;

/**
 * A model prediction drawn over measured points, e.g. the Mathis or Padhye TCP throughput formula:
 * sampled x and y arrays in the same units as the sweep's parameter and metric.
 */
public record ModelCurve(String label, double[] x, double[] y, int group) {
    public ModelCurve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("model curve x and y differ in length");
        }
    }

    /** A curve drawn in neutral grey. */
    public ModelCurve(String label, double[] x, double[] y) {
        this(label, x, y, -1);
    }

    /**
     * The same curve in the colour of the sweep's {@code group}-th measured series (0-based, in
     * order of first appearance), e.g. the model for RTT 20 ms beside the measurements at 20 ms.
     */
    public ModelCurve inColourOf(int measuredGroup) {
        return new ModelCurve(label, x, y, measuredGroup);
    }

    /**
     * Samples {@code f} at {@code points} x values from {@code from} to {@code to}, evenly spaced, or
     * evenly spaced in log(x) when {@code logSpaced} (for curves over loss rates spanning decades).
     */
    public static ModelCurve of(String label, DoubleUnaryOperator f, double from, double to, int points,
                                boolean logSpaced) {
        if (points < 2 || !(to > from) || logSpaced && from <= 0) {
            throw new IllegalArgumentException("need at least 2 points over an increasing (positive, if log) range");
        }
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            double u = (double) i / (points - 1);
            x[i] = logSpaced ? Math.exp(Math.log(from) + u * (Math.log(to) - Math.log(from))) : from + u * (to - from);
            y[i] = f.applyAsDouble(x[i]);
        }
        return new ModelCurve(label, x, y);
    }
}
