package org.sockeye.reports.charts;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Marker shapes, centred on the data point; each event kind has its own so colour is not needed to tell them apart. */
final class Markers {
    private Markers() {
    }

    /** A square: SVG writes it as a short {@code <rect>}, which matters for thousands of segments. */
    static final Shape DOT = new Rectangle2D.Double(-1.5, -1.5, 3, 3);
    static final Shape CIRCLE = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
    static final Shape CROSS = cross(5);
    static final Shape TRIANGLE_DOWN = triangleDown(6);

    /** An X as a thin polygon so it renders with fill alone, identically in PNG and SVG. */
    private static Shape cross(double r) {
        double w = 1.2;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-r, -r + w);
        p.lineTo(-r + w, -r);
        p.lineTo(0, -w);
        p.lineTo(r - w, -r);
        p.lineTo(r, -r + w);
        p.lineTo(w, 0);
        p.lineTo(r, r - w);
        p.lineTo(r - w, r);
        p.lineTo(0, w);
        p.lineTo(-r + w, r);
        p.lineTo(-r, r - w);
        p.lineTo(-w, 0);
        p.closePath();
        return p;
    }

    private static Shape triangleDown(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-r, -r * 0.8);
        p.lineTo(r, -r * 0.8);
        p.lineTo(0, r);
        p.closePath();
        return p;
    }
}
