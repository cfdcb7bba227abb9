package org.sockeye.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sockeye.reports.charts.Figure;
import org.sockeye.reports.series.SeriesCatalog;

/**
 * What a report draws. Everything is optional: the default draws every chart the data supports,
 * for all flows and links, over the whole run, as PNG and SVG. Built with {@link #builder()}, whose
 * setters also take the strings a command line gives ("cwnd,queue", "1s", "500ms").
 *
 * <p>Empty filters mean "all". The flow filter applies to flow subjects (flow or application names,
 * either alias matches); the link filter to link subjects ({@code link:from->to}), matched by the full
 * subject or by the link name alone.
 */
public final class ReportOptions {
    private final Set<ChartKind> charts;
    private final Set<String> series;
    private final Set<String> flows;
    private final Set<String> links;
    private final double from;
    private final double to;
    private final Set<ImageFormat> formats;
    private final int maxFlowsPerChart;
    private final int maxFlows;
    private final int width;
    private final int height;

    private ReportOptions(Builder b) {
        this.charts = b.charts.isEmpty() ? EnumSet.allOf(ChartKind.class) : EnumSet.copyOf(b.charts);
        this.series = Set.copyOf(b.series);
        this.flows = Set.copyOf(b.flows);
        this.links = Set.copyOf(b.links);
        this.from = b.from;
        this.to = b.to;
        this.formats = b.formats.isEmpty() ? EnumSet.allOf(ImageFormat.class) : EnumSet.copyOf(b.formats);
        this.maxFlowsPerChart = b.maxFlowsPerChart;
        this.maxFlows = b.maxFlows;
        this.width = b.width;
        this.height = b.height;
    }

    public static ReportOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a chart kind is wanted: selected, and (with a series filter) drawing a listed series. */
    public boolean wants(ChartKind kind) {
        if (!charts.contains(kind)) {
            return false;
        }
        return series.isEmpty() || kind.triggers().stream().anyMatch(series::contains);
    }

    /** Whether a series must be read: some wanted chart draws it. */
    public boolean needsSeries(String name) {
        for (ChartKind k : ChartKind.values()) {
            if (wants(k) && k.draws(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a subject passes the flow or link filter; {@code aliases} are other names of a flow. */
    public boolean acceptsSubject(String subject, Set<String> aliases) {
        if (SeriesCatalog.isLinkSubject(subject)) {
            return links.isEmpty() || links.contains(subject) || links.contains(SeriesCatalog.linkName(subject));
        }
        if (flows.isEmpty() || flows.contains(subject)) {
            return true;
        }
        for (String a : aliases) {
            if (flows.contains(a)) {
                return true;
            }
        }
        return false;
    }

    public Set<ChartKind> charts() {
        return charts;
    }

    public Set<String> series() {
        return series;
    }

    public Set<String> flows() {
        return flows;
    }

    public Set<String> links() {
        return links;
    }

    /** Window start in seconds; -Infinity when unset. */
    public double from() {
        return from;
    }

    /** Window end in seconds; +Infinity when unset. */
    public double to() {
        return to;
    }

    public boolean hasWindow() {
        return Double.isFinite(from) || Double.isFinite(to);
    }

    public Set<ImageFormat> formats() {
        return formats;
    }

    public int maxFlowsPerChart() {
        return maxFlowsPerChart;
    }

    public int maxFlows() {
        return maxFlows;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    private static final Pattern DURATION = Pattern.compile("([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(s|ms|us|µs|ns|min)?");

    /**
     * Parses a time such as "1.5", "1.5s", "250ms", "40us", "2min" into seconds. A bare number is
     * seconds, as in the results files.
     */
    public static double parseSeconds(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a time: '" + text + "' (try 1.5s, 250ms, 40us)");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> v * 1e-3;
            case "us", "µs" -> v * 1e-6;
            case "ns" -> v * 1e-9;
            case "min" -> v * 60;
            default -> v;
        };
    }

    /** Splits "a,b, c" into [a, b, c], dropping blanks. */
    static List<String> splitList(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    public static final class Builder {
        private final Set<ChartKind> charts = new LinkedHashSet<>();
        private final Set<String> series = new LinkedHashSet<>();
        private final Set<String> flows = new LinkedHashSet<>();
        private final Set<String> links = new LinkedHashSet<>();
        private double from = Double.NEGATIVE_INFINITY;
        private double to = Double.POSITIVE_INFINITY;
        private final Set<ImageFormat> formats = new LinkedHashSet<>();
        private int maxFlowsPerChart = 8;
        private int maxFlows = 32;
        private int width = Figure.DEFAULT_WIDTH;
        private int height = Figure.DEFAULT_HEIGHT;

        private Builder() {
        }

        public Builder charts(List<ChartKind> kinds) {
            charts.addAll(kinds);
            return this;
        }

        /** Chart ids, e.g. "cwnd,queue,tseq". */
        public Builder charts(String csv) {
            splitList(csv).forEach(s -> charts.add(ChartKind.parse(s)));
            return this;
        }

        /** Series names (e.g. cwnd, queue): only charts drawing one of them are made. */
        public Builder series(List<String> names) {
            names.forEach(n -> series.add(n.trim()));
            return this;
        }

        public Builder series(String csv) {
            return series(splitList(csv));
        }

        /** Flow or application names to draw. */
        public Builder flows(List<String> names) {
            names.forEach(n -> flows.add(n.trim()));
            return this;
        }

        public Builder flows(String csv) {
            return flows(splitList(csv));
        }

        /** Link names ("bottleneck") or link directions ("bottleneck:r1->r2") to draw. */
        public Builder links(List<String> names) {
            names.forEach(n -> links.add(n.trim()));
            return this;
        }

        public Builder links(String csv) {
            return links(splitList(csv));
        }

        /** Flows and links together: each name goes to the filter its form belongs to. */
        public Builder subjects(List<String> names) {
            for (String n : names) {
                if (SeriesCatalog.isLinkSubject(n)) {
                    links.add(n.trim());
                } else {
                    flows.add(n.trim());
                }
            }
            return this;
        }

        /** Time window in seconds; either end may be infinite (open). */
        public Builder window(double fromSeconds, double toSeconds) {
            if (!(fromSeconds < toSeconds)) {
                throw new IllegalArgumentException("time window must have from < to, got " + fromSeconds
                        + " and " + toSeconds);
            }
            this.from = fromSeconds;
            this.to = toSeconds;
            return this;
        }

        /** Time window from strings such as "1s" and "5s"; null or blank leaves that end open. */
        public Builder window(String fromText, String toText) {
            double f = fromText == null || fromText.isBlank() ? Double.NEGATIVE_INFINITY : parseSeconds(fromText);
            double t = toText == null || toText.isBlank() ? Double.POSITIVE_INFINITY : parseSeconds(toText);
            return window(f, t);
        }

        public Builder formats(List<ImageFormat> f) {
            formats.addAll(f);
            return this;
        }

        /** "png", "svg" or "png,svg". */
        public Builder formats(String csv) {
            splitList(csv).forEach(s -> formats.add(ImageFormat.parse(s)));
            return this;
        }

        /** Subjects on one plot before switching to small multiples (default 8). */
        public Builder maxFlowsPerChart(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max flows per chart must be at least 1");
            }
            this.maxFlowsPerChart = n;
            return this;
        }

        /** Draw only the first n flows (default 32); 0 draws all. */
        public Builder maxFlows(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("max flows must not be negative");
            }
            this.maxFlows = n;
            return this;
        }

        public Builder size(int w, int h) {
            if (w < 200 || h < 150) {
                throw new IllegalArgumentException("chart size must be at least 200x150");
            }
            this.width = w;
            this.height = h;
            return this;
        }

        public ReportOptions build() {
            return new ReportOptions(this);
        }
    }

    @Override
    public String toString() {
        return "ReportOptions" + Arrays.asList(charts, series, flows, links, from, to, formats, maxFlowsPerChart,
                maxFlows, width, height);
    }
}
