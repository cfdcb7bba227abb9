package org.sockeye.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sockeye.config.MetricSpec;
import org.sockeye.config.SweepChartSpec;
import org.sockeye.config.SweepSpec;
import org.sockeye.reports.CsvIO;
import org.sockeye.reports.ImageFormat;
import org.sockeye.reports.Table;
import org.sockeye.reports.charts.AxisScale;
import org.sockeye.reports.charts.Figure;
import org.sockeye.reports.charts.ModelCurve;
import org.sockeye.reports.charts.SweepCharts;
import org.sockeye.reports.html.ChartEntry;
import org.sockeye.reports.html.HtmlReport;

/**
 * The pictures and page of a sweep: each metric against each parameter that varies (means with
 * 95 % intervals, one line per value of another varying parameter), the charts the sweep file asks
 * for (log axes, model curves), and {@code index.html} with the summary and a link to every run.
 */
public final class BatchReport {
    private static final int MODEL_POINTS = 200;

    private BatchReport() {
    }

    public static Path write(SweepSpec sweep, Path out) throws IOException {
        Table summary = CsvIO.read(out.resolve("summary.csv"));
        Table runs = CsvIO.read(out.resolve("runs.csv"));
        Path chartDir = out.resolve("charts");
        Files.createDirectories(chartDir);
        List<ChartEntry> entries = new ArrayList<>();
        List<String> varying = varying(sweep);
        Set<String> drawn = new LinkedHashSet<>();
        for (SweepChartSpec c : sweep.charts()) {
            SweepCharts.Spec spec = scaled(SweepCharts.Spec.of(c.x(), c.metric()), sweep, summary, c.metric())
                    .withLogAxes(c.logX(), c.logY()).withCurves(curves(c, sweep));
            if (c.groupBy() != null) {
                spec = spec.withGroupBy(c.groupBy());
            }
            entries.add(draw(SweepCharts.plot(summary, spec), chartDir));
            drawn.add(c.metric() + "|" + c.x());
        }
        for (MetricSpec m : sweep.metrics()) {
            for (String x : varying) {
                if (drawn.add(m.name() + "|" + x)) {
                    SweepCharts.Spec spec = scaled(SweepCharts.Spec.of(x, m.name()), sweep, summary, m.name());
                    String other = varying.stream().filter(p -> !p.equals(x)).findFirst().orElse(null);
                    if (other != null) {
                        spec = spec.withGroupBy(other);
                    }
                    entries.add(draw(SweepCharts.plot(summary, spec), chartDir));
                }
            }
        }
        Table linked = withReportLinks(runs, out);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sweep", sweep.name());
        facts.put("experiment", sweep.experiment() == null ? "" : sweep.experiment().getFileName().toString());
        facts.put("seed", sweep.seed());
        facts.put("repetitions", sweep.repetitions());
        facts.put("runs", runs.size());
        long ok = runs.rows().stream().filter(r -> "ok".equals(r.get(runs.columnIndex("status")))).count();
        facts.put("complete", ok);
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("Summary", summary);
        tables.put("Runs", linked);
        String html = HtmlReport.render("Sweep " + sweep.name(), facts, tables, entries, List.of(), "Sweep file",
                sweep.source());
        Path index = out.resolve("index.html");
        Files.writeString(index, html, StandardCharsets.UTF_8);
        return index;
    }

    /** Gives the y axis a unit from the metric's column: bit rates in b/s, times in seconds. */
    private static SweepCharts.Spec scaled(SweepCharts.Spec spec, SweepSpec sweep, Table summary, String metric) {
        String column = sweep.metrics().stream().filter(m -> m.name().equals(metric)).map(MetricSpec::column)
                .findFirst().orElse("");
        double max = 0;
        int i = summary.columns().indexOf(metric + "_mean");
        for (List<Object> r : summary.rows()) {
            try {
                max = Math.max(max, Math.abs(Double.parseDouble(String.valueOf(r.get(i)))));
            } catch (NumberFormatException e) {
                // a blank mean (no complete run) does not set the scale
            }
        }
        if (column.endsWith("_bps")) {
            return spec.withYScale(AxisScale.bitRate(max));
        }
        if (column.endsWith("_s")) {
            return spec.withYScale(AxisScale.seconds(max));
        }
        return spec;
    }

    private static List<String> varying(SweepSpec sweep) {
        List<String> v = new ArrayList<>();
        sweep.parameters().forEach((k, vals) -> {
            if (new LinkedHashSet<>(vals).size() > 1) {
                v.add(k);
            }
        });
        return v;
    }

    private static List<ModelCurve> curves(SweepChartSpec c, SweepSpec sweep) {
        List<ModelCurve> curves = new ArrayList<>();
        if (c.model() == null || c.curves().isEmpty()) {
            return curves;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String v : sweep.parameters().get(c.x())) {
            double x = Double.parseDouble(v.replaceAll("[^0-9.eE+-]", ""));
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        for (String name : c.curves()) {
            SweepChartSpec.TcpModelInputs m = c.model();
            curves.add(switch (name) {
                case "mathis" -> ModelCurve.of("Mathis et al. (b = " + (int) m.b() + ")", p -> TcpModels.mathis(m, p),
                        lo, hi, MODEL_POINTS, c.logX());
                case "padhye" -> ModelCurve.of("Padhye et al. (b = " + (int) m.b() + ")", p -> TcpModels.padhye(m, p),
                        lo, hi, MODEL_POINTS, c.logX());
                default -> throw new IllegalArgumentException("unknown model " + name);
            });
        }
        return curves;
    }

    private static ChartEntry draw(Figure f, Path dir) throws IOException {
        f.writePng(dir.resolve(f.name() + ".png"), Figure.DEFAULT_WIDTH, f.defaultHeight());
        f.writeSvg(dir.resolve(f.name() + ".svg"), Figure.DEFAULT_WIDTH, f.defaultHeight());
        return new ChartEntry(f.name(), f.title(), List.of(ImageFormat.SVG, ImageFormat.PNG));
    }

    /** runs.csv plus a column linking each complete run's own report. */
    private static Table withReportLinks(Table runs, Path out) {
        List<String> cols = new ArrayList<>(runs.columns());
        cols.add("report");
        Table t = new Table(cols);
        int id = runs.columnIndex("run");
        for (List<Object> r : runs.rows()) {
            List<Object> row = new ArrayList<>(r);
            String page = "runs/" + r.get(id) + "/index.html";
            row.add(Files.isRegularFile(out.resolve(page)) ? page : "");
            t.addRow(row.toArray());
        }
        return t;
    }
}
