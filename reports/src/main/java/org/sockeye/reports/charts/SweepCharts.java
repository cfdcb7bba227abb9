package org.sockeye.reports.charts;

import java.awt.BasicStroke;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.sockeye.reports.Table;

/**
 * Metric-versus-parameter charts for parameter sweeps: measured means with 95 % confidence error
 * bars, one line per value of an optional grouping column, and model curves drawn over them.
 * Reads a summary table with columns {@code <parameter>}, {@code <metric>_mean} and
 * {@code <metric>_ci95} (the half-width), plus the grouping column if given.
 */
public final class SweepCharts {
    private static final Stroke[] MODEL_STROKES = {
        new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f),
        new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f),
        new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 4f, 2f, 4f}, 0f),
    };

    private static final java.awt.Color MINOR_GRID = new java.awt.Color(0xf0f0f0);

    private SweepCharts() {
    }

    /** How to draw one sweep; only {@code parameter} and {@code metric} are required. */
    public record Spec(String name, String title, String parameter, String metric, String groupBy, String xLabel,
                       String yLabel, AxisScale yScale, boolean logX, boolean logY, List<ModelCurve> curves) {
        public Spec {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(metric, "metric");
            name = name == null ? "sweep-" + metric + "-vs-" + parameter : name;
            title = title == null ? metric + " vs " + parameter : title;
            xLabel = xLabel == null ? parameter : xLabel;
            yLabel = yLabel == null ? metric : yLabel;
            yScale = yScale == null ? AxisScale.none("") : yScale;
            curves = curves == null ? List.of() : List.copyOf(curves);
        }

        public static Spec of(String parameter, String metric) {
            return new Spec(null, null, parameter, metric, null, null, null, null, false, false, List.of());
        }

        public Spec withGroupBy(String column) {
            return new Spec(name, title, parameter, metric, column, xLabel, yLabel, yScale, logX, logY, curves);
        }

        public Spec withLabels(String x, String y) {
            return new Spec(name, title, parameter, metric, groupBy, x, y, yScale, logX, logY, curves);
        }

        public Spec withTitle(String t) {
            return new Spec(name, t, parameter, metric, groupBy, xLabel, yLabel, yScale, logX, logY, curves);
        }

        /** Divides metric values (and curves) by the scale and adds its unit to the y label. */
        public Spec withYScale(AxisScale s) {
            return new Spec(name, title, parameter, metric, groupBy, xLabel, yLabel, s, logX, logY, curves);
        }

        public Spec withLogAxes(boolean x, boolean y) {
            return new Spec(name, title, parameter, metric, groupBy, xLabel, yLabel, yScale, x, y, curves);
        }

        public Spec withCurves(List<ModelCurve> c) {
            return new Spec(name, title, parameter, metric, groupBy, xLabel, yLabel, yScale, logX, logY, c);
        }
    }

    /** Draws the sweep; rows whose parameter or mean is blank are skipped. */
    public static Figure plot(Table summary, Spec spec) {
        int px = summary.columnIndex(spec.parameter());
        int pm = summary.columnIndex(spec.metric() + "_mean");
        int pc = summary.columns().indexOf(spec.metric() + "_ci95");
        int pg = spec.groupBy() == null ? -1 : summary.columnIndex(spec.groupBy());
        AxisScale ys = spec.yScale();

        Map<String, YIntervalSeries> groups = new LinkedHashMap<>();
        for (List<Object> row : summary.rows()) {
            double x = number(row.get(px));
            double mean = number(row.get(pm));
            if (Double.isNaN(x) || Double.isNaN(mean) || spec.logX() && x <= 0) {
                continue;
            }
            double ci = pc < 0 ? 0 : number(row.get(pc));
            ci = Double.isNaN(ci) ? 0 : Math.abs(ci);
            String key = pg < 0 ? spec.metric() : spec.groupBy() + " = " + cell(row.get(pg));
            double lo = mean - ci;
            if (spec.logY() && lo <= 0) {
                lo = mean / 1e3; // a log axis cannot show the bar below zero; clip it well below the mean
            }
            groups.computeIfAbsent(key, k -> new YIntervalSeries(k, true, true))
                    .add(x, ys.apply(mean), ys.apply(lo), ys.apply(mean + ci));
        }
        YIntervalSeriesCollection measured = new YIntervalSeriesCollection();
        groups.values().forEach(measured::addSeries);

        ValueAxis xAxis = axis(spec.xLabel(), spec.logX(), false);
        ValueAxis yAxis = axis(ys.label(spec.yLabel()), spec.logY(), true);
        XYPlot plot = ChartStyle.plot(spec.xLabel(), ys.label(spec.yLabel()));
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        // Decade-only ticks on a log axis are sparse; faint minor gridlines (2..9) keep values readable.
        plot.setDomainMinorGridlinesVisible(spec.logX());
        plot.setRangeMinorGridlinesVisible(spec.logY());
        plot.setDomainMinorGridlinePaint(MINOR_GRID);
        plot.setRangeMinorGridlinePaint(MINOR_GRID);
        plot.setDomainMinorGridlineStroke(ChartStyle.THIN);
        plot.setRangeMinorGridlineStroke(ChartStyle.THIN);

        XYErrorRenderer err = new XYErrorRenderer();
        err.setDrawXError(false);
        err.setDrawYError(true);
        err.setErrorStroke(new BasicStroke(1.2f));
        err.setCapLength(6);
        for (int i = 0; i < measured.getSeriesCount(); i++) {
            err.setSeriesPaint(i, Palette.colour(i));
            err.setSeriesStroke(i, ChartStyle.LINE);
            err.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
            err.setSeriesLinesVisible(i, true);
            err.setSeriesShapesVisible(i, true);
        }
        plot.setDataset(0, measured);
        plot.setRenderer(0, err);

        List<ModelCurve> curves = new ArrayList<>(spec.curves());
        for (int i = 0; i < curves.size(); i++) {
            ModelCurve c = curves.get(i);
            double[] y = new double[c.y().length];
            for (int k = 0; k < y.length; k++) {
                double v = ys.apply(c.y()[k]);
                y[k] = spec.logY() && v <= 0 || spec.logX() && c.x()[k] <= 0 ? Double.NaN : v;
            }
            DefaultXYDataset ds = new DefaultXYDataset();
            ds.addSeries(c.label(), new double[][] {c.x(), y});
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setDrawSeriesLineAsPath(true);
            r.setSeriesPaint(0, c.group() < 0 ? Palette.NEUTRAL : Palette.colour(c.group()));
            r.setSeriesStroke(0, MODEL_STROKES[i % MODEL_STROKES.length]);
            plot.setDataset(i + 1, ds);
            plot.setRenderer(i + 1, r);
        }
        JFreeChart chart = ChartStyle.chart(spec.title(), plot, true, false);
        return Figure.single(spec.name(), chart);
    }

    private static ValueAxis axis(String label, boolean log, boolean range) {
        ValueAxis a;
        if (log) {
            LogAxis l = new LogAxis(label);
            l.setSmallestValue(1e-12);
            // Ticks at whole decades, written as plain numbers (0.001, 0.01, 1, 10): the default
            // picks fractional exponents and prints "10^-2.7", which nobody reads at a glance.
            DecimalFormat plain = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
            TickUnits decades = new TickUnits();
            decades.add(new NumberTickUnit(1, plain, 9));
            decades.add(new NumberTickUnit(2, plain, 0));
            decades.add(new NumberTickUnit(3, plain, 0));
            l.setStandardTickUnits(decades);
            l.setNumberFormatOverride(plain);
            l.setMinorTickMarksVisible(true);
            l.setMinorTickCount(9);
            a = l;
        } else {
            NumberAxis n = new NumberAxis(label);
            n.setAutoRangeIncludesZero(range);
            a = n;
        }
        ChartStyle.styleAxis(a);
        return a;
    }

    private static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v == null || v.toString().isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String cell(Object v) {
        if (v instanceof Number n) {
            return org.sockeye.reports.Formats.number(n.doubleValue());
        }
        return v == null ? "" : v.toString();
    }
}
