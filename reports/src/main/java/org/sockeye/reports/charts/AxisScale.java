package org.sockeye.reports.charts;

/**
 * A unit for an axis, picked from the largest value to draw so tick labels stay short:
 * values are divided by {@code divisor} and the axis reads "{@code quantity} ({@code unit})".
 */
public record AxisScale(double divisor, String unit) {
    private static final double KIB = 1024;
    private static final double MIB = 1024 * 1024;
    private static final double GIB = 1024 * 1024 * 1024;

    /** Bytes: B below 4 KiB, KiB below 4 MiB, MiB below 4 GiB, else GiB (ticks stay under 4 digits). */
    public static AxisScale bytes(double max) {
        double m = Double.isFinite(max) ? Math.abs(max) : 0;
        if (m < 4 * KIB) {
            return new AxisScale(1, "bytes");
        }
        if (m < 4 * MIB) {
            return new AxisScale(KIB, "KiB");
        }
        if (m < 4 * GIB) {
            return new AxisScale(MIB, "MiB");
        }
        return new AxisScale(GIB, "GiB");
    }

    /** Bit rates in decimal units, as link rates are quoted. */
    public static AxisScale bitRate(double max) {
        double m = Double.isFinite(max) ? Math.abs(max) : 0;
        if (m < 2e3) {
            return new AxisScale(1, "bit/s");
        }
        if (m < 2e6) {
            return new AxisScale(1e3, "kbit/s");
        }
        if (m < 2e9) {
            return new AxisScale(1e6, "Mbit/s");
        }
        return new AxisScale(1e9, "Gbit/s");
    }

    /** Durations: µs below 1 ms, ms below 1 s, else s. */
    public static AxisScale seconds(double max) {
        double m = Double.isFinite(max) ? Math.abs(max) : 0;
        if (m < 1e-3) {
            return new AxisScale(1e-6, "µs");
        }
        if (m < 1) {
            return new AxisScale(1e-3, "ms");
        }
        return new AxisScale(1, "s");
    }

    public static AxisScale none(String unit) {
        return new AxisScale(1, unit);
    }

    public double apply(double v) {
        return v / divisor;
    }

    /** An axis label such as "cwnd (KiB)". */
    public String label(String quantity) {
        return unit.isEmpty() ? quantity : quantity + " (" + unit + ")";
    }
}
