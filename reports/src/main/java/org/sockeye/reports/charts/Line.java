package org.sockeye.reports.charts;

import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;

/**
 * One drawn series: already scaled x and y arrays, a legend label and its look. A null stroke draws
 * only shapes (event markers); a null shape draws only the line.
 */
record Line(String label, double[] x, double[] y, Color colour, Stroke stroke, Shape shape, boolean step,
            boolean filledShape) {

    static Line line(String label, double[] x, double[] y, Color colour, Stroke stroke, boolean step) {
        return new Line(label, x, y, colour, stroke, null, step, false);
    }

    static Line markers(String label, double[] x, double[] y, Color colour, Shape shape, boolean filled) {
        return new Line(label, x, y, colour, null, shape, false, filled);
    }

    /** The corner points of this series drawn as steps (each value held until the next sample). */
    Line withSteps() {
        int n = x.length;
        if (n < 2) {
            return this;
        }
        double[] sx = new double[2 * n - 1];
        double[] sy = new double[2 * n - 1];
        sx[0] = x[0];
        sy[0] = y[0];
        for (int i = 1; i < n; i++) {
            sx[2 * i - 1] = x[i];
            sy[2 * i - 1] = y[i - 1];
            sx[2 * i] = x[i];
            sy[2 * i] = y[i];
        }
        return new Line(label, sx, sy, colour, stroke, shape, false, filledShape);
    }

    boolean isEmpty() {
        return x.length == 0;
    }

    double maxY() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }
}
