package org.sockeye.reports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sockeye.reports.charts.Charts;
import org.sockeye.reports.charts.Figure;
import org.sockeye.reports.charts.Palette;
import org.sockeye.reports.html.ChartEntry;
import org.sockeye.reports.html.HtmlReport;
import org.sockeye.reports.series.SeriesCatalog;
import org.sockeye.reports.series.SeriesSelection;
import org.sockeye.reports.series.TimeSeriesCsvReader;
import org.sockeye.reports.series.TimeSeriesSet;

/**
 * The report of one results directory: reads what is there, writes {@code charts/<name>.png|svg} for
 * every chart the data supports and {@code index.html}. Same directory and options, same bytes.
 */
public final class ResultsReport {
    public static final String FLOWS = "flows.csv";
    public static final String LINKS = "links.csv";
    public static final String APPS = "apps.csv";
    public static final String HOSTS = "hosts.csv";
    public static final String TIMESERIES = "timeseries.csv";
    public static final String RUN = "run.json";
    public static final String EXPERIMENT = "experiment.yaml";
    public static final String CHARTS_DIR = "charts";
    public static final String INDEX = "index.html";

    private final Path dir;
    private final ReportOptions opts;
    private final Table flows;
    private final Table links;
    private final Table apps;
    private final Table hosts;
    /** Every name of each flow: its flow name and its application's name share one colour and filter. */
    private final Map<String, Set<String>> aliases = new LinkedHashMap<>();
    private final Palette flowColours = new Palette();
    private final Palette linkColours = new Palette();
    private final List<String> notes = new ArrayList<>();

    private ResultsReport(Path dir, ReportOptions opts) throws IOException {
        this.dir = dir;
        this.opts = opts;
        this.flows = readTable(FLOWS);
        this.links = readTable(LINKS);
        this.apps = readTable(APPS);
        this.hosts = readTable(HOSTS);
    }

    /** Renders the report; returns what was written. Throws IOException with a readable message. */
    public static ReportResult render(Path resultsDir, ReportOptions opts) throws IOException {
        if (!Files.isDirectory(resultsDir)) {
            throw new IOException("not a results directory: " + resultsDir);
        }
        return new ResultsReport(resultsDir, opts).render();
    }

    private ReportResult render() throws IOException {
        registerFlowsAndLinks();
        TimeSeriesSet data = readTimeSeries();
        List<String> flowSubjects = new ArrayList<>();
        List<String> linkSubjects = new ArrayList<>();
        for (String s : data.allSubjects()) {
            (SeriesCatalog.isLinkSubject(s) ? linkSubjects : flowSubjects).add(s);
        }
        // Colours follow flows.csv order; subjects only in the time series come after, in file order.
        flowColours.registerAll(flowSubjects);
        linkColours.registerAll(linkSubjects);
        flowSubjects = inPaletteOrder(flowSubjects);
        flowSubjects = capFlows(flowSubjects);

        Charts charts = new Charts(data, flowColours, linkColours, opts.maxFlowsPerChart(), opts.from(), opts.to());
        List<Figure> figures = new ArrayList<>();
        for (ChartKind kind : ChartKind.values()) {
            if (!opts.wants(kind)) {
                continue;
            }
            switch (kind) {
                case GOODPUT -> charts.goodput(flowSubjects).ifPresent(figures::add);
                case QUEUE -> linkSubjects.forEach(l -> charts.queue(l).ifPresent(figures::add));
                case LINK_THROUGHPUT -> charts.linkThroughput(linkSubjects).ifPresent(figures::add);
                case LATENCY_CDF -> charts.latencyCdf(flowSubjects).ifPresent(figures::add);
                case CWND -> flowSubjects.forEach(f -> charts.cwnd(f).ifPresent(figures::add));
                case RTT -> charts.rtt(flowSubjects).ifPresent(figures::add);
                case TIME_SEQUENCE -> flowSubjects.forEach(f -> charts.timeSequence(f).ifPresent(figures::add));
                case CPU -> charts.cpu(flowSubjects).ifPresent(figures::add);
                default -> throw new IllegalStateException("unhandled chart kind " + kind);
            }
        }
        List<ChartEntry> entries = writeCharts(figures);
        Map<String, Object> facts = runFacts();
        Map<String, Table> tables = new LinkedHashMap<>();
        putIfPresent(tables, "Flows", flows);
        putIfPresent(tables, "Applications", apps);
        putIfPresent(tables, "Links", links);
        putIfPresent(tables, "Hosts", hosts);
        String html = HtmlReport.render(title(facts), facts, tables, entries, notes, "Experiment", readText(EXPERIMENT));
        Path index = dir.resolve(INDEX);
        Files.writeString(index, html, StandardCharsets.UTF_8);
        return new ReportResult(index, entries, notes);
    }

    private static void putIfPresent(Map<String, Table> tables, String heading, Table t) {
        if (t != null && t.size() > 0) {
            tables.put(heading, t);
        }
    }

    private void registerFlowsAndLinks() {
        if (flows != null && flows.columns().contains("flow")) {
            int f = flows.columnIndex("flow");
            int a = flows.columns().indexOf("application");
            for (List<Object> row : flows.rows()) {
                String flow = String.valueOf(row.get(f));
                String app = a < 0 || row.get(a) == null ? "" : row.get(a).toString();
                if (flow.isBlank()) {
                    continue;
                }
                flowColours.register(flow, app);
                Set<String> names = new LinkedHashSet<>(List.of(flow));
                if (!app.isBlank()) {
                    names.add(app);
                    aliases.computeIfAbsent(app, k -> new LinkedHashSet<>()).add(flow);
                }
                aliases.computeIfAbsent(flow, k -> new LinkedHashSet<>()).addAll(names);
            }
        }
        if (links != null && links.columns().containsAll(List.of("link", "from", "to"))) {
            int l = links.columnIndex("link");
            int from = links.columnIndex("from");
            int to = links.columnIndex("to");
            for (List<Object> row : links.rows()) {
                linkColours.register(row.get(l) + ":" + row.get(from) + "->" + row.get(to));
            }
        }
    }

    private TimeSeriesSet readTimeSeries() throws IOException {
        Path ts = dir.resolve(TIMESERIES);
        if (!Files.isRegularFile(ts)) {
            notes.add("No " + TIMESERIES + " in this results directory: no charts.");
            return new TimeSeriesSet();
        }
        SeriesSelection sel = new SeriesSelection(opts::needsSeries,
                (series, subject) -> opts.acceptsSubject(subject, aliases.getOrDefault(subject, Set.of())),
                opts.from(), opts.to());
        return TimeSeriesCsvReader.read(ts, sel);
    }

    /** Flows in colour order, so panels and legends list them as flows.csv does. */
    private List<String> inPaletteOrder(List<String> subjects) {
        List<String> ordered = new ArrayList<>(subjects);
        ordered.sort((a, b) -> Integer.compare(paletteRank(a), paletteRank(b)));
        return ordered;
    }

    private int paletteRank(String subject) {
        int i = 0;
        for (String known : aliases.keySet()) {
            if (known.equals(subject)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE; // stable sort keeps file order among unknown subjects
    }

    private List<String> capFlows(List<String> subjects) {
        if (opts.maxFlows() == 0) {
            return subjects;
        }
        // Count flows, not names: a flow's name and its application's name are one flow.
        List<String> kept = new ArrayList<>();
        Set<String> seenFlows = new HashSet<>();
        int dropped = 0;
        for (String s : subjects) {
            String canonical = aliases.getOrDefault(s, Set.of(s)).iterator().next();
            if (seenFlows.contains(canonical) || seenFlows.size() < opts.maxFlows()) {
                seenFlows.add(canonical);
                kept.add(s);
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            notes.add("Only the first " + opts.maxFlows() + " flows are drawn; " + dropped
                    + " more are left out (choose flows with a flow filter, or raise the limit).");
        }
        return kept;
    }

    private List<ChartEntry> writeCharts(List<Figure> figures) throws IOException {
        List<ChartEntry> entries = new ArrayList<>();
        if (figures.isEmpty()) {
            return entries;
        }
        Path chartsDir = dir.resolve(CHARTS_DIR);
        Files.createDirectories(chartsDir);
        Set<String> used = new HashSet<>();
        for (Figure f : figures) {
            String name = unique(f.name(), used);
            int w = opts.width();
            int h = f.isGrid() ? Math.max(opts.height(), f.defaultHeight()) : opts.height();
            List<ImageFormat> written = new ArrayList<>();
            for (ImageFormat fmt : ImageFormat.values()) {
                if (!opts.formats().contains(fmt)) {
                    continue;
                }
                Path file = chartsDir.resolve(name + "." + fmt.extension());
                switch (fmt) {
                    case PNG -> f.writePng(file, w, h);
                    case SVG -> f.writeSvg(file, w, h);
                    default -> throw new IllegalStateException("unhandled format " + fmt);
                }
                written.add(fmt);
            }
            entries.add(new ChartEntry(name, f.title(), written));
        }
        return entries;
    }

    /** Distinct subjects can sanitise to one file name; number the later ones. */
    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n); i++) {
            n = name + "-" + i;
        }
        return n;
    }

    private String title(Map<String, Object> facts) {
        Object exp = facts.get("experiment");
        return exp == null ? dir.toAbsolutePath().normalize().getFileName().toString() : exp.toString();
    }

    private Map<String, Object> runFacts() {
        Path p = dir.resolve(RUN);
        if (!Files.isRegularFile(p)) {
            return Map.of();
        }
        try {
            Map<String, Object> m = new ObjectMapper().readValue(p.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
            return m == null ? Map.of() : m;
        } catch (IOException e) {
            notes.add(RUN + " could not be read: " + e.getMessage());
            return Map.of();
        }
    }

    private Table readTable(String name) throws IOException {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p) || Files.size(p) == 0) {
            return null;
        }
        return CsvIO.read(p);
    }

    private String readText(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }
}
