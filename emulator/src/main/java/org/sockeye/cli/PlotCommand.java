package org.sockeye.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sockeye.reports.ReportOptions;
import org.sockeye.reports.ReportResult;
import org.sockeye.reports.ResultsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sockeye plot}: redraw charts and index.html from an existing results directory. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Redraw the charts and index.html of a results directory from its CSVs, without rerunning.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A directory written by 'sockeye run'.")
    Path dir;

    @Option(names = "--charts", paramLabel = "LIST",
            description = "Charts to draw: goodput, queue, link-throughput, latency-cdf, cwnd, rtt, tseq, cpu (default: all the data supports).")
    String charts;

    @Option(names = "--series", paramLabel = "LIST", description = "Only charts showing these series, e.g. cwnd,queue.")
    String series;

    @Option(names = "--flows", paramLabel = "LIST", description = "Only these flows (by name).")
    String flows;

    @Option(names = "--links", paramLabel = "LIST", description = "Only these links (name, or link:from->to).")
    String links;

    @Option(names = "--from", paramLabel = "TIME", description = "Start of the time window, e.g. 2s.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the time window, e.g. 10s.")
    String to;

    @Option(names = "--formats", paramLabel = "LIST", defaultValue = "png,svg", description = "png, svg (default: ${DEFAULT-VALUE}).")
    String formats;

    @Option(names = "--max-flows-per-chart", paramLabel = "N", description = "Beyond this, flows go into small multiples.")
    Integer maxFlowsPerChart;

    @Option(names = "--size", paramLabel = "WxH", description = "Chart size in pixels, e.g. 1600x900.")
    String size;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": no such directory");
        }
        ReportOptions options;
        try {
            ReportOptions.Builder b = ReportOptions.builder().formats(formats);
            if (charts != null) {
                b.charts(charts);
            }
            if (series != null) {
                b.series(series);
            }
            if (flows != null) {
                b.flows(flows);
            }
            if (links != null) {
                b.links(links);
            }
            if (from != null || to != null) {
                b.window(from, to);
            }
            if (maxFlowsPerChart != null) {
                b.maxFlowsPerChart(maxFlowsPerChart);
            }
            if (size != null) {
                String[] wh = size.toLowerCase().split("x");
                if (wh.length != 2) {
                    throw new IllegalArgumentException("--size takes WIDTHxHEIGHT, e.g. 1600x900");
                }
                b.size(Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip()));
            }
            options = b.build();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ReportResult r;
        try {
            r = ResultsReport.render(dir, options);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.printf("%d charts, %s%n", r.charts().size(), r.index());
        r.notes().forEach(n -> out.println("note: " + n));
        return Main.EXIT_OK;
    }
}
