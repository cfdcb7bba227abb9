package org.sockeye.reports.charts;

import static org.sockeye.reports.series.SeriesCatalog.ACK;
import static org.sockeye.reports.series.SeriesCatalog.CPU;
import static org.sockeye.reports.series.SeriesCatalog.SOFTIRQ;
import static org.sockeye.reports.series.SeriesCatalog.CWND;
import static org.sockeye.reports.series.SeriesCatalog.DROPS;
import static org.sockeye.reports.series.SeriesCatalog.FAST_RECOVERY;
import static org.sockeye.reports.series.SeriesCatalog.GOODPUT;
import static org.sockeye.reports.series.SeriesCatalog.LATENCY;
import static org.sockeye.reports.series.SeriesCatalog.QUEUE;
import static org.sockeye.reports.series.SeriesCatalog.QUEUE_BYTES;
import static org.sockeye.reports.series.SeriesCatalog.RETRANSMIT;
import static org.sockeye.reports.series.SeriesCatalog.RTO;
import static org.sockeye.reports.series.SeriesCatalog.SEQ_SENT;
import static org.sockeye.reports.series.SeriesCatalog.SRTT;
import static org.sockeye.reports.series.SeriesCatalog.SSTHRESH;
import static org.sockeye.reports.series.SeriesCatalog.THROUGHPUT;
import static org.sockeye.reports.series.SeriesCatalog.TIMEOUT;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;
import org.sockeye.reports.series.TimeSeries;
import org.sockeye.reports.series.TimeSeriesSet;

/**
 * Builds the standard charts from a {@link TimeSeriesSet}. Each method returns a {@link Figure}, or
 * empty when the data it needs is absent, so callers draw exactly what the data supports.
 */
public final class Charts {
    /** An ssthresh at or above this is the "unlimited" initial value (Linux: TCP_INFINITE_SSTHRESH). */
    static final double UNLIMITED_SSTHRESH = 0x7fff_ffffL;
    /** ssthresh far above every cwnd is drawn as unlimited too, so it cannot flatten the cwnd axis. */
    static final double SSTHRESH_DRAW_FACTOR = 16;
    private static final String TIME = "time (s)";

    private final TimeSeriesSet data;
    private final Palette flowColours;
    private final Palette linkColours;
    private final int maxPerChart;
    private final double from;
    private final double to;
    private final int buckets;

    /**
     * @param maxPerChart subjects drawn on one plot before switching to a grid of small multiples
     * @param from        start of the time axis in seconds, or -Infinity to fit the data
     * @param to          end of the time axis in seconds, or +Infinity to fit the data
     */
    public Charts(TimeSeriesSet data, Palette flowColours, Palette linkColours, int maxPerChart,
                  double from, double to) {
        this.data = data;
        this.flowColours = flowColours;
        this.linkColours = linkColours;
        this.maxPerChart = Math.max(1, maxPerChart);
        this.from = from;
        this.to = to;
        this.buckets = Figure.DEFAULT_WIDTH;
    }

    // ---------------------------------------------------------------- per-flow charts

    /** The cwnd sawtooth with ssthresh, slow-start shading, and loss events on the cwnd line. */
    public Optional<Figure> cwnd(String flow) {
        Optional<TimeSeries> cw = data.get(CWND, flow);
        if (cw.isEmpty()) {
            return Optional.empty();
        }
        TimeSeries cwnd = cw.get();
        TimeSeries ssthresh = data.get(SSTHRESH, flow).orElse(null);
        double end = lastTime(flow, CWND, SSTHRESH, RETRANSMIT, TIMEOUT, FAST_RECOVERY);
        double cwndMax = cwnd.maxValue();
        double[] ssDrawn = ssthresh == null ? new double[0] : drawableSsthresh(ssthresh.values(), cwndMax);
        AxisScale scale = AxisScale.bytes(Math.max(cwndMax, max(ssDrawn)));

        List<Line> lines = new ArrayList<>();
        lines.add(stepLine("cwnd", cwnd.times(), cwnd.values(), end, scale, flowColours.colour(flow),
                ChartStyle.LINE));
        if (ssthresh != null) {
            lines.add(stepLine("ssthresh (hidden while unlimited)", ssthresh.times(), ssDrawn, end, scale,
                    Palette.NEUTRAL, ChartStyle.DASHED));
        }
        // A retransmission sits where the loss was found (cwnd just before the event, the sawtooth's
        // peak); timeout and fast recovery where they leave cwnd (the value set at the event).
        lines.add(eventsOn("retransmission", RETRANSMIT, flow, cwnd, true, scale, Palette.LOSS, Markers.CROSS,
                true));
        lines.add(eventsOn("timeout", TIMEOUT, flow, cwnd, false, scale, Palette.TIMEOUT, Markers.TRIANGLE_DOWN,
                true));
        lines.add(eventsOn("fast recovery", FAST_RECOVERY, flow, cwnd, false, scale, Palette.NEUTRAL,
                Markers.CIRCLE, false));

        XYPlot plot = plot(lines, TIME, scale.label("window"));
        List<double[]> slowStart = CongestionPhases.slowStartIntervals(cwnd, ssthresh, end);
        for (double[] iv : slowStart) {
            IntervalMarker m = new IntervalMarker(iv[0], iv[1], Palette.SLOW_START);
            m.setOutlinePaint(null);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        if (!slowStart.isEmpty()) {
            addLegendItem(plot, new LegendItem("slow start (cwnd < ssthresh)", null, null, null,
                    new java.awt.Rectangle(-6, -6, 12, 12), Palette.SLOW_START, ChartStyle.THIN, Color.GRAY));
        }
        return Optional.of(Figure.single(fileName("cwnd", flow),
                ChartStyle.chart("Congestion window: " + flow, plot, true, false)));
    }

    /** Time–sequence graph: segments sent, the ACK line, retransmissions in red. */
    public Optional<Figure> timeSequence(String flow) {
        Optional<TimeSeries> sent = data.get(SEQ_SENT, flow);
        Optional<TimeSeries> ack = data.get(ACK, flow);
        if (sent.isEmpty() && ack.isEmpty()) {
            return Optional.empty();
        }
        double max = Math.max(sent.map(TimeSeries::maxValue).orElse(0.0), ack.map(TimeSeries::maxValue).orElse(0.0));
        AxisScale scale = AxisScale.bytes(max);
        List<Line> lines = new ArrayList<>();
        sent.ifPresent(s -> {
            double[][] d = Decimator.scatter(s.times(), s.values(), buckets / 3, Figure.DEFAULT_HEIGHT / 3);
            lines.add(scaled(Line.markers("segment sent (end seq)", d[0], d[1], flowColours.colour(flow),
                    Markers.DOT, true), scale));
        });
        ack.ifPresent(a -> lines.add(stepLine("ACK received", a.times(), a.values(), Double.NaN, scale,
                Palette.NEUTRAL, ChartStyle.LINE)));
        data.get(RETRANSMIT, flow).ifPresent(r -> lines.add(scaled(Line.markers("retransmission", r.times(),
                r.values(), Palette.LOSS, Markers.CROSS, true), scale)));
        XYPlot plot = plot(lines, TIME, scale.label("relative sequence number"));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        return Optional.of(Figure.single(fileName("tseq", flow),
                ChartStyle.chart("Time–sequence: " + flow, plot, true, false)));
    }

    // ---------------------------------------------------------------- per-link charts

    /**
     * Queue occupancy of one link direction, with drops marked and counted on a second axis; empty
     * for a direction whose queue stayed empty without drops.
     */
    public Optional<Figure> queue(String link) {
        Optional<TimeSeries> q = data.get(QUEUE, link).or(() -> data.get(QUEUE_BYTES, link));
        if (q.isEmpty()) {
            return Optional.empty();
        }
        TimeSeries queue = q.get();
        Optional<TimeSeries> drops = data.get(DROPS, link);
        if (!(queue.maxValue() > 0) && !(drops.map(TimeSeries::maxValue).orElse(0.0) > 0)) {
            return Optional.empty(); // never queued, never dropped: a flat line says nothing
        }
        boolean bytes = queue.series().equals(QUEUE_BYTES);
        AxisScale scale = bytes ? AxisScale.bytes(queue.maxValue()) : AxisScale.none("packets");
        double end = lastTime(link, QUEUE, QUEUE_BYTES, DROPS);
        List<Line> lines = new ArrayList<>();
        lines.add(stepLine("queue", queue.times(), queue.values(), end, scale, linkColours.colour(link),
                ChartStyle.LINE));
        double[][] dropEvents = drops.map(Charts::increments).orElse(new double[][] {{}, {}});
        if (dropEvents[0].length > 0) {
            double[] at = new double[dropEvents[0].length];
            for (int i = 0; i < at.length; i++) {
                at[i] = queue.stepValueAt(dropEvents[0][i]);
            }
            lines.add(scaled(Line.markers("drop", dropEvents[0], at, Palette.LOSS, Markers.CROSS, true), scale));
        }
        XYPlot plot = plot(lines, TIME, scale.label("queue"));
        if (drops.isPresent() && drops.get().maxValue() > 0) {
            // Cumulative drops on their own axis: its scale has nothing to do with queue length.
            NumberAxis right = new NumberAxis("drops (cumulative packets)");
            ChartStyle.styleAxis(right);
            right.setLabelPaint(Palette.LOSS);
            right.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            plot.setRangeAxis(1, right);
            int idx = plot.getDatasetCount();
            Line cum = stepLine("drops (cumulative, right axis)", drops.get().times(), drops.get().values(), end,
                    AxisScale.none(""), Palette.LOSS, ChartStyle.THIN);
            addLine(plot, idx, cum);
            plot.mapDatasetToRangeAxis(idx, 1);
        }
        return Optional.of(Figure.single(fileName("queue", link),
                ChartStyle.chart("Queue: " + link, plot, true, false)));
    }

    /** Throughput of every link direction that has it. */
    public Optional<Figure> linkThroughput(List<String> links) {
        return overlayOrGrid("link-throughput", "Link throughput", THROUGHPUT, links, linkColours,
                maxOf(THROUGHPUT, links, AxisScale::bitRate), "throughput", this::timeLines);
    }

    /** CPU utilisation per host (solid) and the part of it spent in softirq (dashed), 0-100 %. */
    public Optional<Figure> cpu(List<String> hosts) {
        List<String> present = hosts.stream().filter(h -> data.get(CPU, h).isPresent()).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        AxisScale percent = new AxisScale(0.01, "%");
        return grouped("cpu", "CPU utilisation", present, flowColours, percent.label("CPU busy"), TIME,
                subjects -> {
                    List<Line> lines = new ArrayList<>();
                    boolean one = subjects.size() == 1;
                    for (String h : subjects) {
                        Color c = flowColours.colour(h);
                        String prefix = one ? "" : h + " ";
                        data.get(CPU, h).ifPresent(s -> lines.add(stepLine(prefix + "busy", s.times(), s.values(),
                                Double.NaN, percent, c, ChartStyle.LINE)));
                        data.get(SOFTIRQ, h).ifPresent(s -> lines.add(stepLine(prefix + "softirq", s.times(),
                                s.values(), Double.NaN, percent, c, ChartStyle.DASHED)));
                    }
                    return lines;
                });
    }

    // ---------------------------------------------------------------- all-flow charts

    public Optional<Figure> goodput(List<String> flows) {
        return overlayOrGrid("goodput", "Goodput", GOODPUT, flows, flowColours,
                maxOf(GOODPUT, flows, AxisScale::bitRate), "goodput", this::timeLines);
    }

    /** Smoothed RTT (solid) and retransmission timeout (dashed) per flow, in the flow's colour. */
    public Optional<Figure> rtt(List<String> flows) {
        List<String> present = flows.stream()
                .filter(f -> data.get(SRTT, f).isPresent() || data.get(RTO, f).isPresent()).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        double max = 0;
        for (String f : present) {
            max = Math.max(max, data.get(SRTT, f).map(TimeSeries::maxValue).orElse(0.0));
            max = Math.max(max, data.get(RTO, f).map(TimeSeries::maxValue).orElse(0.0));
        }
        AxisScale scale = AxisScale.seconds(max);
        boolean one = present.size() == 1;
        return grouped("rtt", "RTT and RTO", present, flowColours, scale.label("srtt, rto"), TIME, subjects -> {
            List<Line> lines = new ArrayList<>();
            for (String f : subjects) {
                Color c = flowColours.colour(f);
                String prefix = one || subjects.size() == 1 ? "" : f + " ";
                data.get(SRTT, f).ifPresent(s -> lines.add(stepLine(prefix + "srtt", s.times(), s.values(),
                        Double.NaN, scale, c, ChartStyle.LINE)));
                data.get(RTO, f).ifPresent(s -> lines.add(stepLine(prefix + "rto", s.times(), s.values(),
                        Double.NaN, scale, c, ChartStyle.DASHED)));
            }
            return lines;
        });
    }

    /** Distribution of request–response latency per application. */
    public Optional<Figure> latencyCdf(List<String> apps) {
        List<String> present = apps.stream().filter(a -> data.get(LATENCY, a).isPresent()).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        AxisScale scale = maxOf(LATENCY, present, AxisScale::seconds);
        return grouped("latency-cdf", "Latency CDF", present, flowColours, "fraction of operations ≤ latency",
                scale.label("latency"), subjects -> {
                    List<Line> lines = new ArrayList<>();
                    for (String a : subjects) {
                        double[][] cdf = cdf(data.get(LATENCY, a).get().values(), 2 * buckets);
                        lines.add(scaledX(Line.line(a, cdf[0], cdf[1], flowColours.colour(a), ChartStyle.LINE,
                                true), scale));
                    }
                    return lines;
                }).map(Charts::pinFractionAxis);
    }

    /** The latency CDF with its fraction axis pinned to [0, 1]. */
    private static Figure pinFractionAxis(Figure f) {
        for (JFreeChart c : f.panels()) {
            c.getXYPlot().getRangeAxis().setRange(0, 1);
        }
        return f;
    }

    // ---------------------------------------------------------------- building blocks

    private List<Line> timeLines(String series, List<String> subjects, Palette palette, AxisScale scale) {
        List<Line> lines = new ArrayList<>();
        for (String s : subjects) {
            java.awt.Stroke stroke = palette.cycle(s) % 2 == 0 ? ChartStyle.LINE : ChartStyle.DASHED;
            data.get(series, s).ifPresent(ts -> lines.add(stepLine(s, ts.times(), ts.values(), Double.NaN, scale,
                    palette.colour(s), stroke)));
        }
        return lines;
    }

    private interface LineMaker {
        List<Line> lines(String series, List<String> subjects, Palette palette, AxisScale scale);
    }

    private Optional<Figure> overlayOrGrid(String name, String title, String series, List<String> subjects,
                                           Palette palette, AxisScale scale, String quantity, LineMaker maker) {
        List<String> present = subjects.stream().filter(s -> data.get(series, s).isPresent()).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        return grouped(name, title, present, palette, scale.label(quantity), TIME,
                group -> maker.lines(series, group, palette, scale));
    }

    /**
     * Up to {@code maxPerChart} subjects share one plot; more become small multiples, one subject a
     * panel, all on the same axes ranges so panels compare at a glance.
     */
    private Optional<Figure> grouped(String name, String title, List<String> subjects, Palette palette,
                                     String yLabel, String xLabel, Function<List<String>, List<Line>> maker) {
        if (subjects.size() <= maxPerChart) {
            XYPlot plot = plot(maker.apply(subjects), xLabel, yLabel);
            return Optional.of(Figure.single(name, ChartStyle.chart(title, plot, true, false)));
        }
        List<XYPlot> plots = new ArrayList<>();
        double yMax = 0;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (String s : subjects) {
            List<Line> lines = maker.apply(List.of(s));
            for (Line l : lines) {
                yMax = Math.max(yMax, l.maxY());
                if (l.x().length > 0) {
                    xMin = Math.min(xMin, l.x()[0]);
                    xMax = Math.max(xMax, l.x()[l.x().length - 1]);
                }
            }
            plots.add(plot(lines, xLabel, yLabel));
        }
        List<JFreeChart> panels = new ArrayList<>();
        for (int i = 0; i < plots.size(); i++) {
            XYPlot p = plots.get(i);
            if (yMax > 0) {
                p.getRangeAxis().setRange(0, yMax * 1.05);
            }
            if (xMax > xMin && !Double.isFinite(from) && !Double.isFinite(to)) {
                p.getDomainAxis().setRange(xMin, xMax);
            }
            // In a grid the panel title names the subject; a legend per panel would repeat it.
            panels.add(ChartStyle.chart(subjects.get(i), p, false, true));
        }
        return Optional.of(Figure.grid(name, title + " (" + subjects.size() + " panels)", panels, 4));
    }

    private XYPlot plot(List<Line> lines, String xLabel, String yLabel) {
        XYPlot plot = ChartStyle.plot(xLabel, yLabel);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        int i = 0;
        for (Line l : lines) {
            if (!l.isEmpty()) {
                addLine(plot, i++, l);
            }
        }
        if (xLabel.equals(TIME) && (Double.isFinite(from) || Double.isFinite(to))) {
            double lo = Double.isFinite(from) ? from : plot.getDomainAxis().getLowerBound();
            double hi = Double.isFinite(to) ? to : plot.getDomainAxis().getUpperBound();
            if (hi > lo) {
                plot.getDomainAxis().setRange(lo, hi);
            }
        }
        return plot;
    }

    /** One dataset and renderer per line, so each keeps its own colour, stroke and legend entry. */
    private static void addLine(XYPlot plot, int index, Line l) {
        // Steps are expanded to corner points and drawn as one path: a single SVG element per
        // series instead of one per segment (XYStepRenderer), which keeps SVG files small.
        Line drawn = l.step() ? l.withSteps() : l;
        DefaultXYDataset ds = new DefaultXYDataset();
        ds.addSeries(l.label(), new double[][] {drawn.x(), drawn.y()});
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setDrawSeriesLineAsPath(true);
        r.setSeriesPaint(0, l.colour());
        r.setSeriesLinesVisible(0, l.stroke() != null);
        if (l.stroke() != null) {
            r.setSeriesStroke(0, l.stroke());
        }
        r.setSeriesShapesVisible(0, l.shape() != null);
        if (l.shape() != null) {
            r.setSeriesShape(0, l.shape());
            r.setSeriesShapesFilled(0, l.filledShape());
            // A filled marker needs no outline; drawing one would double the SVG elements.
            r.setDrawOutlines(!l.filledShape());
            r.setUseOutlinePaint(false);
        }
        r.setDefaultLegendTextFont(ChartStyle.LEGEND_FONT);
        plot.setDataset(index, ds);
        plot.setRenderer(index, r);
    }

    private static void addLegendItem(XYPlot plot, LegendItem extra) {
        LegendItemCollection items = new LegendItemCollection();
        items.addAll(plot.getLegendItems());
        extra.setLabelFont(ChartStyle.LEGEND_FONT);
        items.add(extra);
        plot.setFixedLegendItems(items);
    }

    /** A step series, scaled, decimated, and held to {@code end} (its last value is still in force). */
    private Line stepLine(String label, double[] t, double[] v, double end, AxisScale scale, Color c,
                          java.awt.Stroke stroke) {
        double[] x = t;
        double[] y = v;
        if (!Double.isNaN(end) && t.length > 0 && end > t[t.length - 1]) {
            x = Arrays.copyOf(t, t.length + 1);
            y = Arrays.copyOf(v, v.length + 1);
            x[t.length] = end;
            y[t.length] = v[v.length - 1];
        }
        return decimated(Line.line(label, x, y, c, stroke, true), scale);
    }

    /** Events of one series drawn at the height of {@code on} (e.g. retransmissions on the cwnd line). */
    private Line eventsOn(String label, String series, String subject, TimeSeries on, boolean before,
                          AxisScale scale, Color c, java.awt.Shape shape, boolean filled) {
        Optional<TimeSeries> ev = data.get(series, subject);
        if (ev.isEmpty()) {
            return Line.markers(label, new double[0], new double[0], c, shape, filled);
        }
        double[] t = ev.get().times();
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double v = before ? on.stepValueBefore(t[i]) : Double.NaN;
            y[i] = Double.isNaN(v) ? on.stepValueAt(t[i]) : v;
        }
        return scaled(Line.markers(label, t, y, c, shape, filled), scale);
    }

    private Line decimated(Line l, AxisScale scale) {
        double[][] d = Decimator.m4(l.x(), l.y(), buckets);
        return scaled(new Line(l.label(), d[0], d[1], l.colour(), l.stroke(), l.shape(), l.step(), l.filledShape()),
                scale);
    }

    private static Line scaled(Line l, AxisScale scale) {
        if (scale.divisor() == 1) {
            return l;
        }
        double[] y = new double[l.y().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = scale.apply(l.y()[i]);
        }
        return new Line(l.label(), l.x(), y, l.colour(), l.stroke(), l.shape(), l.step(), l.filledShape());
    }

    private static Line scaledX(Line l, AxisScale scale) {
        double[] x = new double[l.x().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = scale.apply(l.x()[i]);
        }
        return new Line(l.label(), x, l.y(), l.colour(), l.stroke(), l.shape(), l.step(), l.filledShape());
    }

    /** ssthresh values to draw: "unlimited" ones become gaps (NaN). */
    static double[] drawableSsthresh(double[] ssthresh, double cwndMax) {
        double limit = Double.isFinite(cwndMax) && cwndMax > 0
                ? Math.min(UNLIMITED_SSTHRESH, cwndMax * SSTHRESH_DRAW_FACTOR) : UNLIMITED_SSTHRESH;
        double[] out = new double[ssthresh.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ssthresh[i] >= limit ? Double.NaN : ssthresh[i];
        }
        return out;
    }

    /** Times at which a cumulative counter rose, with the size of each rise. */
    static double[][] increments(TimeSeries cumulative) {
        double[] t = cumulative.times();
        double[] v = cumulative.values();
        DoubleArrays times = new DoubleArrays();
        double prev = 0;
        for (int i = 0; i < t.length; i++) {
            if (v[i] > prev) {
                times.add(t[i], v[i] - prev);
            }
            if (!Double.isNaN(v[i])) {
                prev = v[i];
            }
        }
        return times.toArrays();
    }

    /** Empirical CDF as a step line, thinned to at most {@code maxPoints} evenly spaced ranks. */
    static double[][] cdf(double[] samples, int maxPoints) {
        double[] s = Arrays.stream(samples).filter(Double::isFinite).sorted().toArray();
        int n = s.length;
        int points = Math.min(n, maxPoints);
        double[] x = new double[points + 1];
        double[] y = new double[points + 1];
        if (n == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        x[0] = s[0];
        y[0] = 0;
        for (int k = 1; k <= points; k++) {
            int rank = (int) Math.round((double) k * n / points); // 1..n, the last is n
            x[k] = s[rank - 1];
            y[k] = (double) rank / n;
        }
        return new double[][] {x, y};
    }

    private double lastTime(String subject, String... series) {
        double end = Double.NEGATIVE_INFINITY;
        for (String s : series) {
            Optional<TimeSeries> ts = data.get(s, subject);
            if (ts.isPresent() && !ts.get().isEmpty()) {
                end = Math.max(end, ts.get().time(ts.get().size() - 1));
            }
        }
        return Double.isFinite(to) ? Math.max(end, to) : end;
    }

    private AxisScale maxOf(String series, List<String> subjects, java.util.function.DoubleFunction<AxisScale> pick) {
        double max = 0;
        for (String s : subjects) {
            max = Math.max(max, data.get(series, s).map(TimeSeries::maxValue).orElse(0.0));
        }
        return pick.apply(max);
    }

    private static double max(double[] v) {
        double m = 0;
        for (double d : v) {
            if (d > m) {
                m = d;
            }
        }
        return m;
    }

    /** A file-system and URL safe name: kind plus the subject with anything unusual replaced. */
    public static String fileName(String kind, String subject) {
        StringBuilder b = new StringBuilder(kind).append('-');
        for (char ch : subject.toCharArray()) {
            if (Character.isLetterOrDigit(ch) && ch < 128 || ch == '-' || ch == '_' || ch == '.') {
                b.append(ch);
            } else if (ch == '>' && b.charAt(b.length() - 1) == '-') {
                continue; // "a->b" reads as "a-b"
            } else {
                b.append('_');
            }
        }
        return b.toString();
    }

    /** Two growing primitive arrays. */
    private static final class DoubleArrays {
        private double[] a = new double[16];
        private double[] b = new double[16];
        private int n;

        void add(double x, double y) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
                b = Arrays.copyOf(b, n * 2);
            }
            a[n] = x;
            b[n++] = y;
        }

        double[][] toArrays() {
            return new double[][] {Arrays.copyOf(a, n), Arrays.copyOf(b, n)};
        }
    }
}
